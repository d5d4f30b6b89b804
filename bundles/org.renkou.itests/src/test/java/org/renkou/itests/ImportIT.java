package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.CitizenId;

/**
 * Bulk import through the distribution as users run it: {@code POST /api/imports} with good and bad rows in UTF-8
 * and GBK, errors by line, a re-import that duplicates nobody, an oversized upload, and a {@code kill -9} in the
 * middle of a large import: after the restart the database holds whole batches only and the job says FAILED.
 */
class ImportIT {
    private static final String HEADER = "idNumber,name,residenceCode,registrationCode,status,maritalStatus,phone,"
            + "address,householdNumber,relation\n";
    private static final String COMMUNITY = "440606901001";

    @Test
    void importsGoodRowsReportsBadOnesAndNeverDuplicates() throws Exception {
        Path home = RenkouOptions.newHome("import");
        int port = RenkouOptions.freePort();
        Http http = new Http(port);
        Process p = RenkouProcess.launchTrusted(home, Integer.toString(port));
        try {
            http.await("/api/jurisdictions/" + COMMUNITY, r -> r.status() == 200, 60);
            String csv = HEADER
                    + id("44060619800101001") + ",张三," + COMMUNITY + ",,户籍人口,已婚,13800000000,示例路1号,HH-1,户主\n"
                    + id("44060619820202002") + ",李四," + COMMUNITY + ",,,MARRIED,,示例路1号,HH-1,配偶\n"
                    + "440606198001019999,王五," + COMMUNITY + ",,,,,,,\n"
                    + id("44060620100303003") + ",赵六,999999999999,,,,,,,\n"
                    + id("44060620100303011") + ",\"钱七, 小名\"," + COMMUNITY + ",,,,,,HH-1,子女\n";
            for (Charset cs : new Charset[] {StandardCharsets.UTF_8, Charset.forName("GBK")}) {
                String job = start(http, csv.getBytes(cs), "");
                String done = awaitDone(http, job);
                assertTrue(done.contains("\"charset\":\"" + cs.name() + "\""), done);
                assertTrue(done.contains("\"errorRows\":2"), done);
                assertTrue(done.contains("\"line\":4,\"field\":\"idNumber\""), done);
                assertTrue(done.contains("\"line\":5,\"field\":\"residenceCode\""), done);
                if (cs == StandardCharsets.UTF_8) {
                    assertTrue(done.contains("\"importedRows\":3"), done);
                } else { // the same people again, now in GBK: skipped, not duplicated
                    assertTrue(done.contains("\"importedRows\":0") && done.contains("\"skippedExisting\":3"), done);
                }
            }
            Http.Response one = http.get("/api/residents/by-id-number/" + id("44060620100303011"));
            assertTrue(one.body().contains("钱七, 小名"), one.body());
            assertTrue(http.get("/api/residents?limit=1").body().contains("\"total\":3"));
            assertTrue(http.get("/api/imports").body().startsWith("[{\"id\":\"imp-"));

            Http.Response header = http.send("POST", "/api/imports", "text/csv",
                    "id,name\n1,2\n".getBytes(StandardCharsets.UTF_8));
            assertEquals(400, header.status(), header.body());
            assertTrue(header.contentType().startsWith("application/problem+json") && header.body().contains("表头"));
            assertEquals(400, http.send("POST", "/api/imports?charset=nope", "text/csv",
                    HEADER.getBytes(StandardCharsets.UTF_8)).status());
            assertEquals(404, http.get("/api/imports/imp-nothing").status());
            assertEquals(413, oversizedUpload(port));
        } finally {
            RenkouProcess.stop(p);
        }
    }

    @Test
    void aKillDuringImportLeavesWholeBatchesAndAFailedJob() throws Exception {
        Path home = RenkouOptions.newHome("kill");
        int port = RenkouOptions.freePort();
        Http http = new Http(port);
        int rows = 200_000;
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < rows; i++) {
            csv.append(idFor(i)).append(",居民").append(i).append(',').append(COMMUNITY)
                    .append(",,REGISTERED,UNMARRIED,13800000000,示例路").append(i).append("号,,\n");
        }
        byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);

        Process p = RenkouProcess.launchTrusted(home, Integer.toString(port));
        String job;
        try {
            http.await("/api/jurisdictions/" + COMMUNITY, r -> r.status() == 200, 60);
            job = start(http, file, "");
            http.await("/api/imports/" + job, r -> number(r.body(), "processedRows") >= 3000, 120);
        } finally {
            p.destroyForcibly(); // kill -9: no shutdown hook, no clean Derby close
            p.waitFor();
        }

        Process again = RenkouProcess.launchTrusted(home, Integer.toString(port));
        long imported;
        try {
            String after = http.await("/api/imports/" + job, r -> r.status() == 200 && !r.body().contains("RUNNING"), 60)
                    .body();
            assertTrue(after.contains("\"state\":\"FAILED\"") && after.contains("中断"), after);
            imported = number(after, "importedRows");
            assertTrue(imported >= 3000 && imported < rows, after);
            assertEquals(0, imported % 1000, "whole batches only: " + after);
            assertEquals(imported, number(http.get("/api/residents?limit=1").body(), "total"));

            // importing the file again completes the job: the committed rows are skipped, the rest come in
            String resumed = awaitDone(http, start(http, file, "?charset=UTF-8"));
            assertEquals(rows - imported, number(resumed, "importedRows"), resumed);
            assertEquals(imported, number(resumed, "skippedExisting"), resumed);
        } finally {
            RenkouProcess.stop(again);
        }
        assertEveryRowComplete(home, rows);
    }

    /** Opens the stopped instance's database: every row whole, valid and from the file, none twice. */
    private static void assertEveryRowComplete(Path home, int rows) throws SQLException {
        String url = "jdbc:derby:" + home.resolve("data/renkou");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ID_NUMBER, NAME, SEX, BIRTH_DATE, RESIDENCE_CODE, "
                        + "REGISTRATION_CODE, STATUS, MARITAL_STATUS, PHONE, ADDRESS, IMPORT_JOB FROM RESIDENT")) {
            Set<String> seen = new HashSet<>();
            while (rs.next()) {
                String number = rs.getString(1);
                CitizenId id = CitizenId.parse(number, "idNumber", LocalDate.now());
                int i = Integer.parseInt(rs.getString(2).substring(2));
                assertEquals(idFor(i), number);
                assertEquals(id.sex().name(), rs.getString(3));
                assertEquals(id.birthDate(), rs.getDate(4).toLocalDate());
                assertEquals(COMMUNITY, rs.getString(5));
                assertEquals(COMMUNITY, rs.getString(6));
                assertEquals("REGISTERED", rs.getString(7));
                assertEquals("UNMARRIED", rs.getString(8));
                assertEquals("13800000000", rs.getString(9));
                assertEquals("示例路" + i + "号", rs.getString(10));
                assertTrue(rs.getString(11).startsWith("imp-"));
                assertTrue(seen.add(number), "twice: " + number);
            }
            assertEquals(rows, seen.size());
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true");
            } catch (SQLException expected) {
                // Derby reports a clean close as an exception
            }
        }
    }

    private static String start(Http http, byte[] csv, String query) throws IOException {
        Http.Response r = http.send("POST", "/api/imports" + query, "text/csv", csv);
        assertEquals(202, r.status(), r.body());
        Matcher m = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(r.body());
        assertTrue(m.find(), r.body());
        return m.group(1);
    }

    private static String awaitDone(Http http, String job) throws InterruptedException {
        return http.await("/api/imports/" + job, r -> r.body().contains("\"state\":\"DONE\""), 180).body();
    }

    /** Headers only, announcing 300 MB: refused before any byte of the body is read. */
    private static int oversizedUpload(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/imports HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/csv\r\n"
                    + "Content-Length: 314572800\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** A valid, unique ID number for row {@code i}: 400 birth dates, 500 sequence numbers each. */
    static String idFor(int i) {
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(i / 500);
        String first17 = "440606" + birth.toString().replace("-", "") + String.format("%03d", i % 500);
        return id(first17);
    }

    static String id(String first17) {
        return first17 + CitizenId.checkChar(first17);
    }
}
