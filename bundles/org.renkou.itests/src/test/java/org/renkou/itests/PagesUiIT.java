package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The office pages of issue 17 (part A) in headless Chromium against the real launcher: a community officer registers
 * a migrant from another province (the ID number checked as typed, the server's refusal shown next to the field),
 * sees the registration with names instead of codes and the rights matrix, and writes a note; a street officer
 * answers a query another province sent (查无此人 with a remark) and sees the reply figures and chart; the leave
 * calculator shows a province's total for a birth and a miscarriage. Screenshots: {@code target/screenshots/pages-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PagesUiIT {
    static final String PASSWORD = "Pages-2026x";
    static final String COMMUNITY = "440606901001";
    static final String STREET = "440606901";
    static final String YUNNAN = "530102901001";

    private Path home;
    private Process process;
    private Http http;
    private Http admin;
    private Browser b;

    @BeforeAll
    void start() throws Exception {
        home = RenkouOptions.newHome("pages-ui");
        int port = RenkouOptions.freePort();
        http = new Http(port);
        process = RenkouProcess.launch(home, Integer.toString(port), Map.of("RENKOU_CDS", "false")); // no archive written at exit
        http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 60);
        String printed = RenkouProcess.awaitAdminPassword(home, 30);
        changePassword(http.login("admin", printed), printed);
        admin = http.login("admin", PASSWORD);
        staff("pg-community", "陈专干", "FAMILY_SERVICES", COMMUNITY);
        staff("pg-street", "周科员", "FAMILY_SERVICES", STREET);
        staff("pg-yunnan", "杨专干", "FAMILY_SERVICES", YUNNAN);
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

    private String placeName(String code) throws Exception {
        Http.Response r = admin.get("/api/jurisdictions/" + code);
        assertEquals(200, r.status(), r.body());
        Matcher m = Pattern.compile("\"name\":\"([^\"]+)\"").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    private void loginAs(String user) {
        if (!b.driver.findElements(By.cssSelector("#logout")).isEmpty() && b.driver.findElement(By.id("logout")).isDisplayed()) {
            b.logout();
        }
        b.login(user, PASSWORD);
        b.find("#count-residents");
    }

    private void setValue(String css, String value) {
        ((JavascriptExecutor) b.driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('change'))", b.find(css), value);
    }

    @Test
    @Order(1)
    void communityOfficerRegistersAMigrant() throws Exception {
        loginAs("pg-community");
        b.open("migrants");
        b.find("#migrant-new").click();
        String id = ResidentIT.idNumber("53010219920315002");
        char wrong = id.charAt(17) == '1' ? '2' : '1';
        // checked as typed: too short, then a wrong check character, then valid with the birth date read from it
        b.type("#migrant-id", id.substring(0, 10));
        b.waitForText("#migrant-id-check", "还差 8 位");
        b.type("#migrant-id", id.substring(0, 17) + wrong);
        b.waitForText("#migrant-id-check", "校验位不对，应为 " + id.charAt(17));
        b.type("#migrant-id", id);
        b.waitForText("#migrant-id-check", "出生 1992-03-15");
        b.type("#migrant-registration", YUNNAN);
        b.find("#cert-add").click();
        b.type("#cert-rows input.cert-number", "YN-2026-0042");
        // the server's refusal next to the field it names (no name given)
        b.find("#migrant-save").click();
        b.waitForText("#migrant-form .field-error[data-field=name]", "姓名");
        b.shot("pages-migrant-register-error");
        b.type("#migrant-name", "杨丽");
        b.type("#migrant-phone", "13800001234");
        b.find("#migrant-save").click();
        b.waitForText("#migrant-title", "杨丽");
        // names, not codes (the code on hover)
        b.waitForText("#migrant-registration-place", placeName(YUNNAN));
        b.waitForText("#migrant-residence", placeName(COMMUNITY));
        assertEquals(YUNNAN, b.find("#migrant-registration-place .place").getAttribute("title"));
        // the rights matrix: this office is the residence side
        b.waitForText("#migrant-rights tr[data-action='mg.changeStay']", "可以");
        assertTrue(b.find("#stay-form").getText().contains("YN-2026-0042") || fieldValues("#cert-rows input.cert-number")
                .contains("YN-2026-0042"));
        b.type("#note-text", "已查验婚育证明，请户籍地核对。");
        b.find("#note-send").click();
        b.waitForText("#migrant-notes", "已查验婚育证明");
        b.shot("pages-migrant");
        // the list: arrived this month, by name
        b.open("migrants?view=thisMonth");
        b.waitForText("#migrant-list", "杨丽");
        b.waitForText("#migrant-list", placeName(YUNNAN));
        b.shot("pages-migrants-list");
        // departure back home, the destination picked by name
        b.find("#migrant-list tbody button").click();
        new Select(b.find("#departure-pick-0")).selectByVisibleText(placeName("530000"));
        b.waitForText("#page", "登记离开");
        assertEquals("530000", b.find("#departure-code").getAttribute("value"));
        b.type("#departure-note", "返回户籍地");
        b.find("#departure-send").click();
        b.waitForText("#migrant-status", "已离开");
        b.waitForText("#migrant-departure", placeName("530000"));

        // the registration side (Yunnan) sees the record but may not change the stay, and says why
        loginAs("pg-yunnan");
        b.open("migrants?view=departed");
        b.waitForText("#migrant-list", "杨丽");
        b.find("#migrant-list tbody button").click();
        b.waitForText("#migrant-rights tr[data-action='mg.changeStay']", "户籍地一方");
        b.waitForText("#migrant-notes", "已查验婚育证明");
        b.shot("pages-migrant-registration-side");
    }

    private String fieldValues(String css) {
        StringBuilder s = new StringBuilder();
        for (WebElement e : b.driver.findElements(By.cssSelector(css))) {
            s.append(e.getAttribute("value")).append(' ');
        }
        return s.toString();
    }

    @Test
    @Order(2)
    void streetOfficerAnswersAQuery() throws Exception {
        // another province asks the street (sent over the API as the Yunnan officer)
        Http yunnan = http.login("pg-yunnan", PASSWORD);
        Http.Response sent = yunnan.postJson("/api/exchange/messages", "{\"kind\":\"QUERY\",\"urgency\":\"URGENT\","
                + "\"receiverCode\":\"" + STREET + "\",\"subject\":\"协查：王某是否在辖区居住\",\"body\":\"请核实王某（1990年生）是否在贵街道居住。\"}");
        assertEquals(201, sent.status(), sent.body());
        loginAs("pg-street");
        b.open("exchange");
        b.waitForText("#exchange-list", "协查：王某是否在辖区居住");
        b.waitForText("#exchange-list", placeName(YUNNAN));
        b.waitForText("#exchange-stats-table", "1");
        b.find("#exchange-chart");
        b.shot("pages-exchange-inbox");
        b.find("#exchange-list tbody button").click();
        b.waitForText("#message-state", "待反馈");
        // the server's refusal next to the field: a reply needs a text unless it is 查无此人
        b.find("#reply-send").click();
        b.find("#reply-form .error");
        b.find("#reply-not-found").click();
        b.type("#reply-text", "经入户核实，辖区内无此人。");
        b.find("#reply-send").click();
        b.waitForText("#message-reply", "查无此人");
        b.waitForText("#message-state", "已反馈");
        b.shot("pages-exchange-replied");
        // the figures: one received, one replied on time
        b.open("exchange?box=inbox");
        b.waitForText("#exchange-stats-table td[data-col='5']", "100%");
        assertEquals("1", b.find("#exchange-stats-table td[data-col='1']").getText());

        // a notification back to Yunnan, the receiver picked by name level by level
        b.find("#exchange-new").click();
        new Select(b.find("#send-pick-0")).selectByVisibleText(placeName("530000"));
        new Select(b.find("#send-pick-1")).selectByVisibleText(placeName("530100"));
        new Select(b.find("#send-pick-2")).selectByVisibleText(placeName("530102"));
        new Select(b.find("#send-pick-3")).selectByVisibleText(placeName("530102901"));
        new Select(b.find("#send-pick-4")).selectByVisibleText(placeName(YUNNAN));
        b.waitForText("#send-deadline", "紧急");
        assertEquals(YUNNAN, b.find("#send-receiver").getAttribute("value"));
        new Select(b.find("#send-kind")).selectByValue("NOTIFICATION");
        b.type("#send-subject", "通报：杨丽已在示例一社区登记");
        b.type("#send-body", "特此通报。");
        b.find("#send-button").click();
        b.waitForText("#message-state", "待反馈");
        b.shot("pages-exchange-sent");
    }

    @Test
    @Order(3)
    void leaveCalculatorShowsTheProvinceTotal() throws Exception {
        loginAs("pg-community");
        b.open("policy");
        // Guangdong, twins, difficult birth: 98 + 80 (art. 30) + 30 (difficult) + 15 (one extra baby) = 223 for the
        // mother, 15 for the father (golden tables: GuangdongGoldenTest)
        new Select(b.find("#leave-province")).selectByValue("44");
        setValue("#leave-date", "2026-03-01");
        b.type("#leave-babies", "2");
        b.find("#leave-difficult").click();
        b.find("#leave-calc").click();
        b.waitForText("#leave-mother-total", "223");
        b.waitForText("#leave-father-total", "15");
        b.waitForText("#leave-mother", "第十一条");
        b.waitForText("#leave-yearly", "10");
        b.shot("pages-leave-birth");
        // a miscarriage in the 5th month: 42 days; in the 8th month Guangdong gives 75 (national rule: 42)
        new Select(b.find("#leave-event")).selectByValue("MISCARRIAGE");
        b.type("#leave-month", "5");
        b.find("#leave-calc").click();
        b.waitForText("#leave-mother-total", "42");
        b.type("#leave-month", "8");
        b.find("#leave-calc").click();
        b.waitForText("#leave-mother-total", "75");
        new Select(b.find("#leave-province")).selectByValue("53");
        b.find("#leave-calc").click();
        b.waitForText("#leave-mother-total", "42");
        b.waitForText("#leave-mother", "国务院令第619号");
        b.shot("pages-leave-miscarriage");
        // out of range: the server's message next to the field
        b.type("#leave-month", "12");
        b.find("#leave-calc").click();
        b.waitForText("#leave-form .field-error[data-field=months]", "0 到 10");
        // a family typed in: a rural father of 65 with one son gets reward support (80 a month), with its source
        new Select(b.find("#policy-family-province")).selectByValue("44");
        setValue("#policy-family-born", "1960-05-01");
        new Select(b.find("#policy-family-sex")).selectByValue("MALE");
        new Select(b.find("#policy-family-rural")).selectByValue("true");
        b.find("#policy-add-child").click();
        setValue("#policy-children .child-born", "1988-03-03");
        new Select(b.find("#policy-children .child-sex")).selectByValue("MALE");
        b.find("#policy-family-ask").click();
        b.waitForText("#policy-family-table tr[data-scheme*='reward-support']", "符合");
        b.waitForText("#policy-family-table tr[data-scheme*='reward-support']", "财教〔2011〕623号");
        b.waitForText("#policy-family-table tr[data-scheme*='reward-support']", "80");
        // bad input: the server's message next to the field (no birth date)
        setValue("#policy-family-born", "");
        b.find("#policy-family-ask").click();
        b.find("#policy-family-form .field-error");
        b.shot("pages-policy-family");
        // a resident from the records (the migrant registered above), opened from the resident's page
        Http.Response found = admin.get("/api/migrants?name=" + URLEncoder.encode("杨丽", StandardCharsets.UTF_8));
        Matcher rid = Pattern.compile("\"residentId\":(\\d+)").matcher(found.body());
        assertTrue(rid.find(), found.body());
        b.open("resident/" + rid.group(1));
        b.find("#resident-policy").click();
        b.waitForText("#policy-resident-result", "杨丽");
        b.find("#policy-resident-table tr[data-scheme]");
        b.shot("pages-policy-resident");
        // the English switch: the page's own words change, the figures stay
        b.find("#lang").click();
        b.waitForText("#page", "Leave calculator");
        b.find("#lang").click();
        b.waitForText("#page", "产假计算");
    }

    /**
     * Daily work on residents and households in the browser: register a resident (the ID number checked as typed),
     * record the hukou nature the reward-support scheme reads, the special-family facts behind the audited reveal, and
     * a household with its head and spouse. Before this page there was no way to do any of it without the API.
     */
    @Test
    @Order(4)
    void communityOfficerRegistersAResidentAndAHousehold() throws Exception {
        loginAs("pg-community");
        b.open("residents");
        b.find("#resident-new-link").click();
        String id = ResidentIT.idNumber("44060619700412004");
        b.type("#new-idNumber", id.substring(0, 17));
        b.waitForText("#new-idNumber-check", "还差 1 位");
        b.type("#new-idNumber", id);
        b.waitForText("#new-idNumber-check", "出生 1970-04-12");
        b.type("#new-name", "黎秀英");
        new Select(b.find("#new-hukouNature")).selectByValue("RURAL");
        new Select(b.find("#new-maritalStatus")).selectByValue("MARRIED");
        b.type("#new-address", "示例一社区 3 栋 201");
        b.shot("pages-resident-new");
        b.find("#resident-new-save").click();
        b.waitForText("#resident-form h2", "黎秀英");
        String residentId = b.driver.getCurrentUrl().replaceAll(".*#/resident/(\\d+).*", "$1");
        Http.Response read = admin.get("/api/residents/" + residentId);
        assertTrue(read.body().contains("\"hukouNature\":\"RURAL\"") && read.body().contains("\"sex\":\"FEMALE\"")
                && read.body().contains(COMMUNITY), read.body());
        // the sensitive facts: only after a reason, which is audited; saving them keeps the ordinary fields
        b.type("#reveal-reason", "特别扶助资格审核");
        b.find("#reveal").click();
        new Select(b.find("#vital-status")).selectByValue("DISABLED");
        b.type("#vital-grade", "2");
        b.find("#vital-save").click();
        b.waitForText("#vital-form .ok", "已保存");
        b.shot("pages-resident-vital");
        Http.Response sensitive = http.login("pg-community", PASSWORD).postJson("/api/residents/" + residentId + "/sensitive", "{\"reason\":\"测试核对录入结果\"}");
        assertTrue(sensitive.body().contains("\"vitalStatus\":\"DISABLED\"") && sensitive.body().contains("\"disabilityGrade\":2")
                && sensitive.body().contains("\"hukouNature\":\"RURAL\""), sensitive.body());
        // a bad save is answered next to the field, not lost: grade 7 does not exist
        b.type("#vital-grade", "7");
        b.find("#vital-save").click();
        b.find("#vital-form .field-error");

        // the spouse through the API, then the household in the browser
        Http.Response spouse = admin.postJson("/api/residents", "{\"idNumber\":\"" + ResidentIT.idNumber("44060619680920001")
                + "\",\"name\":\"冯建国\",\"residenceCode\":\"" + COMMUNITY + "\",\"registrationCode\":\"" + COMMUNITY + "\"}");
        assertEquals(201, spouse.status(), spouse.body());
        b.open("households");
        b.find("#household-new-link").click();
        b.type("#household-number", "HH-PAGES-1");
        b.type("#member-pick-query", "黎秀英");
        b.find("#member-pick-search").click();
        b.find("#member-pick-results .pick").click();
        b.type("#member-pick-query", "冯建国");
        b.find("#member-pick-search").click();
        b.find("#member-pick-results .pick").click();
        b.find("#member-add").click();
        b.waitForText("#household-members", "冯建国");
        new Select(b.find("#household-members tr:nth-child(2) select.relation")).selectByValue("SPOUSE");
        b.find("#household-save").click();
        b.waitForText("#household-form h2", "HH-PAGES-1");
        b.shot("pages-household");
        Http.Response households = admin.get("/api/households?number=HH-PAGES-1");
        assertTrue(households.body().contains("\"relation\":\"HEAD\"") && households.body().contains("\"relation\":\"SPOUSE\""),
                households.body());
        // two heads are refused with the server's words
        new Select(b.find("#household-members tr:nth-child(2) select.relation")).selectByValue("HEAD");
        b.find("#household-save").click();
        b.waitForText("#household-form .error", "户主");
        // the resident's page links what is recorded about her: the household, and the history with the audited read
        b.open("resident/" + residentId);
        b.waitForText("#resident-household", "HH-PAGES-1");
        b.waitForText("#resident-household", "冯建国（配偶）");
        try {
            b.waitForText("#resident-records", "本岗位不能查看"); // the history is the audit log's: not for this role
        } catch (RuntimeException e) {
            b.shot("pages-resident-records-failed");
            throw new AssertionError(b.find("#page").getText(), e);
        }
        b.shot("pages-resident-records");
        b.find("#resident-household a").click();
        b.waitForText("#household-form h2", "HH-PAGES-1");
    }
}
