package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.renkou.core.api.CitizenId;

/**
 * 批量导入 in headless Chromium against the real launcher: the administrator drops a CSV (only the form's required
 * columns, 3,000 good rows, bad ones, an old 15-digit ID number) on the page; the progress bar follows the job to
 * the end; the rejected rows show with line, column and reason and download as Excel; the conversion is reported; a
 * reload shows the same job; the template downloads; the history lists the job. Screenshots:
 * {@code target/screenshots/import-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImportUiIT {
    private static final String COMMUNITY = "440606901001";
    private static final int GOOD_ROWS = 3000;

    private Path home;
    private Http http;
    private Process process;
    private Browser ui;

    @BeforeAll
    void start() throws Exception {
        home = RenkouOptions.newHome("import-ui");
        int port = RenkouOptions.freePort();
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

    private static String csv() {
        StringBuilder s = new StringBuilder("name,idNumber,residenceCode\n");
        LocalDate day = LocalDate.of(1960, 1, 1);
        for (int i = 0; i < GOOD_ROWS; i++) {
            String first17 = "440606" + day.plusDays(i / 500).toString().replace("-", "")
                    + String.format("%03d", i % 500 + 100);
            s.append("居民").append(i).append(',').append(first17).append(CitizenId.checkChar(first17)).append(',')
                    .append(COMMUNITY).append('\n');
        }
        s.append("老号码,440606550101001,").append(COMMUNITY).append('\n'); // line 3002: 15 digits, converted
        s.append("错号码,44060619800101999X,").append(COMMUNITY).append('\n'); // line 3003: check character
        s.append(",440606197001010011,").append(COMMUNITY).append('\n'); // line 3004: no name
        return s.toString();
    }

    @Test
    void dropFollowReloadAndDownload() throws Exception {
        String printed = RenkouProcess.awaitAdminPassword(home, 30);
        ui.login("admin", printed);
        ui.find("#password-form");
        ui.changePassword(printed, "Admin-2026x");
        Http admin = http.login("admin", "Admin-2026x");

        ui.open("imports");
        ui.find("#import-drop");
        assertTrue(ui.find("#import-template").getAttribute("href").endsWith("/api/imports/template.xlsx"));
        ui.shot("import-01-page");

        // a real drop event carrying the file, as the browser fires it when a file is dragged onto the zone
        ((JavascriptExecutor) ui.driver).executeScript("const dt = new DataTransfer();"
                + "dt.items.add(new File([arguments[0]], 'residents.csv', { type: 'text/csv' }));"
                + "document.getElementById('import-drop').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));",
                csv());
        ui.find("#import-progress");
        String jobId = ui.driver.getCurrentUrl().replaceFirst(".*#/imports/", "");
        assertTrue(jobId.startsWith("imp-"), jobId);
        ui.find("#import-rows");
        ui.shot("import-02-progress");
        ui.wait.withTimeout(java.time.Duration.ofSeconds(60)).until(d -> "DONE".equals(
                d.findElement(By.id("import-state")).getAttribute("data-state")));
        ui.waitForText("#import-rows", (GOOD_ROWS + 3) + " / " + (GOOD_ROWS + 3));
        assertEquals("100", ui.find("#import-progress").getAttribute("value"));
        ui.waitForText("#import-errors", "3003");
        String errors = ui.find("#import-errors").getText();
        assertTrue(errors.contains("idNumber") && errors.contains("校验位") && errors.contains("3004")
                && errors.contains("name"), errors);
        String conversions = ui.find("#import-conversions").getText();
        assertTrue(conversions.contains("3002") && conversions.contains("440606"), conversions);
        ui.shot("import-03-done");

        // the report survives a reload: the job is in the route, its figures on the server
        ui.driver.navigate().refresh();
        ui.wait.until(d -> "DONE".equals(d.findElement(By.id("import-state")).getAttribute("data-state")));
        ui.waitForText("#import-counts", "3001");
        ui.shot("import-04-reloaded");
        // an upload left running when the page was closed is opened again from the plain route
        ((JavascriptExecutor) ui.driver).executeScript("localStorage.setItem('renkou.import.current', arguments[0])", jobId);
        ui.open("imports");
        ui.wait.until(d -> d.getCurrentUrl().endsWith("#/imports/" + jobId));

        Http.Response xlsx = admin.get("/api/imports/" + jobId + "/errors.xlsx");
        assertEquals(200, xlsx.status());
        assertTrue(xlsx.contentType().startsWith("application/vnd.openxmlformats"), xlsx.contentType());
        Http.Response template = admin.get("/api/imports/template.xlsx");
        assertEquals(200, template.status());
        assertTrue(template.body().startsWith("PK"), "a zip (xlsx)");
        assertEquals(GOOD_ROWS + 1, Asserts.number(admin.get("/api/imports/" + jobId).body(), "importedRows"));

        ui.find("#import-new").click();
        ui.waitForText("#import-history", jobId);
        ui.shot("import-05-history");
    }
}
