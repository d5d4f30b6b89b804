package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The population school's own pages in headless Chromium against the real launcher (real logins, CSRF): a teacher
 * opens the school from the menu, enrols the class from the target-group query, takes attendance on a phone-sized
 * screen, enters exam scores, reads the results with a reason and graduates the class; the module is switched off
 * (menu entry gone, the open page says so) and on (back, with the data); the English switch. Screenshots:
 * {@code target/screenshots/sc-*.png}. The module's card on the dashboard and its panel on an enrolled resident's page,
 * gone while it is off.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SchoolUiIT {
    static final String PASSWORD = "School-2026x";
    private static final String COMMUNITY = "440606901001";

    private Process process;
    private Http http;
    private Http admin;
    private Browser b;
    private long klass;
    private long school;

    @BeforeAll
    void start() throws Exception {
        Path home = RenkouOptions.newHome("school-ui");
        int port = RenkouOptions.freePort();
        http = new Http(port);
        process = RenkouProcess.launch(home, Integer.toString(port), Map.of());
        http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 60);
        String printed = RenkouProcess.awaitAdminPassword(home, 30);
        changePassword(http.login("admin", printed), printed);
        admin = http.login("admin", PASSWORD);
        staff("sc-director", "陈主任", "DIRECTOR", "440606901");
        staff("sc-teacher", "张老师", "TEACHER", COMMUNITY);
        Http director = http.login("sc-director", PASSWORD);
        Http teacher = http.login("sc-teacher", PASSWORD);
        http.await("/api/school/schools", r -> r.status() != 404 && r.status() != 503, 60);
        school = SchoolIT.id(director.postJson("/api/school/schools", "{\"name\":\"一社区人口学校\",\"jurisdictionCode\":\""
                + COMMUNITY + "\",\"classroom\":\"社区活动中心二楼\"}"));
        long teacherId = SchoolIT.id(director.postJson("/api/school/schools/" + school + "/teachers", "{\"username\":\"sc-teacher\"}"));
        long course = SchoolIT.id(teacher.postJson("/api/school/schools/" + school + "/courses", "{\"title\":\"新婚期保健与优生\","
                + "\"stages\":[\"NEWLY_MARRIED\",\"PREGNANCY\"],\"topic\":\"HEALTHY_BIRTH\",\"hours\":4,\"passMark\":60}"));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        klass = SchoolIT.id(teacher.postJson("/api/school/schools/" + school + "/classes", "{\"name\":\"本年第一期\",\"courseId\":"
                + course + ",\"teacherId\":" + teacherId + ",\"startsOn\":\"" + today + "\"}"));
        assertEquals(201, teacher.postJson("/api/school/schools/" + school + "/sessions", "{\"heldOn\":\"" + today
                + "\",\"topic\":\"孕前优生健康检查\",\"teacherId\":" + teacherId + ",\"targetGroup\":\"育龄妇女\",\"classId\":"
                + klass + "}").status());
        for (int i = 0; i < 12; i++) {
            Http.Response r = admin.postJson("/api/residents", "{\"idNumber\":\"" + ResidentIT.idNumber("44060619900606"
                    + String.format("%03d", 600 + i * 2)) + "\",\"name\":\"学员" + (char) ('甲' + i) + "\",\"residenceCode\":\""
                    + COMMUNITY + "\"}");
            assertEquals(201, r.status(), r.body());
        }
        b = new Browser("http://127.0.0.1:" + port, home);
    }

    @AfterAll
    void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        RenkouProcess.stop(process);
    }

    private void staff(String user, String name, String role, String code) throws Exception {
        Http.Response r = admin.postJson("/api/staff", "{\"username\":\"" + user + "\",\"name\":\"" + name
                + "\",\"roles\":[\"" + role + "\"],\"jurisdictionCodes\":[\"" + code + "\"],\"password\":\"Start-2026a\"}");
        assertEquals(201, r.status(), r.body());
        changePassword(http.login(user, "Start-2026a"), "Start-2026a");
    }

    private static void changePassword(Http session, String old) throws Exception {
        Http.Response r = session.postJson("/api/auth/password", "{\"oldPassword\":\"" + old + "\",\"newPassword\":\""
                + PASSWORD + "\"}");
        assertEquals(204, r.status(), r.body());
    }

    private void clickRow(String css, String text) {
        b.waitForText(css, text);
        for (WebElement row : b.driver.findElements(By.cssSelector(css + " tbody tr"))) {
            if (row.getText().contains(text)) {
                List<WebElement> buttons = row.findElements(By.tagName("button"));
                (buttons.isEmpty() ? row : buttons.get(0)).click();
                return;
            }
        }
        throw new AssertionError("no row " + text + " in " + css);
    }

    @Test
    void aTeacherRunsAClassInChineseInARealBrowser() throws Exception {
        b.login("sc-teacher", PASSWORD);
        b.find("nav a[data-module=school]").click();
        clickRow("#sc-schools", "一社区人口学校");
        b.waitForText("#sc-school-name", "一社区人口学校");
        b.waitForText("#sc-courses", "新婚期");
        b.shot("sc-01-school");

        clickRow("#sc-classes", "本年第一期");
        b.waitForText("#sc-class-name", "本年第一期");
        b.find("#sc-enrol-group").click();
        b.waitForText("#sc-roster", "学员甲");
        b.waitForText("#sc-roster", "学员" + (char) ('甲' + 11));
        b.shot("sc-02-roster");

        // attendance on a phone-sized screen: everyone present by default, two taps, one save
        b.driver.manage().window().setSize(new Dimension(390, 844));
        b.find("#sc-sessions a[id^=sc-attend-]").click();
        b.find("#sc-attendance");
        List<WebElement> lines = b.driver.findElements(By.cssSelector("#sc-attendance .sc-line"));
        assertTrue(lines.size() >= 12, "roster lines: " + lines.size());
        lines.get(0).findElement(By.cssSelector("[data-mark=ABSENT]")).click();
        lines.get(1).findElement(By.cssSelector("[data-mark=LATE]")).click();
        b.find("#sc-save-attendance").click();
        b.waitForText("#sc-attendance", "已保存 " + lines.size());
        b.shot("sc-03-attendance-phone");
        b.driver.manage().window().setSize(new Dimension(1280, 900));

        // the lesson plan archived with its checksum
        b.open("sc-class/" + klass);
        b.find("#sc-sessions a[id^=sc-files-]").click();
        Path plan = java.nio.file.Files.createTempFile("lesson-", ".pdf");
        java.nio.file.Files.write(plan, "%PDF-1.4\n% lesson plan\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        b.find("#sc-file").sendKeys(plan.toAbsolutePath().toString());
        b.find("#sc-upload").click();
        b.waitForText("#sc-file-list", plan.getFileName().toString());
        b.shot("sc-04-lesson-plan");

        // the exam: scores in, the first person fails
        b.open("sc-class/" + klass);
        b.find("#sc-new-exam").click();
        b.find("#sc-exams a[id^=sc-exam-]").click();
        List<WebElement> inputs = b.driver.findElements(By.cssSelector("#sc-score-form input.sc-score"));
        b.find("#sc-score-form input.sc-score");
        inputs = b.driver.findElements(By.cssSelector("#sc-score-form input.sc-score"));
        for (int i = 0; i < inputs.size(); i++) {
            inputs.get(i).sendKeys(i == 0 ? "45" : "88");
        }
        b.find("#sc-save-scores").click();
        b.waitForText("#sc-score-form", "已保存 " + inputs.size());
        b.type("#sc-results-form input[name=reason]", "结业核对");
        b.find("#sc-results-form button[type=submit]").click();
        b.waitForText("#sc-results", "不及格");
        b.shot("sc-05-results");

        // the exam's paper: a question into the course's bank, the paper, one person's answers on the staff form
        b.find("#sc-link-paper").click();
        new org.openqa.selenium.support.ui.Select(b.find("#sc-question-form select[name=kind]")).selectByValue("TRUE_FALSE");
        b.type("#sc-question-form input[name=text]", "避孕方法由本人知情选择。");
        b.type("#sc-question-form input[name=answer]", "TRUE");
        b.find("#sc-question-form button[type=submit]").click();
        b.waitForText("#sc-paper-form", "避孕方法由本人知情选择");
        b.find("#sc-paper-form input[name=q]").click();
        b.find("#sc-create-paper").click();
        new org.openqa.selenium.support.ui.Select(b.find("#sc-sheet-form select[name=enrolmentId]")).selectByIndex(2);
        b.find("#sc-sheet-form input[value=TRUE]").click();
        b.find("#sc-submit-sheet").click();
        b.waitForText("#sc-sheet-form", "已交卷");
        b.type("#sc-sheets-form input[name=reason]", "试卷存档");
        b.find("#sc-sheets-form button[type=submit]").click();
        b.waitForText("#sc-sheets", "已阅卷");
        b.shot("sc-05b-paper");

        b.open("sc-class/" + klass);
        b.find("#sc-graduate").click();
        b.waitForText("#sc-roster", "已结业");
        b.waitForText("#sc-roster", "结业证书");
        b.shot("sc-06-graduated");

        // the certificate: a PDF with the CJK font and a code that checks out
        Http director = http.login("sc-director", PASSWORD);
        String roster = director.get("/api/school/classes/" + klass + "/roster").body();
        java.util.regex.Matcher graduate = java.util.regex.Pattern.compile("\\{\"id\":(\\d+),[^}]*\"certificateCode\":\"([2-9A-Z]{12})\"")
                .matcher(roster);
        assertTrue(graduate.find(), roster);
        Http.Response pdf = director.get("/api/school/enrolments/" + graduate.group(1) + "/certificate");
        assertEquals(200, pdf.status(), pdf.body());
        assertTrue(pdf.body().startsWith("%PDF"), "a PDF");
        assertTrue(director.get("/api/school/certificates/" + graduate.group(2)).body().contains("\"valid\":true"));

        // the module's slots of the core's pages: its card on the dashboard (this quarter against the rule of two)
        // and its panel on an enrolled resident's page (classes, attendance; the exam only with a reason)
        b.open("dashboard");
        b.waitForText("#dashboard-slots #sc-card", "一社区人口学校");
        b.waitForText("#sc-card-sessions", "1");
        b.waitForText("#sc-card-rule", "0 / 1");
        b.shot("sc-06b-dashboard-card");
        java.util.regex.Matcher enrolled = java.util.regex.Pattern.compile("\"residentId\":(\\d+)").matcher(roster);
        assertTrue(enrolled.find(), roster);
        long resident = Long.parseLong(enrolled.group(1));
        b.open("resident/" + resident);
        b.waitForText("#resident-panels #sc-resident-courses", "新婚期保健与优生");
        b.waitForText("#sc-resident-courses", "本年第一期");
        b.type("#sc-resident-results input[name=reason]", "结业核对");
        b.find("#sc-resident-results button[type=submit]").click();
        b.waitForText("#sc-resident-courses", "及格");
        b.shot("sc-06c-resident-courses");

        // the director: coverage of the quarter on the page and as an Excel workbook
        b.open("sc-coverage");
        b.waitForText("#sc-coverage", "一社区人口学校");
        b.shot("sc-07-coverage");
        Http.Response xlsx = director.get("/api/school/coverage?format=xlsx");
        assertEquals(200, xlsx.status(), xlsx.body());
        assertTrue(xlsx.body().startsWith("PK"), "an xlsx is a zip");

        // the year-end summary drafted from the records, edited by the teacher
        b.open("sc-summary/" + school + "?year=" + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear());
        b.waitForText("#sc-summary-figures", "实际培训次数");
        b.find("#sc-summary-body").sendKeys("群众反映良好。");
        b.find("#sc-summary-save").click();
        Http.Response saved = director.await("/api/school/schools/" + school + "/summary/"
                + LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear(), r -> r.body().contains("\"drafted\":false"), 15);
        assertTrue(saved.body().contains("群众反映良好"), saved.body());
        b.shot("sc-08-summary");

        // off: the entry goes and the open page says so; on: back with the data
        assertTrue(admin.post("/api/admin/modules/school/disable").body().contains("\"state\":\"DISABLED\""));
        b.open("school?after=off");
        b.wait.until(d -> d.findElements(By.cssSelector("nav a[data-module=school]")).isEmpty());
        b.find("#module-off");
        b.shot("sc-09-module-off");
        // card and panel went with the module (the menu lists no entry naming the slots any more)
        assertTrue(!admin.get("/api/ui/menu").body().contains("\"resident\"]"), "no slot entry while off");
        b.open("dashboard");
        b.find("#count-residents");
        assertTrue(b.driver.findElements(By.cssSelector("#sc-card, [data-slot][data-module=school]")).isEmpty(), "no card");
        b.open("resident/" + resident);
        b.find("#resident-records");
        assertTrue(b.driver.findElements(By.cssSelector("#sc-resident, [data-slot][data-module=school]")).isEmpty(), "no panel");
        b.shot("sc-09b-resident-module-off");
        assertTrue(admin.post("/api/admin/modules/school/enable").body().contains("\"state\":\"ENABLED\""));
        b.wait.until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("nav a[data-module=school]")).isEmpty();
        });
        // the menu entry may come before every resource of the module answers (docs/architecture.md)
        director.await("/api/school/classes/" + klass, r -> r.status() != 404 && r.status() != 503, 60);
        b.open("sc-class/" + klass);
        b.waitForText("#sc-roster", "已结业");
        b.open("dashboard");
        b.waitForText("#sc-card", "一社区人口学校");

        b.open("sc-class/" + klass);
        b.waitForText("#sc-roster", "已结业");
        b.find("#lang").click();
        b.waitForText("#sc-roster", "graduated");
        b.shot("sc-10-english");
        b.find("#lang").click();
    }
}
