package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.renkou.core.api.CitizenId;

/**
 * 证件核验 in headless Chromium against the real launcher, without logging in: a certificate is issued and printed
 * by staff (the printable page carries the QR code of the check page's address); anyone types the code and sees
 * VALID with type, number and dates and no holder name; the QR code's address opens the page with the answer;
 * after a reprint the first paper shows SUPERSEDED, after revocation REVOKED; a burst of checks from one address
 * meets 429. Screenshots: {@code target/screenshots/check-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CheckUiIT {
    private Path home;
    private Http http;
    private Process process;
    private Browser ui;
    private String base;

    @BeforeAll
    void start() throws Exception {
        home = RenkouOptions.newHome("check-ui");
        int port = RenkouOptions.freePort();
        base = "http://127.0.0.1:" + port;
        http = new Http(port);
        process = RenkouProcess.launch(home, Integer.toString(port), Map.of());
        http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 60);
        ui = new Browser(base, home);
    }

    @AfterAll
    void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
        RenkouProcess.stop(process);
    }

    private void check(String code) {
        ui.type("#check-code", code);
        ui.find("#check-button").click();
    }

    @Test
    void anyoneChecksAPrintedCertificateByItsCode() throws Exception {
        String printed = RenkouProcess.awaitAdminPassword(home, 30);
        Http admin = http.login("admin", printed);
        assertEquals(204, admin.postJson("/api/auth/password",
                "{\"oldPassword\":\"" + printed + "\",\"newPassword\":\"Admin-2026x\"}").status());
        admin = http.login("admin", "Admin-2026x");
        String first17 = "44060619900401002";
        long mother = Asserts.number(admin.postJson("/api/residents", "{\"idNumber\":\"" + first17
                + CitizenId.checkChar(first17) + "\",\"name\":\"林秀英\",\"residenceCode\":\"440606901001\"}").body(), "id");
        Http.Response issued = admin.postJson("/api/certificates", "{\"type\":\"gd-one-child-parents-glory\","
                + "\"number\":\"GD-2026-0001\",\"holderIds\":[" + mother + "],\"issuedOn\":\"2026-03-01\"}");
        assertEquals(201, issued.status(), issued.body());
        long id = Asserts.number(issued.body(), "id");
        Http.Response page = admin.postJson("/api/certificates/" + id + "/print.html", "{}");
        assertEquals(200, page.status(), page.body());
        String code = page.body().replaceFirst("(?s).*check\\.html#([2-9A-Z]{8}).*", "$1");
        assertEquals(8, code.length(), code);
        assertTrue(page.body().contains("<svg") && page.body().contains("class=\"qr\""), "the QR code on the paper");
        assertTrue(page.body().contains(base + "/ui/check.html#" + code), "the QR code's address, as printed");

        // the printed page with its QR code, as the office's browser shows it before printing
        Path printout = home.resolve("printout.html");
        java.nio.file.Files.writeString(printout, page.body());
        ui.driver.get(printout.toUri().toString());
        ui.find("svg.qr");
        ui.shot("check-00-printed-with-qr");

        // no login: type the code
        ui.driver.get(base + "/ui/check.html");
        ui.find("#check-code");
        ui.shot("check-01-page");
        check(code.toLowerCase());
        ui.waitForText("#check-verdict", "有效");
        ui.waitForText("#check-number", "GD-2026-0001");
        ui.waitForText("#check-issuedOn", "2026-03-01");
        ui.waitForText("#check-type", "独生子女父母光荣证");
        assertFalse(ui.find("#check-page").getText().contains("林秀英"), "no holder data");
        ui.shot("check-02-valid");
        check("ABC");
        ui.waitForText("#check-problem", "8 位");

        // a reprint supersedes the paper; its QR code's address shows that at once
        Http.Response reprint = admin.postJson("/api/certificates/" + id + "/print", "{\"reason\":\"遗失\"}");
        assertEquals(200, reprint.status(), reprint.body());
        String second = Asserts.text(reprint.body(), "verificationCode");
        ui.driver.get("about:blank"); // a fresh load, as a phone opening the QR code's address
        ui.driver.get(base + "/ui/check.html#" + code);
        ui.waitForText("#check-verdict", "已被补打的新证件取代");
        ui.shot("check-03-superseded");
        long version = Asserts.number(admin.get("/api/certificates/" + id).body(), "version");
        assertEquals(200, admin.postJson("/api/certificates/" + id + "/revoke", "{\"reason\":\"持证人申请注销\","
                + "\"version\":" + version + "}").status());
        ui.find("#lang").click();
        check(second);
        ui.waitForText("#check-verdict", "Revoked");
        ui.find("#check-revokedOn");
        ui.shot("check-04-revoked-en");

        // enumeration: a burst from one address meets 429 with Retry-After (the browser spent a few checks already)
        Http anonymous = new Http(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)));
        int limited = 0;
        for (int i = 0; i < 12; i++) {
            Http.Response r = anonymous.get("/api/public/certificate-check/ZZZZZZZ" + (char) ('A' + i % 8));
            if (r.status() == 429) {
                limited++;
                assertTrue(r.body().contains("核验过于频繁"), r.body());
            } else {
                assertEquals(200, r.status(), r.body());
                assertTrue(r.body().contains("\"result\":\"UNKNOWN\""), r.body());
            }
        }
        assertTrue(limited >= 2, "limited " + limited);
    }
}
