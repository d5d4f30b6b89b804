package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The association module's own pages in headless Chromium against the real launcher (real logins, CSRF): a
 * secretary sets up the association and its council, records and admits a member, assigns a contact household and
 * logs a visit, records a 5·29 activity, opens a special-family case with two contacts, publishes a notice, and a
 * browser without login reads the public notice board; an officer who is not a contact sees no case and is refused
 * the case's page. Screenshots: {@code target/screenshots/as-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AssociationUiIT {
    static final String PASSWORD = "Xiehui-2026x";
    static final String COMMUNITY = "440606901001";

    private Process process;
    private Http http;
    private Http admin;
    private Browser b;
    private long household;
    private long family;

    @BeforeAll
    void start() throws Exception {
        Path home = RenkouOptions.newHome("association-ui");
        int port = RenkouOptions.freePort();
        http = new Http(port);
        process = RenkouProcess.launch(home, Integer.toString(port), Map.of());
        http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 180);
        String printed = RenkouProcess.awaitAdminPassword(home, 30);
        changePassword(http.login("admin", printed), printed);
        admin = http.login("admin", PASSWORD);
        staff("as-sec", "周秘书", "ASSOCIATION_SECRETARY", COMMUNITY, true);
        staff("as-contact1", "吴专干", "FAMILY_SERVICES", COMMUNITY, false); // named on the case, no login here
        staff("as-contact2", "郑专干", "FAMILY_SERVICES", COMMUNITY, false);
        staff("as-officer", "王专干", "FAMILY_SERVICES", COMMUNITY, true);
        household = household("UI-H1", "44060619700101001", "孙户主");
        family = household("UI-SF", "44060619550101004", "郑老");
        b = new Browser("http://127.0.0.1:" + port, home);
    }

    @AfterAll
    void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        RenkouProcess.stop(process);
    }

    private void staff(String user, String name, String role, String code, boolean logsIn) throws Exception {
        Http.Response r = admin.postJson("/api/staff", "{\"username\":\"" + user + "\",\"name\":\"" + name
                + "\",\"roles\":[\"" + role + "\"],\"jurisdictionCodes\":[\"" + code + "\"],\"password\":\"Start-2026a\"}");
        assertEquals(201, r.status(), r.body());
        if (logsIn) {
            changePassword(http.login(user, "Start-2026a"), "Start-2026a");
        }
    }

    private static void changePassword(Http session, String old) throws Exception {
        Http.Response r = session.postJson("/api/auth/password", "{\"oldPassword\":\"" + old + "\",\"newPassword\":\""
                + PASSWORD + "\"}");
        assertEquals(204, r.status(), r.body());
    }

    private long household(String number, String first17, String name) throws Exception {
        Http.Response head = admin.postJson("/api/residents", "{\"idNumber\":\"" + ResidentIT.idNumber(first17)
                + "\",\"name\":\"" + name + "\",\"residenceCode\":\"" + COMMUNITY + "001\"}");
        Http.Response h = admin.postJson("/api/households", "{\"number\":\"" + number + "\",\"residenceCode\":\""
                + COMMUNITY + "001\",\"members\":[{\"residentId\":" + id(head) + ",\"relation\":\"HEAD\"}]}");
        return id(h);
    }

    private static long id(Http.Response r) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertTrue(m.find(), r.status() + " " + r.body());
        return Long.parseLong(m.group(1));
    }

    private void setValue(String css, String value) {
        ((JavascriptExecutor) b.driver).executeScript("arguments[0].value = arguments[1]", b.find(css), value);
    }

    private void choose(String css, String optionText) {
        Select select = new Select(b.find(css));
        for (WebElement o : select.getOptions()) {
            if (o.getText().contains(optionText)) {
                select.selectByVisibleText(o.getText());
                return;
            }
        }
        throw new AssertionError("no option " + optionText + " in " + css);
    }

    /** Clicks the element, found again if the page was re-rendered between finding and clicking. */
    private void clickFresh(String css) {
        for (int i = 0; ; i++) {
            try {
                b.find(css).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (i == 20) {
                    throw e;
                }
            }
        }
    }

    private void submit(String formCss) {
        b.find(formCss + " button[type=submit]").click();
    }

    @Test
    void aSecretaryRunsTheAssociationInChineseAndThePublicReadsTheBoard() throws Exception {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        b.login("as-sec", PASSWORD);
        b.find("#count-residents");
        b.find("nav a[data-module=association]").click();
        b.find("#as-new");
        b.type("#as-new #as-name", "示例一社区计生协会");
        b.type("#as-new #as-jurisdictionCode", COMMUNITY);
        b.type("#as-new #as-secretary", "as-sec");
        submit("#as-new");
        b.waitForText("#as-list", "示例一社区计生协会");
        b.waitForText("#as-list", "周秘书"); // the secretary by name, not by account
        assertFalse(b.find("#as-list").getText().contains("as-sec"), b.find("#as-list").getText());
        b.shot("as-01-associations");
        b.find("#as-list tbody tr button").click();

        // council: a term with the 会长 and 秘书长
        b.find("#as-term-form");
        setValue("#as-term-form #as-startedOn", today);
        b.type("#as-seats", "会长 赵会长\n秘书长 钱秘书长\n理事 孙理事");
        submit("#as-term-form");
        b.waitForText("#as-terms", "赵会长");
        b.shot("as-02-council");

        // a member by application, admitted by the council
        b.find("#tab-as-members").click();
        b.type("#as-apply #as-name", "李会员");
        b.type("#as-apply #as-phone", "13800138000");
        b.type("#as-apply #as-skills", "心理咨询");
        submit("#as-apply");
        b.waitForText("#as-members", "待审批");
        b.find("#as-members button").click();
        b.waitForText("#as-members", "正式会员");
        assertFalse(b.find("#as-members").getText().contains("13800138000"), "the phone is masked in the list");
        b.shot("as-03-members");

        // a contact household and a visit
        b.find("#tab-as-contacts").click();
        choose("#as-assign #as-memberId", "李会员");
        b.type("#as-assign #as-householdNumber", "UI-H1");
        submit("#as-assign");
        b.waitForText("#as-contact-list", "UI-H1（户主 孙户主）"); // the 户号 and the head, not Renkou's key
        b.find("#as-contact-list tbody tr button").click();
        b.find("#as-visit");
        choose("#as-visit #as-kind", "转介服务");
        b.type("#as-visit #as-outcome", "转介家庭医生签约");
        submit("#as-visit");
        b.waitForText("#as-contact-list", today);
        clickFresh("#as-contact-list tbody tr button");
        b.waitForText("#as-visits", "转介家庭医生签约");
        b.waitForText("#as-visits", "周秘书"); // the visit's recorder by name
        b.shot("as-04-contacts");

        // a 5·29 activity with the member taking part
        b.find("#tab-as-activities").click();
        choose("#as-activity #as-kind", "5·29");
        b.type("#as-activity #as-activityTitle", "5·29 会员活动日");
        b.type("#as-activity #as-place", "社区广场");
        b.type("#as-activity #as-leaflets", "300");
        b.find("#as-participants input[name=member]").click();
        b.type("#as-others", "居民甲，居民乙");
        submit("#as-activity");
        b.waitForText("#as-activity-list", "5·29 会员活动日");
        b.waitForText("#as-progress", "1 / 2");
        b.shot("as-05-activities");

        // a member group, its monthly meeting with attendance and minutes, and an attachment
        b.find("#tab-as-members").click();
        b.type("#as-group #as-groupName", "第一小组");
        b.type("#as-group #as-residentGroupCode", COMMUNITY + "001");
        submit("#as-group");
        b.waitForText("#as-body", "第一小组");
        b.find("#tab-as-meetings").click();
        b.waitForText("#as-meeting-progress", "第一小组: 0 / ");
        choose("#as-meeting-form #as-meetingKind", "会员小组月例会");
        choose("#as-meeting-form #as-groupId", "第一小组");
        b.type("#as-meeting-form #as-place", "活动室");
        b.type("#as-meeting-form #as-topic", "十二月例会");
        b.type("#as-minutes-new", "一、学习新政策；二、安排节日走访。");
        choose("#as-attendance-form select", "出席");
        submit("#as-meeting-form");
        b.waitForText("#as-meeting-list", "十二月例会");
        b.waitForText("#as-meeting-progress", "第一小组: 1 / ");
        b.find("#as-meeting-list tbody tr button").click();
        b.waitForText("#as-attendance", "李会员");
        java.nio.file.Path sheet = java.nio.file.Files.createTempFile("sign-in", ".txt");
        java.nio.file.Files.writeString(sheet, "签到：李会员\n");
        sheet.toFile().deleteOnExit();
        b.find("#as-meeting-file").sendKeys(sheet.toAbsolutePath().toString());
        b.find("#as-upload").click();
        b.waitForText("#as-meeting-files", sheet.getFileName().toString());
        b.shot("as-11-meetings");

        // a special-family case with two contacts, and a holiday visit with a solatium
        b.find("#tab-as-cases").click();
        b.type("#as-case-form #as-householdNumber", "UI-SF");
        choose("#as-case-form #as-familyKind", "独生子女死亡");
        b.type("#as-case-form #as-contactA", "as-contact1");
        b.type("#as-case-form #as-contactB", "as-contact2");
        submit("#as-case-form");
        b.waitForText("#as-case-list", "吴专干 / 郑专干"); // the two contacts by name, not by account
        assertFalse(b.find("#as-case-list").getText().contains("as-contact1"), b.find("#as-case-list").getText());
        b.find("#as-case-list tbody tr button").click();
        b.find("#as-entry");
        choose("#as-entry #as-kind", "节日慰问");
        b.type("#as-entry #as-note", "中秋慰问");
        b.type("#as-entry #as-amount", "500");
        submit("#as-entry");
        b.waitForText("#as-timeline", "中秋慰问");
        assertTrue(b.find("#as-case-facts").getText().contains("吴专干 / 郑专干"), b.find("#as-case-facts").getText());
        assertTrue(b.find("#as-timeline").getText().contains("周秘书"), b.find("#as-timeline").getText());
        String caseRoute = b.driver.getCurrentUrl().replaceAll(".*#/", "");
        b.shot("as-06-case");

        // a demand survey: three paper questionnaires, the tally as a bar chart per question, the PDF export
        b.find("#tab-as-surveys").click();
        b.type("#as-survey-form #as-surveyTitle", "2026 年群众需求调查");
        b.type("#as-questions", "您最需要哪项服务？ | 养老照护 | 心理支持 | 优生优育指导\n是否愿意参加协会活动？ | 愿意 | 不愿意");
        submit("#as-survey-form");
        b.waitForText("#as-survey-list", "2026 年群众需求调查");
        clickFresh("#as-survey-list tbody tr button");
        String[][] answers = {{"养老照护", "愿意"}, {"养老照护", "不愿意"}, {"心理支持", "愿意"}};
        for (int i = 0; i < answers.length; i++) {
            b.waitForText("#as-survey h3", "答卷 " + i);
            choose("#as-paper select[name=q0]", answers[i][0]);
            choose("#as-paper select[name=q1]", answers[i][1]);
            submit("#as-paper");
        }
        b.waitForText("#as-survey h3", "答卷 3");
        WebElement chart = b.find("#as-chart-0");
        assertEquals("svg", chart.getTagName());
        assertEquals(3, chart.findElements(By.cssSelector("rect.as-bar")).size());
        assertEquals("2", chart.findElements(By.cssSelector("rect.as-bar")).get(0).getAttribute("data-count"));
        String drawn = chart.getDomProperty("textContent");
        assertTrue(drawn.contains("养老照护") && drawn.contains("2 (67%)") && drawn.contains("优生优育指导")
                && drawn.contains("0 (0%)"), drawn);
        assertTrue(b.find("#as-chart-1").getDomProperty("textContent").contains("不愿意1 (33%)"),
                b.find("#as-chart-1").getDomProperty("textContent"));
        b.shot("as-12-survey-chart");
        Http sec = http.login("as-sec", PASSWORD);
        for (String pdf : new String[] {b.find("#as-tally-pdf").getAttribute("href")}) {
            Http.Response r = sec.get(pdf.replaceFirst("^https?://[^/]+", ""));
            assertEquals(200, r.status(), r.body());
            assertTrue(r.contentType().startsWith("application/pdf") && r.body().startsWith("%PDF"), r.contentType());
        }

        // a notice on the board
        b.find("#tab-as-board").click();
        choose("#as-notice #as-noticeKind", "服务承诺");
        b.type("#as-notice #as-noticeTitle", "每月走访");
        b.type("#as-noticeBody", "每月走访计生特殊家庭，节日慰问。");
        submit("#as-notice");
        b.waitForText("#as-notices", "公开中");
        b.shot("as-07-board-staff");
        String publicUrl = b.find("#as-public-link").getAttribute("href");
        // the same pages in English
        b.find("#lang").click();
        b.waitForText("#as-body", "Publish");
        b.shot("as-10-english");
        b.find("#lang").click();
        b.waitForText("#as-body", "发布");

        // the yearly statistics match what was entered: one association, one active member, one group, one
        // household in care, one activity with three person-times (the member and two names), one special family
        b.open("as-stats/?code=" + COMMUNITY + "&year=" + today.substring(0, 4));
        b.waitForText("#as-stats", "合计");
        java.util.List<WebElement> rows = b.driver.findElements(By.cssSelector("#as-stats tbody tr"));
        assertEquals("合计 1 1 1 1 1 3 1", rows.get(rows.size() - 1).getText().replaceAll("\\s+", " ").trim());
        b.shot("as-13-statistics");
        Http.Response statsPdf = sec.get(b.find("#as-stats-pdf").getAttribute("href").replaceFirst("^https?://[^/]+", ""));
        assertEquals(200, statsPdf.status(), statsPdf.body());
        assertTrue(statsPdf.body().startsWith("%PDF"), statsPdf.contentType());

        // the officer who is not a contact: no case in the list, the case's page refused
        b.logout();
        b.login("as-officer", PASSWORD);
        b.find("#count-residents");
        b.open(caseRoute.replace("as-case/", "as-cases/").replaceAll("-\\d+$", ""));
        b.find("#as-case-list");
        assertFalse(b.find("#as-case-list").getText().contains("吴专干"), "an officer sees no case");
        b.open(caseRoute);
        b.waitForText("#as-body .error", "仅限双岗联系人");
        b.shot("as-08-officer-refused");
        Http.Response denied = admin.get("/api/audit?entityType=SpecialFamilyCase&action=DENIED");
        assertTrue(denied.body().contains("\"actor\":\"as-officer\""), denied.body());

        // the public notice board in a browser without login
        b.logout();
        b.driver.get(publicUrl);
        b.waitForText("h1", "公开栏");
        String board = b.find("body").getText();
        assertTrue(board.contains("服务承诺 · 每月走访") && board.contains("每月走访计生特殊家庭"), board);
        assertFalse(board.contains("13800138000") || board.contains("郑老") || board.contains("中秋"), board);
        b.shot("as-09-public-board");

    }
}
