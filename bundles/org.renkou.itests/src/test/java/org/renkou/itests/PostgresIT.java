package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
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
        Process p = launchOn(db, home, port, "RENKOU_DB_POOL_SIZE", "6");
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
                    + WANG + "\",\"name\":\"王芳\",\"residenceCode\":\"440606901001\"}");
            assertEquals(201, created.status(), created.body());
            Http.Response list = officer.get("/api/residents");
            assertTrue(list.status() == 200 && list.body().contains("王芳"), list.body());
            // residents and households by prefecture (PostgreSQL only): a household listed by a county's officer
            // (the query names the prefecture); 王芳 moves to 东莞 (4419); her ID number stays unique across the
            // prefectures' partitions; the lookup finds her there
            long wang = ResidentIT.id(created);
            Http.Response household = officer.postJson("/api/households", "{\"number\":\"PG-H-1\",\"residenceCode\":"
                    + "\"440606901001001\",\"members\":[{\"residentId\":" + wang + ",\"relation\":\"HEAD\"}]}");
            assertEquals(201, household.status(), household.body());
            Http.Response households = officer.get("/api/households?jurisdictionCode=440606901");
            assertTrue(households.status() == 200 && households.body().contains("PG-H-1"), households.body());
            Http.Response current = admin.get("/api/residents/" + wang);
            assertEquals(200, current.status(), current.body());
            assertEquals(201, admin.postJson("/api/jurisdictions", "{\"code\":\"441900901001\",\"name\":\"示例社区\","
                    + "\"level\":\"COMMUNITY\",\"parentCode\":\"441900901\"}").status());
            Http.Response moved = admin.putJson("/api/residents/" + wang, current.body()
                    .replace("\"residenceCode\":\"440606901001\"", "\"residenceCode\":\"441900901001\""));
            assertEquals(200, moved.status(), moved.body());
            Http.Response twin = admin.postJson("/api/residents", "{\"idNumber\":\"" + WANG + "\",\"name\":\"王芳\","
                    + "\"residenceCode\":\"530102901001\"}");
            assertEquals(409, twin.status(), twin.body());
            Http.Response found = admin.get("/api/residents/by-id-number/" + WANG);
            assertTrue(found.status() == 200 && found.body().contains("441900901001"), found.body());
            // the county officer's lookup reads 佛山's partition (4406) first and the key table only when the row
            // is not there: 王芳, registered in the county and living in 东莞 now, is found through the key table; a
            // resident living in the county, in the partition; one of 东莞 alone is someone else's (404 as nobody's)
            Http.Response registeredHere = officer.get("/api/residents/by-id-number/" + WANG);
            assertTrue(registeredHere.status() == 200 && registeredHere.body().contains("441900901001"),
                    registeredHere.body());
            assertEquals(201, officer.postJson("/api/residents", "{\"idNumber\":\"" + LI + "\",\"name\":\"李明\","
                    + "\"residenceCode\":\"440606901001\"}").status());
            Http.Response livingHere = officer.get("/api/residents/by-id-number/" + LI);
            assertTrue(livingHere.status() == 200 && livingHere.body().contains("李明"), livingHere.body());
            assertEquals(201, admin.postJson("/api/residents", "{\"idNumber\":\"" + ZHAO + "\",\"name\":\"赵强\","
                    + "\"residenceCode\":\"441900901001\"}").status());
            assertEquals(200, admin.get("/api/residents/by-id-number/" + ZHAO).status());
            Http.Response elsewhere = officer.get("/api/residents/by-id-number/" + ZHAO);
            Http.Response nobody = officer.get("/api/residents/by-id-number/" + ResidentIT.idNumber("44060619900101999"));
            assertEquals(nobody.status(), elsewhere.status(), elsewhere.body());
            assertEquals(404, elsewhere.status(), elsewhere.body());
            http.await("/api/warehouse/products", r -> r.status() != 404 && r.status() != 503, 60);
            Http keeper = loginChanged(http, "keeper", "Start-2026a", "Work-2026keeper");
            Http.Response product = keeper.postJson("/api/warehouse/products", "{\"name\":\"避孕套\",\"type\":\"外用药具\","
                    + "\"specification\":\"中号 10只/盒\",\"unit\":\"盒\",\"approvalNumber\":\"国械注准20150000001\","
                    + "\"manufacturer\":\"某乳胶厂\"}");
            assertEquals(201, product.status(), product.body());
            Http.Response health = http.get("/api/health");
            assertEquals(200, health.status(), RenkouProcess.console(home));
            // the audit log of one period from its partitions (by year, PostgreSQL only)
            Http.Response period = admin.get("/api/audit?from=" + YEAR + "-01-01T00:00:00Z&to=" + (YEAR + 1)
                    + "-01-01T00:00:00Z&limit=5");
            assertTrue(period.status() == 200 && period.body().contains("\"actor\":\"admin\""), period.body());
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
            // every module's migrations run on both databases (the school's V3 once failed on Derby's BLOB(20M))
            assertEquals(8, count(st, "SELECT COUNT(*) FROM RENKOU_SCHEMA_VERSION WHERE COMPONENT = 'school'"),
                    "the school's migrations ran on PostgreSQL");
            assertTrue(count(st, "SELECT COUNT(*) FROM RENKOU_SCHEMA_VERSION WHERE COMPONENT = 'association'") >= 2,
                    "the association's migrations ran on PostgreSQL");
            assertEquals(1, count(st, "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'sc_lesson_file'"
                    + " AND column_name = 'content' AND data_type = 'bytea'"));
            assertEquals(1, count(st, "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'staff' "
                    + "AND column_name = 'active' AND data_type = 'boolean'"));
            // the audit log is partitioned by year: this year's entries (written over JDBC and JPA) are in this
            // year's partition, and a query for one period reads that partition only
            assertTrue(count(st, "SELECT COUNT(*) FROM AUDIT_ENTRY_" + YEAR) > 0, "entries in this year's partition");
            assertEquals(count(st, "SELECT COUNT(*) FROM AUDIT_ENTRY"), count(st, "SELECT COUNT(*) FROM AUDIT_ENTRY_" + YEAR));
            String plan = explain(c, "SELECT ID, AT_TIME, ACTOR FROM AUDIT_ENTRY WHERE AT_TIME >= ? AND AT_TIME < ? "
                    + "ORDER BY ID DESC LIMIT 20", java.sql.Timestamp.valueOf(YEAR + "-03-01 00:00:00"),
                    java.sql.Timestamp.valueOf(YEAR + "-04-01 00:00:00"));
            assertTrue(plan.contains("audit_entry_" + YEAR), plan);
            assertFalse(plan.contains("audit_entry_" + (YEAR - 1)) || plan.contains("audit_entry_" + (YEAR + 1))
                    || plan.contains("audit_entry_other"), "one period, one partition: " + plan);
            String all = explain(c, "SELECT ID FROM AUDIT_ENTRY WHERE ACTOR = ?", "admin");
            assertTrue(all.contains("audit_entry_" + (YEAR + 1)) && all.contains("audit_entry_other"),
                    "without a period every partition is read: " + all);
            // residents and households by prefecture: 王芳's row and key moved to 东莞's partition (4419) ...
            assertEquals(1, count(st, "SELECT COUNT(*) FROM RESIDENT_P4419 WHERE NAME = '王芳'"));
            assertEquals(0, count(st, "SELECT COUNT(*) FROM RESIDENT_P4406 WHERE NAME = '王芳'"));
            assertEquals(1, count(st, "SELECT COUNT(*) FROM RESIDENT_KEY WHERE ID_NUMBER = '" + WANG
                    + "' AND PREFECTURE = '4419'"));
            assertEquals(count(st, "SELECT COUNT(*) FROM RESIDENT"), count(st, "SELECT COUNT(*) FROM RESIDENT_KEY"));
            assertEquals(1, count(st, "SELECT COUNT(*) FROM HOUSEHOLD_P4406 WHERE HH_NUMBER = 'PG-H-1'"));
            assertEquals(count(st, "SELECT COUNT(*) FROM HOUSEHOLD"), count(st, "SELECT COUNT(*) FROM HOUSEHOLD_KEY"));
            // ... the lookup by ID number (found over HTTP above) reads her key row, then her partition by name
            assertEquals(1, count(st, "SELECT COUNT(*) FROM RESIDENT_KEY WHERE ID_NUMBER = '" + WANG
                    + "' AND to_regclass('resident_p' || PREFECTURE) IS NOT NULL"));
            // ... and a county's residents (the list's count) and households are read from its prefecture's only
            String county = explain(c, "SELECT COUNT(*) FROM RESIDENT WHERE RESIDENCE_CODE >= ? AND RESIDENCE_CODE < ? "
                    + "AND SUBSTR(RESIDENCE_CODE, 1, 4) = ?", "440606", "440606~", "4406");
            assertTrue(county.contains("resident_p4406") && !county.contains("resident_p4419")
                    && !county.contains("resident_other"), county);
            String homes = explain(c, "SELECT ID FROM HOUSEHOLD WHERE RESIDENCE_CODE LIKE ? AND SUBSTR(RESIDENCE_CODE, 1, 4)"
                    + " = ?", "440606901%", "4406");
            assertTrue(homes.contains("household_p4406") && !homes.contains("household_p4419"), homes);
            String everywhere = explain(c, "SELECT ID FROM RESIDENT WHERE RESIDENCE_CODE LIKE ?", "440606%");
            assertTrue(everywhere.contains("resident_p4419") && everywhere.contains("resident_other"),
                    "without the prefecture every partition is read: " + everywhere);
        }
    }

    /**
     * The whole living sample — the core's and every module's part — is written on PostgreSQL as on Derby: the
     * school's exam scores once failed there (a Java boolean into a SMALLINT column) and left the sample half made.
     */
    @Test
    void livingSampleLoadsOnPostgresql() throws Exception {
        String db = pg.createDatabase("postgres_sample");
        Path home = RenkouOptions.newHome("postgres-sample");
        int port = RenkouOptions.freePort();
        Process p = launchOn(db, home, port, "RENKOU_SAMPLE_DATA", "living");
        try {
            long until = System.nanoTime() + 120_000_000_000L; // the modules' parts load in the background
            while (!(RenkouProcess.console(home).contains("SchoolSample")
                    && RenkouProcess.console(home).contains("WarehouseSample")
                    && RenkouProcess.console(home).contains("AssociationSample")) && System.nanoTime() < until) {
                Thread.sleep(200);
            }
        } finally {
            RenkouProcess.stop(p);
        }
        String console = RenkouProcess.console(home);
        assertTrue(console.contains("Loaded the school sample") && console.contains("Loaded the warehouse sample")
                && console.contains("Loaded the association sample"), console);
        assertFalse(console.contains("has thrown an exception"), console);
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            assertTrue(count(st, "SELECT COUNT(*) FROM SC_RESULT") > 0, "the school sample's exam results");
            assertEquals(1, count(st, "SELECT COUNT(*) FROM information_schema.columns WHERE table_name = 'sc_result' "
                    + "AND column_name = 'passed' AND data_type = 'boolean'"));
        }
    }

    private static final String WANG = ResidentIT.idNumber("44060619900101003");
    private static final String LI = ResidentIT.idNumber("44060619850505011");
    private static final String ZHAO = ResidentIT.idNumber("44190019800303015");
    private static final int YEAR = java.time.LocalDate.now(java.time.ZoneOffset.UTC).getYear();

    /** The plan PostgreSQL makes for {@code sql} with these parameters (bound, as the platform's queries are). */
    private static String explain(Connection c, String sql, Object... params) throws SQLException {
        try (java.sql.PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            StringBuilder plan = new StringBuilder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            return plan.toString();
        }
    }

    /**
     * The import on PostgreSQL writes its residents with one {@code COPY} per batch (a statement-level trigger records
     * the statements that filled RESIDENT), in the same transaction as its households, errors, counters and audit:
     * the rows are whole, with their sort key, household and the ID range the audit entry names.
     */
    @Test
    void importCopiesResidentsIn() throws Exception {
        String db = pg.createDatabase("postgres_import");
        Path home = RenkouOptions.newHome("postgres-import");
        int port = RenkouOptions.freePort();
        Http http = new Http(port);
        Process p = launchOn(db, home, port, "RENKOU_JAVA_OPTS", "-Drenkou.auth.trustHeader=true");
        String community = "440606901001";
        String head = ResidentIT.idNumber("44060619800101001");
        String spouse = ResidentIT.idNumber("44060619820202002");
        String child = ResidentIT.idNumber("44060620100303011");
        long snapshotCells;
        try {
            http.await("/api/jurisdictions/" + community, r -> r.status() == 200, 120);
            try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE SEEN_STATEMENT (QUERY TEXT)");
                st.execute("CREATE FUNCTION SEEN() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN "
                        + "INSERT INTO SEEN_STATEMENT VALUES (current_query()); RETURN NULL; END $$");
                st.execute("CREATE TRIGGER TR_SEEN AFTER INSERT ON RESIDENT FOR EACH STATEMENT EXECUTE FUNCTION SEEN()");
                st.execute("CREATE TABLE SEEN_CELLS (QUERY TEXT)");
                st.execute("CREATE FUNCTION SEEN_CELL() RETURNS TRIGGER LANGUAGE plpgsql AS $$ BEGIN "
                        + "INSERT INTO SEEN_CELLS VALUES (current_query()); RETURN NULL; END $$");
                st.execute("CREATE TRIGGER TR_SEEN_CELL AFTER INSERT ON STATS_RESIDENT_CELL FOR EACH STATEMENT "
                        + "EXECUTE FUNCTION SEEN_CELL()");
            }
            String csv = "idNumber,name,residenceCode,registrationCode,status,maritalStatus,phone,address,"
                    + "householdNumber,relation\n"
                    + head + ",张三," + community + ",,户籍人口,已婚,13800000000,示例路1号,HH-PG,户主\n"
                    + spouse + ",李四," + community + ",,,MARRIED,,示例路1号,HH-PG,配偶\n"
                    + "440606198001019999,王五," + community + ",,,,,,,\n"
                    + child + ",\"钱七, 小名\"," + community + ",,,,,示例路\\1号,HH-PG,子女\n";
            // The import's resource may come with a later build than the one that answered above (404 meanwhile);
            // a 401 is never waited out (the API serves no application without its authentication filter).
            Http.Response started;
            long until = System.nanoTime() + 10_000_000_000L;
            do {
                started = http.send("POST", "/api/imports", "text/csv",
                        csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } while (started.status() == 404 && System.nanoTime() < until && sleep(200));
            assertEquals(202, started.status(), started.body());
            String job = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            String done = http.await("/api/imports/" + job, r -> r.body().contains("\"state\":\"DONE\""), 120).body();
            assertTrue(done.contains("\"importedRows\":3") && done.contains("\"errorRows\":1"), done);
            Http.Response one = http.get("/api/residents/by-id-number/" + child);
            assertTrue(one.status() == 200 && one.body().contains("钱七, 小名"), one.body());
            // again, with one more head for HH-PG: the array lookups find the residents and the household's head
            String more = csv + ResidentIT.idNumber("44060619900404003") + ",赵六," + community + ",,,,,,HH-PG,户主\n";
            String second = http.send("POST", "/api/imports", "text/csv",
                    more.getBytes(java.nio.charset.StandardCharsets.UTF_8)).body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
            String again = http.await("/api/imports/" + second, r -> r.body().contains("\"state\":\"DONE\""), 120)
                    .body();
            assertTrue(again.contains("\"importedRows\":0") && again.contains("\"skippedExisting\":3")
                    && again.contains("\"errorRows\":2") && again.contains("已有户主"), again);
            try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
                // a marital status the statistics do not know counts as not recorded, in the table as in memory
                st.executeUpdate("UPDATE RESIDENT SET MARITAL_STATUS = 'UNKNOWN' WHERE ID_NUMBER = '" + child + "'");
            }
            Http.Response refreshed = http.post("/api/statistics/refresh");
            assertTrue(refreshed.status() == 200 && refreshed.body().contains("\"residents\":3"), refreshed.body());
            snapshotCells = Long.parseLong(refreshed.body().replaceAll(".*\"cells\":(\\d+).*", "$1"));
            try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE RESIDENT SET MARITAL_STATUS = NULL WHERE ID_NUMBER = '" + child + "'");
            }
        } finally {
            RenkouProcess.stop(p);
        }
        try (Connection c = pg.connect(db); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT QUERY FROM SEEN_STATEMENT")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("COPY RESIDENT"), rs.getString(1));
                assertFalse(rs.next(), "one COPY for the one batch, none for the second job");
            }
            assertEquals(3, count(st, "SELECT COUNT(*) FROM RESIDENT WHERE IMPORT_JOB LIKE 'imp-%' AND NAME_KEY <> '' "
                    + "AND VERSION = 1 AND CREATED_AT = UPDATED_AT AND RESIDENCE_CODE = '" + community + "'"));
            assertEquals(1, count(st, "SELECT COUNT(*) FROM RESIDENT WHERE ID_NUMBER = '" + child
                    + "' AND ADDRESS = '示例路\\1号' AND RELATION = 'CHILD' AND MARITAL_STATUS IS NULL"));
            assertEquals(3, count(st, "SELECT COUNT(*) FROM RESIDENT r JOIN HOUSEHOLD h ON h.ID = r.HOUSEHOLD_ID "
                    + "WHERE h.HH_NUMBER = 'HH-PG'"));
            assertEquals(1, count(st, "SELECT COUNT(*) FROM HOUSEHOLD WHERE HH_NUMBER = 'HH-PG'"));
            // the statistics snapshot: the cells summed and inserted by PostgreSQL in one statement (the age band from
            // the birth date) — a province's millions of cells took a minute through the JVM as COPY (BENCHMARKS.md,
            // 10 million residents); the node keeps the cells the statement returned, the same as those stored
            String current = "(SELECT ID FROM STATS_SNAPSHOT WHERE STATE = 'CURRENT')";
            String cells = "SELECT SUM(N) FROM STATS_RESIDENT_CELL WHERE SNAPSHOT_ID = " + current
                    + " AND RESIDENCE_CODE = '" + community + "'";
            assertEquals(3, count(st, cells));
            assertEquals(2, count(st, cells + " AND AGE_BAND = 6 AND MARITAL_STATUS = 'MARRIED'"), "born 1980 and 1982: 40-49");
            assertEquals(1, count(st, cells + " AND AGE_BAND = 3 AND SEX = 'MALE' AND MARITAL_STATUS IS NULL"),
                    "born 2010: 15-19, UNKNOWN as not recorded");
            assertEquals(snapshotCells, count(st, "SELECT CELLS FROM STATS_SNAPSHOT WHERE ID = " + current));
            assertEquals(snapshotCells, count(st, "SELECT (SELECT COUNT(*) FROM STATS_RESIDENT_CELL WHERE SNAPSHOT_ID = "
                    + current + ") + (SELECT COUNT(*) FROM STATS_EVENT_CELL WHERE SNAPSHOT_ID = " + current + ")"));
            try (ResultSet rs = st.executeQuery("SELECT QUERY FROM SEEN_CELLS")) {
                assertTrue(rs.next(), "cells written");
                do {
                    String query = rs.getString(1).replaceAll("\\s+", " ");
                    assertTrue(query.startsWith("INSERT INTO STATS_RESIDENT_CELL") && query.contains(" FROM RESIDENT "),
                            query);
                } while (rs.next());
            }
            assertEquals(0, count(st, "SELECT COUNT(*) FROM pg_constraint WHERE conname = 'fk_stats_resident_cell'"),
                    "no foreign key checked per cell");
            assertEquals(1, count(st, "SELECT COUNT(*) FROM RESIDENT WHERE ID_NUMBER = '" + head
                    + "' AND RELATION = 'HEAD' AND SEX = 'MALE' AND BIRTH_DATE = DATE '1980-01-01' AND STATUS = 'REGISTERED'"));
            long min = count(st, "SELECT MIN(ID) FROM RESIDENT");
            long max = count(st, "SELECT MAX(ID) FROM RESIDENT");
            assertEquals(1, count(st, "SELECT COUNT(*) FROM AUDIT_ENTRY WHERE ACTION_NAME = 'IMPORT' AND CHANGES LIKE "
                    + "'%\"residentIds\":[" + min + "," + max + "],\"imported\":3,%'"));
        }
    }

    /**
     * With a hot standby ({@code RENKOU_DB_REPLICA}) the statistics snapshot is counted there: the standby's scans of
     * RESIDENT grow with a refresh, and the refresh counts a resident written on the primary just before (the
     * standby is waited for up to the primary's WAL position). The audit export, the warehouse's stock report, the
     * school's quarterly coverage and the association's yearly statistics read there too, each right after its
     * writes on the primary. With the standby stopped the refresh still answers, on the primary, and the health
     * detail and the metrics say so; the reports answer the same from the primary.
     */
    @Test
    void reportReadsOnTheStandby() throws Exception {
        String db = pg.createDatabase("postgres_replica");
        PostgresServer standby = pg.standby();
        Path home = RenkouOptions.newHome("postgres-replica");
        int port = RenkouOptions.freePort();
        Http http = new Http(port);
        Process p = RenkouProcess.launch(home, Integer.toString(port), Map.of("RENKOU_DB", pg.url(db),
                "RENKOU_DB_USER", PostgresServer.USER, "RENKOU_DB_PASSWORD_FILE", pg.passwordFile().toString(),
                "RENKOU_DB_REPLICA", standby.url(db), "RENKOU_JAVA_OPTS", "-Drenkou.auth.trustHeader=true"));
        try {
            Http admin = http.as("admin");
            http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 120);
            for (String path : new String[] {"/api/staff", "/api/residents", "/api/statistics/snapshot"}) {
                admin.await(path, r -> r.status() != 404 && r.status() != 503, 60); // resources attach one by one
            }
            // the sample tree's last row: its prefectures' partitions are attached, which the standby replays
            admin.await("/api/jurisdictions/230102901001", r -> r.status() == 200, 60);
            assertEquals(201, admin.postJson("/api/staff", "{\"username\":\"officer\",\"name\":\"测试\","
                    + "\"roles\":[\"FAMILY_SERVICES\"],\"jurisdictionCodes\":[\"440606\"],"
                    + "\"password\":\"Start-2026a\"}").status());
            Http officer = http.as("officer");
            long scans = residentScans(standby, db);
            long before = residents(admin.post("/api/statistics/refresh"));
            Http.Response created = officer.postJson("/api/residents", "{\"idNumber\":\""
                    + ResidentIT.idNumber("44060619900101005") + "\",\"name\":\"备库\",\"residenceCode\":\"440606901001\"}");
            assertEquals(201, created.status(), "the write goes to the primary: " + created.body());
            assertEquals(before + 1, residents(admin.post("/api/statistics/refresh")),
                    "the standby counted what the primary had just written");
            awaitTrue(() -> residentScans(standby, db) > scans, "the snapshot was counted on the standby");
            String health = admin.get("/api/health").body();
            assertTrue(health.contains("\"name\":\"replica\"") && health.contains(" in use (")
                    && !health.contains("not in use"), health);
            String metrics = admin.get("/api/metrics").body();
            assertTrue(java.util.regex.Pattern.compile("renkou_db_replica_reads_total\\{database=\"standby\"} [1-9]")
                    .matcher(metrics).find(), metrics);

            // the audit log's export is a report read too: on the standby, the primary's entries to the last one
            long standbyReads = replicaReads(admin, "standby");
            assertEquals(auditIds(db), exportedIds(admin), "the standby's export holds the primary's entries");
            assertEquals(standbyReads + 1, replicaReads(admin, "standby"), "the export ran on the standby");
            // and the warehouse's live quarterly report, over the module's tables there, right after a receipt
            admin.await("/api/warehouse/stores", r -> r.status() != 404 && r.status() != 503, 60);
            assertEquals(201, admin.postJson("/api/staff", "{\"username\":\"director\",\"name\":\"测试\","
                    + "\"roles\":[\"DIRECTOR\",\"WAREHOUSE_KEEPER\"],\"jurisdictionCodes\":[\"440606\"],"
                    + "\"password\":\"Start-2026a\"}").status());
            Http director = http.as("director");
            long product = ResidentIT.id(director.postJson("/api/warehouse/products", "{\"name\":\"避孕套\","
                    + "\"type\":\"外用药具\",\"specification\":\"中号 10只/盒\",\"unit\":\"盒\","
                    + "\"approvalNumber\":\"国械注准20150000001\",\"manufacturer\":\"某乳胶厂\"}"));
            long store = ResidentIT.id(director.postJson("/api/warehouse/stores", "{\"name\":\"顺德区药具库\","
                    + "\"jurisdictionCode\":\"440606\"}"));
            assertEquals(201, director.postJson("/api/warehouse/stores/" + store + "/receipts", "{\"productId\":"
                    + product + ",\"batchNumber\":\"R1\",\"producedOn\":\"2026-01-10\",\"expiresOn\":\"2029-01-09\","
                    + "\"quantity\":50,\"supplier\":\"市药具站\",\"invoiceNumber\":\"F1\"," + WarehouseIT.checks("true")
                    + "}").status());
            String report = "/api/warehouse/reports/stock?jurisdiction=440606&quarter=" + quarter();
            standbyReads = replicaReads(admin, "standby");
            Http.Response stock = director.get(report);
            assertTrue(stock.status() == 200 && stock.body().contains("\"received\":50"), stock.body());
            assertEquals(standbyReads + 1, replicaReads(admin, "standby"), "the report ran on the standby");
            // the school's quarterly coverage and the association's yearly statistics too, right after their writes
            String coverage = "/api/school/coverage?quarter=" + quarter();
            schoolQuarter(admin, http, director, officer);
            assertEquals(before + 3, residents(admin.post("/api/statistics/refresh")), "two women more");
            standbyReads = replicaReads(admin, "standby");
            Http.Response covered = director.get(coverage);
            assertTrue(covered.status() == 200 && covered.body().contains("\"sessions\":1,\"meetsRule\":false,"
                    + "\"personTimes\":2,\"peopleReached\":2,") && covered.body().contains("\"scores\":2,"
                    + "\"passPercent\":50.0}"), covered.body());
            assertEquals(standbyReads + 1, replicaReads(admin, "standby"), "the coverage ran on the standby");
            String statistics = "/api/association/statistics?jurisdictionCode=440606&year=" + quarter().substring(0, 4);
            associationYear(admin, director);
            standbyReads = replicaReads(admin, "standby");
            Http.Response yearly = director.get(statistics);
            assertTrue(yearly.status() == 200 && yearly.body().contains("\"total\":{\"level\":\"TOTAL\",\"levelName\":"
                    + "\"合计\",\"associations\":1,\"members\":1,\"groups\":0,\"contactHouseholds\":0,"
                    + "\"activities\":1,\"personTimes\":30,\"specialFamilies\":0}"), yearly.body());
            assertEquals(standbyReads + 1, replicaReads(admin, "standby"), "the statistics ran on the standby");

            // passed over before: the start's snapshot may have met the standby replaying the partitions' attach
            long fallbacks = replicaFallbacks(admin);
            standby.close(); // the standby fails: the report still answers, from the primary
            assertEquals(201, officer.postJson("/api/residents", "{\"idNumber\":\""
                    + ResidentIT.idNumber("44060619900101013") + "\",\"name\":\"主库\",\"residenceCode\":\"440606901001\"}")
                    .status());
            assertEquals(before + 4, residents(admin.post("/api/statistics/refresh")));
            health = admin.get("/api/health").body();
            assertTrue(health.contains("not in use"), health);
            assertEquals(fallbacks + 1, replicaFallbacks(admin));
            assertTrue(RenkouProcess.console(home).contains("not used for the statistics snapshot"),
                    "one warning in the log");
            long primaryReads = replicaReads(admin, "primary");
            assertEquals(auditIds(db), exportedIds(admin), "the export falls back to the primary");
            assertEquals(primaryReads + 1, replicaReads(admin, "primary"));
            assertEquals(fallbacks + 2, replicaFallbacks(admin));
            assertEquals(stock.body(), director.get(report).body(), "the report from the primary: the same rows");
            assertEquals(primaryReads + 2, replicaReads(admin, "primary"));
            assertEquals(covered.body(), director.get(coverage).body(), "the coverage from the primary: the same");
            assertEquals(yearly.body(), director.get(statistics).body(), "the statistics from the primary: the same");
            assertEquals(primaryReads + 4, replicaReads(admin, "primary"));
        } finally {
            RenkouProcess.stop(p);
            standby.close();
        }
    }

    /**
     * A population school's quarter written over HTTP on the primary: a school of community 440606901001 with the
     * director, a teacher, a class of two women registered by {@code officer}, one session held today (one present,
     * one late) and an exam today (one passes, one fails).
     */
    private static void schoolQuarter(Http admin, Http http, Http director, Http officer) throws Exception {
        admin.await("/api/school/schools", r -> r.status() == 200, 60);
        assertEquals(201, admin.postJson("/api/staff", "{\"username\":\"teacher\",\"name\":\"测试\","
                + "\"roles\":[\"TEACHER\"],\"jurisdictionCodes\":[\"440606901001\"],"
                + "\"password\":\"Start-2026a\"}").status());
        Http teacher = http.as("teacher");
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        long school = ResidentIT.id(director.postJson("/api/school/schools", "{\"name\":\"备库社区人口学校\","
                + "\"jurisdictionCode\":\"440606901001\"}"));
        String at = "/api/school/schools/" + school;
        long teacherId = ResidentIT.id(director.postJson(at + "/teachers", "{\"username\":\"teacher\"}"));
        long course = ResidentIT.id(teacher.postJson(at + "/courses", "{\"title\":\"育龄妇女生殖健康\","
                + "\"stages\":[\"CONTRACEPTION\"],\"topic\":\"REPRODUCTIVE_HEALTH\",\"hours\":4,\"passMark\":60,"
                + "\"maxAbsences\":1,\"maxAttempts\":2}"));
        long klass = ResidentIT.id(teacher.postJson(at + "/classes", "{\"name\":\"备库一期\",\"courseId\":" + course
                + ",\"teacherId\":" + teacherId + ",\"startsOn\":\"" + today + "\"}"));
        long lesson = ResidentIT.id(teacher.postJson(at + "/sessions", "{\"heldOn\":\"" + today + "\",\"topic\":"
                + "\"避孕方法知情选择\",\"teacherId\":" + teacherId + ",\"targetGroup\":\"育龄妇女\",\"classId\":"
                + klass + "}"));
        long[] lines = new long[2];
        for (int i = 0; i < 2; i++) {
            long resident = ResidentIT.id(officer.postJson("/api/residents", "{\"idNumber\":\""
                    + ResidentIT.idNumber("4406061990010102" + (2 + 2 * i)) + "\",\"name\":\"学员" + i
                    + "\",\"residenceCode\":\"440606901001\"}"));
            lines[i] = ResidentIT.id(officer.postJson("/api/school/classes/" + klass + "/enrolments",
                    "{\"residentId\":" + resident + "}"));
        }
        assertEquals(200, teacher.putJson("/api/school/sessions/" + lesson + "/attendance", "[{\"enrolmentId\":"
                + lines[0] + ",\"mark\":\"PRESENT\"},{\"enrolmentId\":" + lines[1] + ",\"mark\":\"LATE\"}]").status());
        long exam = ResidentIT.id(teacher.postJson("/api/school/classes/" + klass + "/exams", "{\"heldOn\":\"" + today
                + "\"}"));
        Http.Response scores = teacher.putJson("/api/school/exams/" + exam + "/scores", "[{\"enrolmentId\":"
                + lines[0] + ",\"score\":85},{\"enrolmentId\":" + lines[1] + ",\"score\":40}]");
        assertEquals(200, scores.status(), scores.body());
    }

    /** An association's year written over HTTP on the primary: one in 440606901001, one member, one activity today. */
    private static void associationYear(Http admin, Http director) throws Exception {
        admin.await("/api/association/associations", r -> r.status() == 200, 60);
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        String at = "/api/association/associations/" + ResidentIT.id(director.postJson("/api/association/associations",
                "{\"name\":\"备库社区计生协会\",\"jurisdictionCode\":\"440606901001\"}"));
        Http.Response m = director.postJson(at + "/members", "{\"name\":\"会员甲\"}");
        assertEquals(201, m.status(), m.body());
        Http.Response d = director.postJson(at + "/members/" + ResidentIT.id(m) + "/decision", "{\"approve\":true,"
                + "\"version\":" + m.body().replaceAll(".*\"version\":(\\d+).*", "$1") + "}");
        assertTrue(d.body().contains("\"status\":\"ACTIVE\""), d.body());
        assertEquals(201, director.postJson(at + "/activities", "{\"kind\":\"PROMOTION\",\"title\":\"宣传\","
                + "\"heldOn\":\"" + today + "\",\"personTimes\":30}").status());
    }

    /** This quarter in China, as the warehouse's reports name it ({@code 2026Q4}). */
    private static String quarter() {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        return today.getYear() + "Q" + ((today.getMonthValue() - 1) / 3 + 1);
    }

    /** The ids of {@code GET /api/audit/export}, in its order (newest first). */
    private static java.util.List<Long> exportedIds(Http admin) throws Exception {
        Http.Response csv = admin.get("/api/audit/export");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        java.util.List<Long> ids = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^([0-9]+),").matcher(csv.body());
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    /** Every audit entry's id on the primary, newest first. */
    private static java.util.List<Long> auditIds(String db) throws SQLException {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        try (Connection c = pg.connect(db); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT id FROM audit_entry ORDER BY id DESC")) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        assertFalse(ids.isEmpty());
        return ids;
    }

    /** {@code renkou_db_replica_reads_total} for {@code database} ("standby" or "primary"). */
    private static long replicaReads(Http admin, String database) throws Exception {
        return metric(admin, "renkou_db_replica_reads_total{database=\"" + database + "\"}");
    }

    /** {@code renkou_db_replica_fallbacks_total}: times the standby was passed over. */
    private static long replicaFallbacks(Http admin) throws Exception {
        return metric(admin, "renkou_db_replica_fallbacks_total");
    }

    /** The value of the sample {@code sample} of {@code /api/metrics}, which must be there. */
    private static long metric(Http admin, String sample) throws Exception {
        String metrics = admin.get("/api/metrics").body();
        assertTrue(metrics.contains("\n" + sample + " "), metrics);
        return MetricsIT.value(metrics, sample);
    }

    /** The residents a refreshed snapshot counted ({@code POST /api/statistics/refresh}). */
    private static long residents(Http.Response refreshed) {
        assertEquals(200, refreshed.status(), refreshed.body());
        return Long.parseLong(refreshed.body().replaceAll(".*\"residents\":(\\d+).*", "$1"));
    }

    /** Scans of RESIDENT's partitions run on this server (its own statistics: a standby counts its own reads). */
    private static long residentScans(PostgresServer server, String db) throws SQLException {
        try (Connection c = server.connect(db); Statement st = c.createStatement()) {
            return count(st, "SELECT COALESCE(SUM(seq_scan + COALESCE(idx_scan, 0)), 0) FROM pg_stat_user_tables "
                    + "WHERE relname ~ '^resident_(p[0-9]{4}|other)$'");
        }
    }

    /**
     * Polls once a second. A PostgreSQL 15 backend reports its statistics when idle at most once a second, after
     * 10 s when it reported less than a second before, and retries a report that met a lock 10 s later; only after
     * 60 s is the report forced. So a count read on the standby may lag by more than 20 s on a busy machine (a CI
     * run once failed at 20 s).
     */
    private static void awaitTrue(java.util.concurrent.Callable<Boolean> condition, String what) throws Exception {
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(75);
        while (!condition.call()) {
            assertTrue(System.nanoTime() < end, what);
            Thread.sleep(1000);
        }
    }

    /** The distribution on database {@code db} of the cluster, with one more setting. */
    private static Process launchOn(String db, Path home, int port, String key, String value) throws IOException {
        return RenkouProcess.launch(home, Integer.toString(port), Map.of("RENKOU_DB", pg.url(db),
                "RENKOU_DB_USER", PostgresServer.USER, "RENKOU_DB_PASSWORD_FILE", pg.passwordFile().toString(),
                key, value));
    }

    /** Logs in with a first password, changes it as required, and answers the session with the new one. */
    static Http loginChanged(Http http, String user, String first, String changed) throws Exception {
        Http s = http.login(user, first);
        assertEquals(204, s.postJson("/api/auth/password", "{\"oldPassword\":\"" + first + "\",\"newPassword\":\""
                + changed + "\"}").status());
        return http.login(user, changed);
    }

    private static boolean sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }

    private static long count(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
