package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /api/metrics} on the real launcher (logins, no header trust): only a platform administrator reads it,
 * the request counters move by exactly the requests made, under the resource template and never the ids, and the
 * health detail says which node, which database and whether it leads the jobs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT {
    private static final String PASSWORD = "Metrics-2026";
    private Path home;
    private Process process;
    private Http http;
    private Http admin;
    private int port;

    @BeforeAll
    void start() throws Exception {
        home = RenkouOptions.newHome("metrics");
        port = RenkouOptions.freePort();
        http = new Http(port);
        process = RenkouProcess.launch(home, Integer.toString(port), Map.of());
        http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 60);
        String printed = RenkouProcess.awaitAdminPassword(home, 30);
        assertEquals(204, http.login("admin", printed).postJson("/api/auth/password",
                "{\"oldPassword\":\"" + printed + "\",\"newPassword\":\"" + PASSWORD + "\"}").status());
        admin = http.login("admin", PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        RenkouProcess.stop(process);
    }

    @Test
    void onlyAPlatformAdministratorReadsTheMetrics() throws Exception {
        assertEquals(401, http.get("/api/metrics").status(), "no login");
        assertEquals(201, admin.postJson("/api/staff", "{\"username\":\"metricsadmin\",\"name\":\"社区管理员\","
                + "\"roles\":[\"ADMIN\"],\"jurisdictionCodes\":[\"440606901001\"],\"password\":\"Start-1234\"}").status());
        Http community = http.login("metricsadmin", "Start-1234");
        assertEquals(204, community.postJson("/api/auth/password",
                "{\"oldPassword\":\"Start-1234\",\"newPassword\":\"Renkou-2026m\"}").status());
        Http.Response refused = community.get("/api/metrics");
        assertEquals(403, refused.status(), "an administrator of one community is not a platform administrator");
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertFalse(refused.body().contains("renkou_"), refused.body());
    }

    @Test
    void requestsCountUnderTheirResourceTemplateByExactlyTheRequestsMade() throws Exception {
        String series = "{resource=\"/api/residents/{id}\",method=\"GET\",status=\"4xx\"}";
        Http.Response before = admin.get("/api/metrics");
        assertEquals(200, before.status(), before.body());
        assertTrue(before.contentType().startsWith("text/plain") && before.contentType().contains("version=0.0.4"),
                before.contentType());
        for (long id : new long[] {987654301L, 987654302L, 987654303L}) {
            assertEquals(404, admin.get("/api/residents/" + id).status());
        }
        String after = admin.get("/api/metrics").body();
        assertEquals(3, value(after, "renkou_http_requests_total" + series) - value(before.body(),
                "renkou_http_requests_total" + series), after);
        assertEquals(3, value(after, "renkou_http_request_duration_seconds_count" + series)
                - value(before.body(), "renkou_http_request_duration_seconds_count" + series));
        String inf = series.substring(0, series.length() - 1) + ",le=\"+Inf\"}";
        assertEquals(value(after, "renkou_http_requests_total" + series),
                value(after, "renkou_http_request_duration_seconds_bucket" + inf));
        assertFalse(after.contains("987654301"), "no id in a label");
        assertTrue(value(after, "renkou_http_requests_total{resource=\"/api/metrics\",method=\"GET\","
                + "status=\"2xx\"}") >= 1, after);
        for (String family : new String[] {"# TYPE renkou_http_request_duration_seconds histogram",
                "renkou_database_info{dialect=\"derby\",location=\"renkou\"} 1", "renkou_job_leader 1",
                "renkou_import_rows_total ", "renkou_jvm_memory_used_bytes{area=\"heap\"} ",
                "renkou_jvm_gc_collections_total{collector=", "renkou_process_uptime_seconds "}) {
            assertTrue(after.contains(family), family + " in\n" + after);
        }
    }

    @Test
    void healthSaysWhichNodeWhichDatabaseAndWhetherItLeadsTheJobs() throws Exception {
        String detail = admin.get("/api/health").body();
        assertTrue(detail.contains("\"node\":{") && detail.contains("\"port\":\"" + port + "\"")
                && detail.contains("\"database\":\"derby renkou\"") && detail.contains("\"jobLeader\":true"), detail);
        assertTrue(detail.contains("\"name\":\"database\",\"state\":\"UP\",\"detail\":\"derby renkou\""), detail);
        assertFalse(http.get("/api/health").body().contains("node"), "nothing of the node without a login");
    }

    /** The value of {@code sample} (name and labels, as written) in the Prometheus text {@code text}, else 0. */
    static long value(String text, String sample) {
        Matcher m = Pattern.compile("^" + Pattern.quote(sample) + " (\\d+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}
