package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The database is configuration: the distribution started with {@code RENKOU_DB} (framework property
 * {@code renkou.db.url}) or with {@code deploy/org.renkou.db.cfg} (Config Admin, PID {@code org.renkou.db}) pointing
 * at a Derby database outside {@code RENKOU_HOME/data} puts the core's and the warehouse's data there, and nothing
 * under {@code data/}. After the stop the test opens that database itself and finds the rows.
 */
class DataSourceIT {

    @Test
    void environmentChoosesTheDatabase() throws Exception {
        Path home = RenkouOptions.newHome("datasource-env");
        Path db = home.resolve("elsewhere/db").toAbsolutePath();
        runAndWrite(home, Map.of("RENKOU_DB", "jdbc:derby:" + db + ";create=true"), "440606951");
        assertDataIn(db, home, "440606951");
    }

    @Test
    void configAdminChoosesTheDatabase() throws Exception {
        Path home = RenkouOptions.newHome("datasource-cfg");
        Path db = home.resolve("configured/db").toAbsolutePath();
        Files.createDirectories(home.resolve("deploy"));
        Files.writeString(home.resolve("deploy/org.renkou.db.cfg"),
                "url = jdbc:derby:" + db + ";create=true\npool.size = 3\n", StandardCharsets.ISO_8859_1);
        runAndWrite(home, Map.of(), "440606952");
        assertDataIn(db, home, "440606952");
    }

    private static void runAndWrite(Path home, Map<String, String> env, String code) throws Exception {
        int port = RenkouOptions.freePort();
        Http http = new Http(port);
        Map<String, String> all = new java.util.HashMap<>(env);
        all.put("RENKOU_JAVA_OPTS", "-Drenkou.auth.trustHeader=true");
        Process p = RenkouProcess.launch(home, Integer.toString(port), all);
        try {
            http.await("/api/jurisdictions/230102901001", r -> r.status() == 200, 90);
            assertEquals(201, http.postJson("/api/jurisdictions", "{\"code\":\"" + code
                    + "\",\"name\":\"配置库街道\",\"level\":\"STREET\",\"parentCode\":\"440606\"}").status());
            http.await("/api/warehouse/products", r -> r.status() == 200, 60);
            assertEquals(200, http.get("/api/health").status(), RenkouProcess.console(home));
        } finally {
            RenkouProcess.stop(p);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static void assertDataIn(Path db, Path home, String code) throws SQLException {
        assertTrue(Files.isRegularFile(db.resolve("service.properties")), () -> "Derby database where configured; log:\n"
                + read(home.resolve("logs/renkou.log")));
        assertFalse(Files.exists(home.resolve("data/renkou")), "nothing in the default database");
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + db);
                Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT NAME FROM JURISDICTION WHERE CODE = '" + code + "'")) {
                assertTrue(rs.next(), "the jurisdiction written over HTTP");
                assertEquals("配置库街道", rs.getString(1));
            }
            try (ResultSet rs = st.executeQuery(
                    "SELECT COUNT(*) FROM RENKOU_SCHEMA_VERSION WHERE COMPONENT = 'warehouse'")) {
                assertTrue(rs.next() && rs.getInt(1) > 0, "the warehouse unit migrated in the same database");
            }
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:" + db + ";shutdown=true");
            } catch (SQLException e) {
                // 08006: shut down as asked
            }
        }
    }
}
