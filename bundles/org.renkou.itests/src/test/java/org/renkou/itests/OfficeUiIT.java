package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.renkou.core.api.CitizenId;

/**
 * The office's daily work in headless Chromium against the real launcher (no header trust): the administrator logs
 * in with the printed password, creates a community officer (the temporary password shown once), edits, resets and
 * switches staff off and on; the officer finds a resident of their community only, issues a certificate, prints it
 * (the PDF fetched through the page's link), reprints and revokes; submits a 育儿补贴 application, records an
 * objection and dismisses it, passes the community step; street and county staff pass theirs and the county records
 * the payment. {@code /api/openapi.json} follows the warehouse module off and on. Screenshots:
 * {@code target/screenshots/office-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficeUiIT {
    static final String COMMUNITY_A = "440606901001";
    static final String COMMUNITY_B = "440606901002";
    static final String STREET = "440606901";
    static final String COUNTY = "440606";

    private Path home;
    private int port;
    private Process process;
    private Http http;
    private Browser ui;

    @BeforeAll
    void start() throws Exception {
        home = RenkouOptions.newHome("office-ui");
        port = RenkouOptions.freePort();
        http = new Http(port);
        process = RenkouProcess.launch(home, Integer.toString(port), Map.of());
        http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 60);
        ui = new Browser("http://127.0.0.1:" + port, home);
    }

    @AfterAll
    void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
        RenkouProcess.stop(process);
    }

    private static String idNumber(String first17) {
        return first17 + CitizenId.checkChar(first17);
    }

    private static long id(Http.Response r) {
        assertTrue(r.status() == 200 || r.status() == 201, r.status() + " " + r.body());
        return Asserts.number(r.body(), "id");
    }

    private long resident(Http admin, String first17, String name, String community) throws Exception {
        return id(admin.postJson("/api/residents", "{\"idNumber\":\"" + idNumber(first17) + "\",\"name\":\"" + name
                + "\",\"residenceCode\":\"" + community + "\"}"));
    }

    private void settle(String shot) throws Exception {
        ui.wait.until(d -> !d.findElement(By.id("page")).getText().contains("加载中"));
        Thread.sleep(200);
        ui.shot(shot);
    }

    @Test
    void certificatesBenefitsAndStaffInTheBrowser() throws Exception {
        // 1. the administrator: printed password, forced change
        String printed = RenkouProcess.awaitAdminPassword(home, 30);
        ui.login("admin", printed);
        ui.find("#password-form");
        ui.changePassword(printed, "Admin-2026x");
        Http admin = http.login("admin", "Admin-2026x");

        // a family of community A (a child under 3: 育儿补贴), and someone of community B
        long mother = resident(admin, "44060619950401002", "陈丽", COMMUNITY_A);
        long child = resident(admin, "44060620250301001", "陈小宝", COMMUNITY_A);
        assertEquals(201, admin.postJson("/api/births", "{\"motherId\":" + mother + ",\"childId\":" + child + "}").status());
        resident(admin, "44060619880808004", "陈明", COMMUNITY_B);
        // street and county reviewers, with passwords they have changed already
        for (String[] s : List.of(new String[] {"zhoujie", "周杰", "FAMILY_SERVICES", STREET},
                new String[] {"wuqiang", "吴强", "DIRECTOR", COUNTY})) {
            assertEquals(201, admin.postJson("/api/staff", "{\"username\":\"" + s[0] + "\",\"name\":\"" + s[1]
                    + "\",\"roles\":[\"" + s[2] + "\"],\"jurisdictionCodes\":[\"" + s[3]
                    + "\"],\"password\":\"Start-2026a\"}").status());
            assertEquals(204, http.login(s[0], "Start-2026a").postJson("/api/auth/password",
                    "{\"oldPassword\":\"Start-2026a\",\"newPassword\":\"Work-2026" + s[0] + "\"}").status());
        }

        // 2. staff administration: a community officer without a typed password → a temporary one, shown once
        ui.open("staff");
        ui.type("#staff-username", "liuyang");
        ui.type("#staff-name", "刘洋");
        ui.find("#role-FAMILY_SERVICES").click();
        ui.type("#staff-codes", COMMUNITY_A);
        ui.find("#staff-create").click();
        String temporary = ui.find("#temporary-password-value").getText().strip();
        assertTrue(temporary.length() >= 12, temporary);
        ui.shot("office-01-staff-created");
        // edit 周杰: name and a second role; the list shows it
        ui.find("[data-user=zhoujie] .edit").click();
        ui.type("#edit-name", "周杰（街道）");
        ui.find("#edit-role-STATISTICIAN").click();
        ui.find("#staff-save").click();
        ui.waitForText("#staff-list", "周杰（街道）");
        assertTrue(admin.get("/api/staff/zhoujie").body().contains("STATISTICIAN"));
        // bad input in words, naming the field
        ui.find("[data-user=zhoujie] .edit").click();
        ui.type("#edit-codes", "999999");
        ui.find("#staff-save").click();
        ui.waitForText("#staff-edit-form .error", "辖区");
        // switch 吴强 off: no login; on again
        ui.find("[data-user=wuqiang] .toggle").click();
        ui.waitForText("#page .ok", "已停用");
        ui.waitForText("[data-user=wuqiang] .toggle", "启用"); // the list re-read, with the new version
        assertEquals(401, new Http(port).send("POST", "/api/auth/login", "application/json",
                "{\"username\":\"wuqiang\",\"password\":\"Work-2026wuqiang\"}").status());
        ui.find("[data-user=wuqiang] .toggle").click();
        ui.waitForText("#page .ok", "已启用");
        ui.waitForText("[data-user=wuqiang] .toggle", "停用");
        http.login("wuqiang", "Work-2026wuqiang");
        // reset 周杰's password: the old one stops working, the new one must be changed
        ui.find("[data-user=zhoujie] .reset").click();
        ui.driver.switchTo().alert().accept();
        ui.waitForText("#temporary-password", "zhoujie");
        String zhouTemporary = ui.find("#temporary-password-value").getText().strip();
        ui.shot("office-02-staff-reset");
        assertEquals(401, new Http(port).send("POST", "/api/auth/login", "application/json",
                "{\"username\":\"zhoujie\",\"password\":\"Work-2026zhoujie\"}").status());
        Http zhou = http.login("zhoujie", zhouTemporary);
        assertEquals(403, zhou.get("/api/residents").status(), "must change the reset password first");
        assertEquals(204, zhou.postJson("/api/auth/password", "{\"oldPassword\":\"" + zhouTemporary
                + "\",\"newPassword\":\"Street-2026z\"}").status());
        // the same rules over REST, as problem+json naming the field
        Http.Response own = admin.get("/api/staff/admin");
        Http.Response selfOff = admin.putJson("/api/staff/admin", own.body().replace("\"active\":true", "\"active\":false"));
        assertEquals(400, selfOff.status(), selfOff.body());
        assertTrue(selfOff.contentType().startsWith("application/problem+json") && selfOff.body().contains("\"field\":\"active\""),
                selfOff.body());
        Http.Response unknown = admin.post("/api/staff/nobody/password-reset");
        assertEquals(404, unknown.status(), unknown.body());
        Http.Response notAdmin = http.login("wuqiang", "Work-2026wuqiang").post("/api/staff/zhoujie/password-reset");
        assertEquals(403, notAdmin.status(), notAdmin.body());
        assertTrue(notAdmin.contentType().startsWith("application/problem+json"), notAdmin.contentType());
        // a password set or reset by the administrator ends the sessions opened with the old one
        assertEquals(201, admin.postJson("/api/staff", "{\"username\":\"temp\",\"name\":\"临时\",\"roles\":[\"AUDITOR\"],"
                + "\"jurisdictionCodes\":[\"" + COUNTY + "\"],\"password\":\"Temp-2026a\"}").status());
        Http temp = http.login("temp", "Temp-2026a");
        assertEquals(200, temp.get("/api/auth/me").status());
        String tempRecord = admin.get("/api/staff/temp").body();
        assertEquals(200, admin.putJson("/api/staff/temp", tempRecord.replaceFirst("\\{", "{\"password\":\"Temp-2026b\",")).status());
        assertEquals(401, temp.get("/api/auth/me").status());
        Http again = http.login("temp", "Temp-2026b");
        assertEquals(200, admin.post("/api/staff/temp/password-reset").status());
        assertEquals(401, again.get("/api/auth/me").status());
        ui.logout();

        // 3. the community officer: temporary password, forced change, own community only
        ui.login("liuyang", temporary);
        ui.find("#password-form");
        ui.changePassword(temporary, "Liu-2026abc");
        ui.open("residents?name=%E9%99%88");
        String found = ui.wait.until(d -> {
            String text = d.findElement(By.id("results")).getText();
            return text.contains("陈丽") ? text : null;
        });
        assertFalse(found.contains("陈明"), found);

        // 4. a certificate from the resident's page: issue, print (PDF), reprint, verify
        ui.open("resident/" + mother);
        ui.find("#resident-issue").click();
        ui.waitForText("#holder-chosen", "陈丽");
        new Select(ui.find("#certificate-type")).selectByValue("gd-one-child-parents-glory");
        ui.shot("office-03-certificate-issue");
        ui.find("#certificate-issue").click();
        ui.waitForText("#certificate-facts", "陈丽");
        ui.find("#print").click();
        String code = ui.find("#verification-code").getText().strip();
        assertEquals(8, code.length(), code);
        assertEquals("application/pdf", ui.find("#pdf-link").getAttribute("data-type"));
        // the PDF behind the link, as the browser has it
        Object pdf = ((JavascriptExecutor) ui.driver).executeAsyncScript("const done = arguments[0];"
                + "fetch(document.getElementById('pdf-link').href).then(r => r.arrayBuffer()).then(b => {"
                + "const head = String.fromCharCode(...new Uint8Array(b.slice(0, 5)));"
                + "done(head + ' ' + b.byteLength); }).catch(e => done(String(e)));");
        String[] pdfInfo = String.valueOf(pdf).split(" ");
        assertEquals("%PDF-", pdfInfo[0], String.valueOf(pdf));
        assertTrue(Integer.parseInt(pdfInfo[1]) > 5_000, "a PDF with the embedded font subset: " + pdf);
        assertTrue(admin.get("/api/certificates/verify/" + code).body().contains("\"result\":\"VALID\""));
        ui.shot("office-04-certificate-printed");
        ui.find("#reprint").click();
        ui.waitForText("#page .error", "原因");
        new Select(ui.find("#reprint-reason")).selectByValue("遗失");
        ui.find("#reprint").click();
        ui.wait.until(d -> !d.findElement(By.id("verification-code")).getText().strip().equals(code));
        String second = ui.find("#verification-code").getText().strip();
        assertNotEquals(code, second);
        assertTrue(admin.get("/api/certificates/verify/" + code).body().contains("\"result\":\"SUPERSEDED\""));
        ui.waitForText("#certificate-history", "补打");
        ui.waitForText("#certificate-history", "遗失");
        ui.shot("office-05-certificate-reprinted");
        // a second certificate, revoked with its reason
        ui.open("certificate-new?holder=" + mother);
        ui.waitForText("#holder-chosen", "陈丽");
        new Select(ui.find("#certificate-type")).selectByValue("gd-birth-registration");
        ui.find("#certificate-issue").click();
        ui.waitForText("#certificate-facts", "陈丽");
        ui.find("#revoke-box summary").click();
        ui.type("#revoke-reason", "登记信息有误，重新办理");
        ui.find("#revoke").click();
        ui.waitForText("#certificate-status", "已注销");
        ui.waitForText("#certificate-history", "登记信息有误");
        ui.open("certificates");
        ui.waitForText("#certificate-list", "陈丽");
        // the paper's code checked on the list page: the first print is superseded, the reprint valid
        ui.type("#verify-code", code);
        ui.find("#verify-form button").click();
        ui.waitForText("#verify-result", "已被补打取代");
        ui.type("#verify-code", second.toLowerCase());
        ui.find("#verify-form button").click();
        ui.waitForText("#verify-result", "有效");
        settle("office-06-certificates");

        // 5. a benefit application: submitted, objection recorded and dismissed, community step passed
        ui.open("resident/" + mother);
        ui.find("#resident-apply").click();
        ui.waitForText("#applicant-chosen", "陈丽");
        new Select(ui.find("#benefit-scheme")).selectByValue("gd-childcare-subsidy");
        ui.waitForText("#benefit-chain", "街道");
        ui.shot("office-07-benefit-new");
        ui.find("#benefit-submit").click();
        ui.waitForText("#benefit-status", "审核中");
        String application = ui.driver.getCurrentUrl().replaceAll(".*#/benefit/", "");
        ui.type("#objector", "匿名");
        ui.type("#objection-content", "申请人并非本社区常住");
        ui.find("#object").click();
        ui.waitForText("#objections", "申请人并非本社区常住");
        ui.type("#decision-reason", "材料齐全");
        ui.find("#approve").click();
        ui.waitForText("#page .error", "异议");
        ui.shot("office-08-benefit-objection");
        ui.find("#objections .resolution").sendKeys("经核实，申请人在本社区居住");
        ui.find("#objections .dismiss").click();
        ui.waitForText("#objections", "不成立：经核实");
        ui.type("#decision-reason", "公示无异议，材料齐全");
        ui.find("#approve").click();
        ui.waitForText("#waiting-for", "街道");
        ui.shot("office-09-benefit-community-passed");
        ui.logout();

        // 6. street review, county approval and payment, each by its own office
        ui.login("zhoujie", "Street-2026z");
        ui.find("#count-residents");
        ui.open("benefits");
        ui.waitForText("#benefit-list", "待我审核");
        settle("office-10-benefits-street");
        ui.open("benefit/" + application);
        ui.type("#decision-reason", "街道审核通过");
        ui.find("#approve").click();
        ui.waitForText("#waiting-for", "县");
        ui.logout();
        ui.login("wuqiang", "Work-2026wuqiang");
        ui.find("#count-residents");
        ui.open("benefit/" + application);
        ui.type("#decision-reason", "同意发放");
        ui.find("#approve").click();
        ui.waitForText("#benefit-status", "已批准");
        ui.type("#payment-reference", "FS-2026-0001");
        ui.find("#pay").click();
        ui.waitForText("#benefit-status", "已发放");
        settle("office-11-benefit-paid");
        String steps = admin.get("/api/benefit-applications/" + application + "/steps").body();
        for (String expected : List.of("liuyang", "zhoujie", "wuqiang", "公示无异议，材料齐全", "街道审核通过", "同意发放", "PAID")) {
            assertTrue(steps.contains(expected), expected + " in " + steps);
        }
        ui.logout();

        // 7. the officer sees the whole chain; nothing of community B
        ui.login("liuyang", "Liu-2026abc");
        ui.find("#count-residents");
        ui.open("benefit/" + application);
        ui.waitForText("#page", "同意发放");
        ui.waitForText("#page", "经核实，申请人在本社区居住");
        settle("office-12-benefit-officer-view");
        ui.find("#lang").click();
        ui.waitForText("#benefit-status", "Paid");
        ui.waitForText("#page", "Decisions");
        settle("office-13-benefit-english");
        ui.find("#lang").click();
        ui.waitForText("#benefit-status", "已发放");
        ui.logout();

        // 8. the API description: logged-in callers only, following the modules that are on
        assertEquals(401, new Http(port).get("/api/openapi.json").status());
        Http.Response doc = admin.get("/api/openapi.json");
        assertEquals(200, doc.status());
        assertTrue(doc.body().contains("\"openapi\":\"3.0.3\"") && doc.body().contains("/certificates/{id}/print.pdf")
                && doc.body().contains("application/pdf") && doc.body().contains("/warehouse/"), doc.body());
        assertTrue(admin.post("/api/admin/modules/warehouse/disable").body().contains("\"state\":\"DISABLED\""));
        Http.Response without = admin.await("/api/openapi.json", r -> r.status() == 200 && !r.body().contains("/warehouse/"), 30);
        assertTrue(without.body().contains("/benefit-applications/{id}/decision"), without.body());
        assertTrue(admin.post("/api/admin/modules/warehouse/enable").body().contains("\"state\":\"ENABLED\""));
        admin.await("/api/openapi.json", r -> r.status() == 200 && r.body().contains("/warehouse/"), 30);
    }
}
