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
 * The warehouse module's own pages in headless Chromium against the real launcher (real logins, CSRF): a keeper
 * adds a product, receives a lot (and one that fails the quality check), transfers it down to the street and the
 * community, issues to a person first expiry first out, records a follow-up on the person's card (audited read),
 * counts stock and asks to scrap; a county director approves both and signs the quarterly report off, which
 * exports to Excel and PDF. {@code GET /api/warehouse/reconcile} must answer ok after every step. Then the module
 * is switched off (its menu entry and pages vanish, the open page says so without an error) and on (they return,
 * data intact). Screenshots: {@code target/screenshots/wh-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WarehouseUiIT {
    static final String PASSWORD = "Ware-2026x";

    private Path home;
    private Process process;
    private Http http;
    private Http admin;
    /** Reconciles after each step: reading the ledger is for keepers and directors, not the administrator. */
    private Http checker;
    private Browser b;

    @BeforeAll
    void start() throws Exception {
        home = RenkouOptions.newHome("warehouse-ui");
        int port = RenkouOptions.freePort();
        http = new Http(port);
        process = RenkouProcess.launch(home, Integer.toString(port), Map.of());
        http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 60);
        String printed = RenkouProcess.awaitAdminPassword(home, 30);
        changePassword(http.login("admin", printed), printed);
        admin = http.login("admin", PASSWORD);
        staff("wh-keeper", "王药管", "WAREHOUSE_KEEPER", "440606");
        staff("wh-director", "李主任", "DIRECTOR", "440606");
        checker = http.login("wh-director", PASSWORD);
        for (String[] s : new String[][] {{"顺德区药具库", "440606"}, {"大良街道药具库", "440606901"},
            {"一社区药具点", "440606901001"}}) {
            Http.Response r = admin.postJson("/api/warehouse/stores", "{\"name\":\"" + s[0] + "\",\"jurisdictionCode\":\""
                    + s[1] + "\"}");
            assertEquals(201, r.status(), r.body());
        }
        Http.Response person = admin.postJson("/api/residents", "{\"idNumber\":\"" + ResidentIT.idNumber("44060619900101002")
                + "\",\"name\":\"李芳\",\"residenceCode\":\"440606901001\"}");
        assertEquals(201, person.status(), person.body());
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

    /** 账账相符 after a step: every balance equals the sum of its ledger entries. */
    private void assertReconciles(String step) throws Exception {
        Http.Response r = checker.get("/api/warehouse/reconcile");
        assertTrue(r.body().contains("\"ok\":true") && !r.body().contains("\"balancesChecked\":0"), step + ": " + r.body());
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

    private void setValue(String css, String value) {
        ((JavascriptExecutor) b.driver).executeScript("arguments[0].value = arguments[1]", b.find(css), value);
    }

    private void openStore(String name) {
        b.open("warehouse");
        b.waitForText("#wh-stores", name);
        for (WebElement row : b.driver.findElements(By.cssSelector("#wh-stores tbody tr"))) {
            if (row.getText().contains(name)) {
                row.findElement(By.tagName("button")).click();
                b.waitForText("#wh-store-name", name);
                return;
            }
        }
        throw new AssertionError("no store " + name);
    }

    private void tab(String route) {
        b.find("#tab-" + route).click();
        b.find("#wh-body");
    }

    private void receive(String batch, String expires, boolean damp) throws Exception {
        tab("wh-receive");
        choose("#wh-receive-product", "复方左炔诺孕酮片");
        b.type("#wh-receive-batch", batch);
        setValue("#wh-receive-produced", "2026-01-10"); // date inputs type in the browser's locale order
        setValue("#wh-receive-expires", expires);
        b.type("#wh-receive-quantity", "600");
        b.type("#wh-receive-supplier", "佛山市计生药具站");
        b.type("#wh-receive-invoice", "FP-" + batch);
        b.find("#wh-checklist-all").click();
        b.find("#wh-quality-all").click();
        if (damp) {
            b.find("#wh-quality-noDamp").click(); // untick: the lot is damp
            b.find("#wh-receive-submit").click();
            b.waitForText("#wh-receive-form .error", "将作为不合格冻结"); // asks to confirm
        }
        b.find("#wh-receive-submit").click();
    }

    /** From the open store's transfer tab to {@code toStore}. */
    private void transfer(String toStore, String batch, int quantity) {
        tab("wh-transfer");
        choose("#wh-transfer-to", toStore);
        choose("#wh-transfer-lot", batch);
        b.type("#wh-transfer-quantity", Integer.toString(quantity));
        b.find("#wh-transfer-submit").click();
        b.waitForText("#wh-transfer-form .ok", "已调拨");
    }

    private static long quantityOf(String json, String batch) {
        Matcher m = Pattern.compile("\"batchNumber\":\"" + batch + "\",\"expiresOn\":\"[^\"]+\",\"quantity\":(\\d+)").matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    @Test
    void walksTheProceduresThroughTheModulesOwnPages() throws Exception {
        // keeper: the module's menu entry opens its overview
        b.login("wh-keeper", PASSWORD);
        b.find("#count-residents");
        b.find("nav a[data-module=warehouse]").click();
        b.find("#wh-stores");
        b.type("#wh-product-name", "复方左炔诺孕酮片");
        b.type("#wh-product-type", "口服避孕药");
        b.type("#wh-product-specification", "22片/板");
        b.type("#wh-product-unit", "板");
        b.type("#wh-product-approvalNumber", "国药准字H20263001");
        b.type("#wh-product-manufacturer", "某药业");
        b.find("#wh-product-form button[type=submit]").click();
        b.waitForText("#page", "国药准字H20263001");

        // 1. receiving with 三查六对 and the quality check; a damp lot is blocked
        openStore("顺德区药具库");
        receive("L2026A", "2028-12-31", false);
        b.waitForText("#wh-receive-form .ok", "已入库");
        b.shot("wh-01-receive");
        receive("L2026B", "2028-12-31", true);
        b.waitForText("#wh-receive-form .error", "验收未通过，已冻结");
        tab("wh-store");
        b.waitForText("#wh-stock", "验收未通过·冻结");
        b.shot("wh-02-stock");
        assertReconciles("receiving");

        // 2. transfers down the levels
        transfer("大良街道药具库", "L2026A", 300);
        openStore("大良街道药具库");
        transfer("一社区药具点", "L2026A", 100);
        assertReconciles("transfer");

        // 3. issue to a person, first expiry first out, informed choice, on their card
        openStore("一社区药具点");
        tab("wh-issue");
        b.type("#wh-issue-quantity", "3");
        b.find("#wh-issue-product").click(); // change → the suggestion follows the quantity
        b.waitForText("#wh-fefo", "L2026A");
        b.type("#wh-resident-name", "李芳");
        b.find("#wh-resident-search").click();
        b.find(".wh-choose").click();
        b.waitForText("#wh-chosen-resident", "李芳");
        choose("#wh-months", "3");
        b.type("#wh-method", "口服避孕药");
        b.find("#wh-informed").click();
        b.shot("wh-03-issue");
        b.find("#wh-issue-submit").click();
        b.waitForText("#wh-issue-form .ok", "已发放");
        assertReconciles("issue");

        // a lot near expiry at the street: the overview warns and suggests the community, which issues that product
        openStore("顺德区药具库");
        receive("L2026N", LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(60).toString(), false);
        b.waitForText("#wh-receive-form .ok", "已入库");
        transfer("大良街道药具库", "L2026N", 50);
        b.open("warehouse");
        b.waitForText("#wh-warnings", "近效期");
        b.waitForText("#wh-warnings", "调往 一社区药具点");
        b.shot("wh-04-warnings");
        assertReconciles("near-expiry transfer");

        // 4. follow-up on the person's card; reading the card is audited with its reason
        b.open("warehouse");
        b.find("#wh-link-card").click();
        b.type("#wh-card-name", "李芳");
        b.find("#wh-card-search button").click();
        b.find("#wh-card-results tbody button").click();
        b.type("#wh-card-reason", "季度随访");
        b.find("#wh-card-read").click();
        b.waitForText("#wh-card-entries", "口服避孕药");
        choose("#wh-followup-store", "一社区药具点");
        choose("#wh-followup-channel", "电话");
        b.find("#wh-followup-submit").click();
        b.waitForText("#wh-followup-form .ok", "已保存");
        b.waitForText("#wh-card-entries", "随访");
        b.shot("wh-05-card");
        assertTrue(admin.get("/api/audit?action=READ_SENSITIVE&entityType=ContraceptiveCard").body().contains("季度随访"),
                "the card read is audited with its reason");
        assertReconciles("follow-up");

        // 5. stock-take counted by the keeper (one box short), 6. scrapping asked by the street
        openStore("一社区药具点");
        tab("wh-stocktake");
        b.type("#wh-stocktake-form input[name=counted0]", "96");
        b.type("#wh-stocktake-form input[name=explanation0]", "1盒破损");
        b.find("#wh-stocktake-submit").click();
        b.waitForText("#wh-stocktakes", "待审批");
        assertTrue(b.driver.findElements(By.cssSelector("#wh-stocktakes button.primary")).isEmpty(),
                "the counter cannot approve the own count");
        openStore("大良街道药具库");
        tab("wh-scraps");
        choose("#wh-scrap-lot", "L2026A");
        b.type("#wh-scrap-quantity", "10");
        b.type("#wh-scrap-reason", "包装受潮");
        b.find("#wh-scrap-submit").click();
        b.waitForText("#wh-scrap-list", "待审批");
        b.shot("wh-06-scrap-asked");
        b.logout();

        // the county director approves the count and the scrapping (the level above the street)
        b.login("wh-director", PASSWORD);
        b.find("#count-residents");
        openStore("一社区药具点");
        tab("wh-stocktake");
        b.find("#wh-stocktakes button.primary").click();
        b.waitForText("#wh-stocktakes", "已批准");
        tab("wh-store");
        b.waitForText("#wh-stock", "96");
        assertReconciles("stock-take");
        openStore("大良街道药具库");
        tab("wh-scraps");
        b.find("#wh-scrap-list button.primary").click();
        b.waitForText("#wh-scrap-list", "已批准");
        assertEquals(190, quantityOf(stockJson("大良街道药具库"), "L2026A")); // 300 in, 100 on, 10 scrapped
        assertReconciles("scrapping");

        // 7. the quarterly reports: signed off with a written analysis, exported
        b.open("warehouse");
        b.find("#wh-link-reports").click();
        b.waitForText("#wh-report-stock", "大良街道药具库");
        b.waitForText("#wh-signoff-stock", "尚未签字确认");
        b.type("#wh-analysis-stock", "本季度发放平稳，报废 10 板（受潮）。");
        b.find("#wh-sign-stock").click();
        b.waitForText("#wh-signoff-stock", "已签字确认");
        b.shot("wh-07-report-signed");
        Http director = http.login("wh-director", PASSWORD);
        String quarter = b.find("#wh-report-quarter").getAttribute("value");
        Http.Response xlsx = director.get("/api/warehouse/reports/stock?jurisdiction=440606&quarter=" + quarter + "&format=xlsx");
        assertEquals(200, xlsx.status(), xlsx.body());
        assertTrue(xlsx.body().startsWith("PK"), "an xlsx is a zip");
        Http.Response pdf = director.get("/api/warehouse/reports/stock?jurisdiction=440606&quarter=" + quarter + "&format=pdf");
        assertEquals(200, pdf.status(), pdf.body());
        assertTrue(pdf.body().startsWith("%PDF"), "a PDF");
        assertProblem(director.postJson("/api/warehouse/reports/stock/sign-off", "{\"jurisdiction\":\"440606\",\"quarter\":\""
                + quarter + "\",\"analysis\":\"再签\"}"), 409, "correctionReason");
        assertReconciles("report");

        // the module off: its menu entry and pages go, the open page says so without an error
        assertTrue(admin.post("/api/admin/modules/warehouse/disable").body().contains("\"state\":\"DISABLED\""));
        b.open("warehouse?after=off");
        b.wait.until(d -> d.findElements(By.cssSelector("nav a[data-module=warehouse]")).isEmpty());
        b.find("#module-off");
        assertTrue(b.driver.findElements(By.cssSelector("#page .error")).isEmpty(), "no error on the page");
        b.shot("wh-08-module-off");
        // on again: the entry and pages return with the data
        assertTrue(admin.post("/api/admin/modules/warehouse/enable").body().contains("\"state\":\"ENABLED\""));
        b.wait.until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("nav a[data-module=warehouse]")).isEmpty();
        });
        b.find("nav a[data-module=warehouse]").click();
        b.waitForText("#wh-stores", "一社区药具点");
        b.waitForText("#wh-reconcile", "账账相符");
        b.shot("wh-09-module-on");
        assertReconciles("after switching off and on");

        // English
        b.find("#lang").click();
        b.waitForText("#page h2", "Contraceptive warehouse");
        b.shot("wh-10-english");
        b.find("#lang").click();
        assertFalse(b.driver.getPageSource().contains("<script>alert"), "nothing injected");
    }

    private String stockJson(String storeName) throws Exception {
        Matcher m = Pattern.compile("\"id\":(\\d+),\"name\":\"" + storeName + "\"").matcher(checker.get("/api/warehouse/stores").body());
        assertTrue(m.find(), storeName);
        return checker.get("/api/warehouse/stores/" + m.group(1) + "/stock").body();
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertTrue(r.body().contains("\"field\":\"" + field + "\""), r.body());
    }
}
