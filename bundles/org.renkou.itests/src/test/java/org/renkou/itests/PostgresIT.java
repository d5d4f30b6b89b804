package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The built distribution on PostgreSQL: started with {@code RENKOU_DB=postgresql://…}, {@code RENKOU_DB_USER} and
 * {@code RENKOU_DB_PASSWORD_FILE} against a private cluster ({@link PostgresServer}), it migrates the core's and the
 * warehouse's schema there (common scripts plus the {@code postgresql/} ones), serves the core and the warehouse, and
 * keeps nothing in the embedded Derby folder. Skipped with a message where PostgreSQL is not installed, unless
 * {@code -Drenkou.it.requirePostgres=true} (CI) makes that a failure.
 */
class PostgresIT {
    private static PostgresServer pg;

    @BeforeAll
    static void server() {
        PostgresAssumptions.assumeAvailable();
        pg = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void platformRunsOnPostgresql() throws Exception {
        String db = pg.createDatabase("postgres_it");
        Path home = RenkouOptions.newHome("postgres");
        int port = RenkouOptions.freePort();
        Http http = new Http(port);
        Process p = RenkouProcess.launch(home, Integer.toString(port), Map.of("RENKOU_DB", pg.url(db),
                "RENKOU_DB_USER", PostgresServer.USER, "RENKOU_DB_PASSWORD_FILE", pg.passwordFile().toString(),
                "RENKOU_DB_POOL_SIZE", "6"));
        try {
            http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 120);
            http.await("/api/auth/me", r -> r.status() == 401, 60); // the REST API is up (503 while it starts)
            Http admin = loginChanged(http, "admin", RenkouProcess.awaitAdminPassword(home, 60), "Renkou-2026pg");
            assertEquals(201, admin.postJson("/api/jurisdictions", "{\"code\":\"440606953\",\"name\":\"服务器库街道\","
                    + "\"level\":\"STREET\",\"parentCode\":\"440606\"}").status());
            for (String[] st : new String[][] {{"officer", "FAMILY_SERVICES"}, {"keeper", "WAREHOUSE_KEEPER"}}) {
                Http.Response r = admin.postJson("/api/staff", "{\"username\":\"" + st[0] + "\",\"name\":\"测试\","
                        + "\"roles\":[\"" + st[1] + "\"],\"jurisdictionCodes\":[\"440606\"],\"password\":\"Start-2026a\"}");
                assertEquals(201, r.status(), r.body());
            }
            Http officer = loginChanged(http, "officer", "Start-2026a", "Work-2026officer");
            Http.Response created = officer.postJson("/api/residents", "{\"idNumber\":\""
                    + ResidentIT.idNumber("44060619900101003") + "\",\"name\":\"王芳\",\"residenceCode\":\"440606901001\"}");
            assertEquals(201, created.status(), created.body());
            Http.Response list = officer.get("/api/residents");
            assertTrue(list.status() == 200 && list.body().contains("王芳"), list.body());
            http.await("/api/warehouse/products", r -> r.status() != 404 && r.status() != 503, 60);
            Http keeper = loginChanged(http, "keeper", "Start-2026a", "Work-2026keeper");
            Http.Response product = keeper.postJson("/api/warehouse/products", "{\"name\":\"避孕套\",\"type\":\"外用药具\","
                    + "\"specification\":\"中号 10只/盒\",\"unit\":\"盒\",\"approvalNumber\":\"国械注准20150000001\","
                    + "\"manufacturer\":\"某乳胶厂\"}");
            assertEquals(201, product.status(), product.body());
            Http.Response health = http.get("/api/health");
            assertEquals(200, health.status(), RenkouProcess.console(home));
        } finally {
            RenkouProcess.stop(p);
        }
        assertFalse(Files.exists(home.resolve("data/renkou")), "nothing in the embedded Derby database");
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT NAME FROM JURISDICTION WHERE CODE = '440606953'")) {
                assertTrue(rs.next(), "the jurisdiction written over HTTP is in PostgreSQL");
                assertEquals("服务器库街道", rs.getString(1));
            }
            assertEquals(1, count(st, "SELECT COUNT(*) FROM RESIDENT WHERE NAME = '王芳'"));
            assertEquals(1, count(st, "SELECT COUNT(*) FROM WH_PRODUCT WHERE NAME = '避孕套'"));
            assertEquals(1, count(st, "SELECT COUNT(*) FROM RENKOU_SCHEMA_VERSION WHERE COMPONENT = 'core' "
                    + "AND VERSION = 1000"), "the PostgreSQL-only core script ran");
            assertTrue(count(st, "SELECT COUNT(*) FROM RENKOU_SCHEMA_VERSION WHERE COMPONENT = 'warehouse'") >= 4,
                    "the warehouse's migrations ran on PostgreSQL");
            assertEquals(1, count(st, "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'staff' "
                    + "AND column_name = 'active' AND data_type = 'boolean'"));
        }
    }

    /** Logs in with a first password, changes it as required, and answers the session with the new one. */
    static Http loginChanged(Http http, String user, String first, String changed) throws Exception {
        Http s = http.login(user, first);
        assertEquals(204, s.postJson("/api/auth/password", "{\"oldPassword\":\"" + first + "\",\"newPassword\":\""
                + changed + "\"}").status());
        return http.login(user, changed);
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
