package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.spi.PaxExamRuntime;

/**
 * Statistics over real HTTP on the real platform with real Derby (Pax Exam, server mode): the figures of two
 * communities and their street match the residents created, each community sees only its own (and the refusal is
 * audited), an import is counted after the refresh it triggers, and the Excel download is a workbook whose sheet
 * holds the same numbers.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatisticsIT {
    static final String STREET = "440606901";
    static final String COMMUNITY_A = "440606901001";
    static final String COMMUNITY_B = "440606901002";
    private static TestContainer container;
    private static Http admin;
    private static int port;

    /** A resident as created here: the expectations are computed from these, not written down. */
    record Person(String first17, String residence, String registration, String status) {
        boolean male() {
            return (first17.charAt(16) - '0') % 2 == 1;
        }

        boolean within(String code) {
            return residence.startsWith(code) || registration.startsWith(code);
        }
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("44060619850315001", COMMUNITY_A, COMMUNITY_A, "REGISTERED"),
            new Person("44060619900101002", COMMUNITY_A, COMMUNITY_A, "REGISTERED"),
            new Person("44060620240601004", COMMUNITY_A + "001", COMMUNITY_A, "REGISTERED"),
            new Person("44060619700101003", COMMUNITY_B, COMMUNITY_B, "RESIDENT"),
            new Person("44060619950101006", COMMUNITY_B, COMMUNITY_A, "MIGRANT"),
            new Person("53010219800101005", COMMUNITY_B, "530102", "MIGRANT"));

    @BeforeAll
    static void start() throws Exception {
        Path home = RenkouOptions.newHome("statistics");
        port = RenkouOptions.freePort();
        container = PaxExamRuntime.createContainer(
                PaxExamRuntime.createServerSystem(RenkouOptions.renkouRuntime(home, port)));
        container.start();
        admin = new Http(port);
        admin.await("/api/jurisdictions/" + COMMUNITY_B, r -> r.status() == 200, 60);
        staff("stats-a", "FAMILY_SERVICES", COMMUNITY_A);
        staff("stats-b", "FAMILY_SERVICES", COMMUNITY_B);
        staff("stats-street", "STATISTICIAN\",\"AUDITOR", STREET);
        for (Person p : PEOPLE) {
            Http.Response r = admin.postJson("/api/residents", "{\"idNumber\":\"" + ResidentIT.idNumber(p.first17())
                    + "\",\"name\":\"统计" + p.first17().substring(14) + "\",\"residenceCode\":\"" + p.residence()
                    + "\",\"registrationCode\":\"" + p.registration() + "\",\"status\":\"" + p.status() + "\"}");
            assertEquals(201, r.status(), r.body());
        }
        Http.Response refreshed = admin.post("/api/statistics/refresh");
        assertEquals(200, refreshed.status(), refreshed.body());
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            Containers.stop(container, "StatisticsIT", false);
        }
    }

    private static void staff(String user, String roles, String code) throws Exception {
        Http.Response r = admin.postJson("/api/staff", "{\"username\":\"" + user + "\",\"name\":\"测试" + user
                + "\",\"roles\":[\"" + roles + "\"],\"jurisdictionCodes\":[\"" + code + "\"]}");
        assertEquals(201, r.status(), r.body());
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?\\d+)").matcher(json);
        assertTrue(m.find(), field + " in " + json);
        return Long.parseLong(m.group(1));
    }

    /** The object of array {@code list} whose {@code field} is {@code value}, as text (flat objects only). */
    private static String item(String json, String field, String value) {
        Matcher m = Pattern.compile("\\{[^{}]*\"" + field + "\":\"" + value + "\"[^{}]*\\}").matcher(json);
        assertTrue(m.find(), field + "=" + value + " in " + json);
        return m.group();
    }

    private static long count(String code, java.util.function.Predicate<Person> p) {
        return PEOPLE.stream().filter(x -> x.within(code)).filter(p).count();
    }

    @Test
    @Order(1)
    void figuresMatchWhatWasCreatedWithinEachReach() throws Exception {
        String a = admin.as("stats-a").get("/api/statistics/population").body();
        assertEquals(count(COMMUNITY_A, x -> true), number(a, "total"), a);
        assertEquals(count(COMMUNITY_A, x -> x.residence().startsWith(COMMUNITY_A)), number(a, "livingHere"), a);
        assertEquals(count(COMMUNITY_A, Person::male), number(item(a, "key", "MALE"), "total"), a);
        assertEquals(count(COMMUNITY_A, x -> !x.male()), number(item(a, "key", "FEMALE"), "total"), a);
        assertEquals(count(COMMUNITY_A, x -> x.status().equals("MIGRANT")), number(item(a, "key", "MIGRANT"), "total"));
        assertTrue(a.contains("\"asOf\":\"20"), a);

        String b = admin.as("stats-b").get("/api/statistics/population").body();
        assertEquals(count(COMMUNITY_B, x -> true), number(b, "total"), b);
        assertEquals(count(COMMUNITY_B, x -> x.status().equals("MIGRANT")), number(item(b, "key", "MIGRANT"), "total"));

        // the street: both communities as drill-down lines; dual jurisdiction counts a person in both lines
        String s = admin.as("stats-street").get("/api/statistics/population").body();
        assertEquals(count(STREET, x -> true), number(s, "total"), s);
        assertEquals(count(COMMUNITY_A, x -> true), number(item(s, "code", COMMUNITY_A), "total"), s);
        assertEquals(count(COMMUNITY_B, x -> true), number(item(s, "code", COMMUNITY_B), "total"), s);
        String drilled = admin.as("stats-street").get("/api/statistics/population?jurisdiction=" + COMMUNITY_A).body();
        assertEquals(count(COMMUNITY_A, x -> true), number(drilled, "total"), drilled);
        // the way back up: offered within the caller's reach, never above it (the county would be refused)
        assertTrue(drilled.contains("\"parentCode\":\"" + STREET + "\""), drilled);
        assertTrue(s.contains("\"parentCode\":null") || !s.contains("\"parentCode\""), s);
        assertTrue(a.contains("\"parentCode\":null") || !a.contains("\"parentCode\""), a);

        // the dashboard says the same, from one request
        String dash = admin.as("stats-a").get("/api/statistics/dashboard").body();
        String counts = dash.replaceFirst("\"snapshot\":\\{[^}]*\\}", ""); // its "residents" is the whole database
        assertEquals(count(COMMUNITY_A, x -> true), number(counts, "residents"), dash);
        assertEquals(0, number(dash, "pendingForMe"), dash);
    }

    @Test
    @Order(1)
    void anotherCommunityIsRefusedAndTheRefusalAudited() throws Exception {
        Http.Response r = admin.as("stats-b").get("/api/statistics/population?jurisdiction=" + COMMUNITY_A);
        assertEquals(404, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertTrue(r.body().contains("\"field\":\"jurisdiction\""), r.body());
        assertEquals(404, admin.as("stats-a").get("/api/statistics/activity?jurisdiction=" + STREET).status());
        Http.Response xlsx = admin.as("stats-b").get("/api/statistics/report?format=xlsx&jurisdiction=" + COMMUNITY_A);
        assertEquals(404, xlsx.status(), xlsx.body());
        String audit = admin.as("stats-street").get("/api/audit?action=DENIED&entityType=statistics").body();
        assertTrue(audit.contains("\"actor\":\"stats-b\""), audit);

        // bad input: 400 naming the field, never a 500
        for (String[] bad : new String[][] {{"population?jurisdiction=12x", "jurisdiction"},
            {"activity?from=2026-13", "from"}, {"activity?from=2026-05&to=2026-01", "from"},
            {"population?format=docx", "format"}, {"report?format=json", "format"}}) {
            Http.Response p = admin.as("stats-a").get("/api/statistics/" + bad[0]);
            assertEquals(400, p.status(), bad[0] + " " + p.body());
            assertTrue(p.body().contains("\"field\":\"" + bad[1] + "\""), p.body());
        }
        Http.Response forbidden = admin.as("stats-a").post("/api/statistics/refresh");
        assertEquals(403, forbidden.status(), forbidden.body());
    }

    @Test
    @Order(2) // last: it adds residents to community A
    void anImportIsCountedAfterTheRefreshItTriggers() throws Exception {
        Http officer = admin.as("stats-a");
        long before = number(officer.get("/api/statistics/population").body(), "total");
        long snapshot = number(admin.get("/api/statistics/snapshot").body(), "id");
        StringBuilder csv = new StringBuilder("idNumber,name,residenceCode,registrationCode,status,maritalStatus,phone,address\n");
        int rows = 25;
        for (int i = 0; i < rows; i++) {
            csv.append(ResidentIT.idNumber(String.format("440606200001%02d%03d", i % 28 + 1, 100 + i)))
                    .append(",导入").append(i).append(',').append(COMMUNITY_A).append(",,REGISTERED,,,\n");
        }
        Http.Response started = officer.send("POST", "/api/imports", "text/csv", csv.toString());
        assertEquals(202, started.status(), started.body());
        Matcher job = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(started.body());
        assertTrue(job.find());
        officer.await("/api/imports/" + job.group(1), r -> r.body().contains("\"state\":\"DONE\""), 120);
        // no manual refresh: the finished import asks for one
        String expected = "\"total\":" + (before + rows) + ",";
        officer.await("/api/statistics/population", r -> r.body().contains(expected), 60);
        String after = admin.get("/api/statistics/snapshot").body();
        assertNotEquals(snapshot, number(after, "id"), after);
    }

    @Test
    @Order(1)
    void theExcelDownloadHoldsTheNumbers() throws Exception {
        String json = admin.as("stats-street").get("/api/statistics/population").body();
        HttpURLConnection c = (HttpURLConnection) new URL("http://127.0.0.1:" + port
                + "/api/statistics/report?format=xlsx").openConnection();
        c.setRequestProperty("X-Renkou-User", "stats-street");
        assertEquals(200, c.getResponseCode());
        assertTrue(c.getContentType().startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                c.getContentType());
        assertTrue(c.getHeaderField("Content-Disposition").contains(".xlsx"), c.getHeaderField("Content-Disposition"));
        byte[] bytes = c.getInputStream().readAllBytes();
        Map<String, String> parts = unzip(bytes);
        assertTrue(parts.containsKey("xl/workbook.xml"), parts.keySet().toString());
        String sheet = parts.get("xl/worksheets/sheet1.xml");
        assertTrue(sheet != null, parts.keySet().toString());
        // the first sheet is the drill-down: its title, both communities and their totals as numbers
        assertTrue(sheet.contains("分辖区人口"), sheet);
        assertTrue(sheet.contains(COMMUNITY_A) && sheet.contains(COMMUNITY_B), sheet);
        for (String code : List.of(COMMUNITY_A, COMMUNITY_B)) {
            assertTrue(sheet.contains("<v>" + number(item(json, "code", code), "total") + "</v>"), sheet);
        }
        assertTrue(sheet.contains("<v>" + number(json, "total") + "</v>"), sheet);
        assertTrue(sheet.contains("统计截至"), sheet);

        // in English on request
        c = (HttpURLConnection) new URL("http://127.0.0.1:" + port + "/api/statistics/population?format=xlsx")
                .openConnection();
        c.setRequestProperty("X-Renkou-User", "stats-street");
        c.setRequestProperty("Accept-Language", "en");
        assertEquals(200, c.getResponseCode());
        assertTrue(unzip(c.getInputStream().readAllBytes()).get("xl/worksheets/sheet1.xml")
                .contains("Population by jurisdiction"));
    }

    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> parts = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
                parts.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertTrue(!names.isEmpty(), "not a zip");
        return parts;
    }
}
