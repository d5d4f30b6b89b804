package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.renkou.core.api.CitizenId;

/**
 * The UI in headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) against the real launcher
 * without header trust: the administrator logs in with the printed password and must change it, creates a
 * community officer, who logs in, changes the password, finds and edits a resident of their community only (a
 * script in a name shows as text, a concurrent change shows the 409 in words), reveals a health note (audited);
 * the administrator switches module "notes" off and on and its menu entry goes and comes back. The statistics page:
 * the administrator updates the snapshot and drills down, the officer sees their community only and downloads the
 * Excel report. Screenshots of the main pages land in {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiIT {
    static final String COMMUNITY_A = "440606901001";
    static final String COMMUNITY_B = "440606901002";
    static final String XSS = "<script>alert(1)</script>";

    private Path home;
    private Process process;
    private String base;
    private Http http;
    private Browser ui;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        home = RenkouOptions.newHome("webui");
        int port = RenkouOptions.freePort();
        base = "http://127.0.0.1:" + port;
        http = new Http(port);
        TestBundles.deployFixture(home.resolve("deploy"));
        process = RenkouProcess.launch(home, Integer.toString(port), Map.of());
        http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 60);
        ui = new Browser(base, home);
        browser = ui.driver;
        wait = ui.wait;
    }

    @AfterAll
    void stop() throws Exception {
        if (ui != null) {
            ui.close();
        }
        RenkouProcess.stop(process);
    }

    private WebElement find(String css) {
        return ui.find(css);
    }

    private void type(String css, String text) {
        ui.type(css, text);
    }

    private void waitForText(String css, String text) {
        ui.waitForText(css, text);
    }

    private void shot(String name) throws IOException {
        ui.shot(name);
    }

    private void login(String username, String password) {
        ui.login(username, password);
    }

    private void changePassword(String oldPassword, String newPassword) {
        ui.changePassword(oldPassword, newPassword);
    }

    private void logout() {
        ui.logout();
    }

    private static String idNumber(String first17) {
        return first17 + CitizenId.checkChar(first17);
    }

    @Test
    void dailyWorkInChineseSeeingOnlyTheOwnCommunity() throws Exception {
        // 1. first start: the printed password, and the forced change
        String printed = RenkouProcess.awaitAdminPassword(home, 30);
        browser.get(base + "/");
        find("#login-form");
        shot("01-login");
        login("admin", printed);
        find("#password-form");
        assertTrue(browser.getPageSource().contains("请先修改密码"));
        shot("02-forced-password-change");
        changePassword(printed, "Admin-2026x");
        shot("03-dashboard-admin");
        // a voluntary change is one click away in the header, besides the forced one
        find("#change-password").click();
        find("#password-form");
        browser.navigate().back();

        // residents in two communities, one with a script as a name (through the API, as an import would)
        Http admin = http.login("admin", "Admin-2026x");
        assertEquals(201, admin.postJson("/api/residents", "{\"idNumber\":\"" + idNumber("44060619850315002")
                + "\",\"name\":\"陈红\",\"residenceCode\":\"" + COMMUNITY_A + "\",\"phone\":\"13812345678\"}").status());
        assertEquals(201, admin.postJson("/api/residents", "{\"idNumber\":\"" + idNumber("44060619900101003")
                + "\",\"name\":\"" + XSS.replace("\"", "\\\"") + "\",\"residenceCode\":\"" + COMMUNITY_A + "\"}").status());
        assertEquals(201, admin.postJson("/api/residents", "{\"idNumber\":\"" + idNumber("44060619880808004")
                + "\",\"name\":\"陈明\",\"residenceCode\":\"" + COMMUNITY_B + "\"}").status());

        // 2. the administrator creates a community officer in the UI
        browser.get(base + "/ui/index.html#/staff");
        type("#staff-username", "wangfang");
        type("#staff-name", "王芳");
        find("#role-FAMILY_SERVICES").click();
        type("#staff-codes", COMMUNITY_A);
        type("#staff-password", "Start-2026a");
        find("#staff-create").click();
        waitForText("#staff-form .ok", "已创建");
        shot("04-staff-admin");

        // statistics: the snapshot predates the residents above until the administrator updates it here
        browser.get(base + "/ui/index.html#/statistics");
        find("#stats-as-of");
        find("#stats-refresh").click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#stats-total .n"), "3"));
        shot("19-statistics-admin");
        waitForText("#stats-where", "全国"); // the administrator's reach is the whole country
        find("#stats-areas button[data-code='440000']").click(); // drill down: the country, then Guangdong
        waitForText("#stats-where", "440000");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#stats-total .n"), "3"));
        shot("20-statistics-drilldown");
        find("#stats-areas button.drill").click(); // one level further, then back up by the parent's link
        wait.until(d -> !d.findElement(By.id("stats-where")).getText().contains("(440000)"));
        find("#stats-up").click();
        waitForText("#stats-where", "(440000)");
        logout();

        // 3. the officer logs in, must change the password, and sees the dashboard of their community
        login("wangfang", "Start-2026a");
        find("#password-form");
        changePassword("Start-2026a", "Wang-2026b");
        waitForText("#count-residents", "2");
        shot("05-dashboard-officer");

        // 4. resident search: only community A, the script shows as text
        browser.get(base + "/ui/index.html#/residents?name=%E9%99%88");
        String results = wait.until(d -> {
            String text = d.findElement(By.id("results")).getText();
            return text.contains("陈红") ? text : null;
        });
        assertFalse(results.contains("陈明"), results);
        browser.get(base + "/ui/index.html#/residents");
        wait.until(d -> d.findElement(By.id("results")).getText().contains(XSS));
        assertNoAlert();
        assertTrue(browser.findElements(By.cssSelector("#results script")).isEmpty(), "no script element");
        shot("06-residents");

        // 5. edit: saved; then a concurrent change → the 409 in words
        type("#search-name", "陈红");
        find("#resident-search button").click();
        wait.until(d -> d.findElements(By.cssSelector("#results tbody tr")).size() == 1);
        find("#results tbody button").click();
        type("#resident-phone", "13900000000");
        find("#resident-save").click();
        waitForText("#resident-form .ok", "已保存");
        String id = browser.getCurrentUrl().replaceAll(".*#/resident/", "");
        String current = admin.get("/api/residents/" + id).body();
        assertTrue(current.contains("13900000000"), current);
        assertEquals(200, admin.putJson("/api/residents/" + id, current.replace("13900000000", "13700000000")).status());
        type("#resident-address", "示例路 1 号");
        find("#resident-save").click();
        waitForText("#resident-form .error", "已被其他人修改");
        shot("07-resident-conflict");

        // 6. health note: masked until revealed with a reason (audited)
        type("#reveal-reason", "随访");
        find("#reveal").click();
        wait.until(d -> !d.findElement(By.id("health-note")).getText().contains("已隐藏"));

        // 7. another community's resident: refused in words
        String foreign = admin.get("/api/residents?name=%E9%99%88%E6%98%8E").body().replaceAll("(?s).*\"id\":(\\d+).*", "$1");
        browser.get(base + "/ui/index.html#/resident/" + foreign);
        waitForText("#page .error", "不在您的辖区内");
        shot("08-foreign-resident-refused");

        for (String[] p : List.of(new String[] {"tree", "09-jurisdictions"}, new String[] {"households", "10-households"},
                new String[] {"registrations", "11-registrations"}, new String[] {"certificates", "12-certificates"},
                new String[] {"benefits", "13-benefits"})) {
            browser.get(base + "/ui/index.html#/" + p[0]);
            wait.until(d -> !d.findElement(By.id("page")).getText().contains("加载中"));
            Thread.sleep(200);
            shot(p[1]);
        }
        // the officer's statistics: their community only, with the Excel download
        browser.get(base + "/ui/index.html#/statistics");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#stats-total .n"), "2"));
        assertTrue(find("#stats-as-of").getText().startsWith("统计截至 20"), find("#stats-as-of").getText());
        assertTrue(browser.findElements(By.id("stats-refresh")).isEmpty(), "refresh is for administrators");
        waitForText("#stats-areas", "未归入下级辖区");
        find("#stats-download").click();
        waitForText("#page .ok", "已下载");
        Thread.sleep(300); // charts drawn
        shot("21-statistics-officer");
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "document.getElementById('stats-chart-ages').scrollIntoView()");
        shot("22-statistics-officer-charts");
        logout();

        // 8. the administrator: audit log, and module "notes" off and on with its menu entry
        login("admin", "Admin-2026x");
        find("#count-residents");
        browser.get(base + "/ui/index.html#/audit?action=READ_SENSITIVE");
        waitForText("#page table", "wangfang");
        shot("14-audit");
        browser.get(base + "/ui/index.html#/modules");
        find("#switch-notes");
        wait.until(d -> menuHasNotes());
        shot("15-modules-notes-on");
        find("#switch-notes").click();
        find("#confirm-switch");
        shot("16-module-plan");
        find("#confirm-switch").click();
        wait.until(d -> !menuHasNotes());
        shot("17-modules-notes-off");
        find("#switch-notes").click();
        find("#confirm-switch").click();
        wait.until(d -> menuHasNotes());
        browser.findElement(By.cssSelector("nav a[data-module=notes]")).click();
        find("#contrib-items");

        // 9. English switch
        find("#lang").click();
        waitForText("header h1", "Population and Family Services");
        shot("18-english");
        find("#lang").click();
    }

    private boolean menuHasNotes() {
        return !browser.findElements(By.cssSelector("nav a[data-module=notes]")).isEmpty();
    }

    private void assertNoAlert() {
        try {
            browser.switchTo().alert();
            throw new AssertionError("a script in a name ran");
        } catch (NoAlertPresentException expected) {
            // the name is text
        }
        assertFalse(browser.getPageSource().contains("<script>alert(1)</script></td>"));
    }
}
