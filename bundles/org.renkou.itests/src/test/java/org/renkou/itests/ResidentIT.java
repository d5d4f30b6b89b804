package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.spi.PaxExamRuntime;

/**
 * Residents, households, staff and audit over real HTTP on the real platform (Pax Exam, server mode): jurisdiction
 * scoping for staff of two communities and their street, the optimistic-lock conflict, the audited sensitive read,
 * bad input as problem+json.
 */
class ResidentIT {
    static final String COMMUNITY_A = "440606901001";
    static final String COMMUNITY_B = "440606901002";
    private static TestContainer container;
    private static Http admin;

    @BeforeAll
    static void start() throws Exception {
        Path home = RenkouOptions.newHome("residents");
        int port = RenkouOptions.freePort();
        container = PaxExamRuntime.createContainer(
                PaxExamRuntime.createServerSystem(RenkouOptions.renkouRuntime(home, port)));
        container.start();
        admin = new Http(port);
        admin.await("/api/jurisdictions/" + COMMUNITY_B, r -> r.status() == 200, 60);
        staff("officer-a", "FAMILY_SERVICES", COMMUNITY_A);
        staff("officer-b", "FAMILY_SERVICES", COMMUNITY_B);
        staff("street-director", "DIRECTOR\",\"AUDITOR", "440606901");
        staff("statistician-a", "STATISTICIAN", COMMUNITY_A);
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            Containers.stop(container, "ResidentIT", false);
        }
    }

    private static void staff(String user, String roles, String code) throws Exception {
        Http.Response r = admin.postJson("/api/staff", "{\"username\":\"" + user + "\",\"name\":\"测试" + user
                + "\",\"roles\":[\"" + roles + "\"],\"jurisdictionCodes\":[\"" + code + "\"]}");
        assertEquals(201, r.status(), r.body());
    }

    /** A valid ID number (GB 11643 check character computed here independently of the product code). */
    static String idNumber(String first17) {
        int[] w = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * w[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    static long id(Http.Response r) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    @Test
    void scopingKeepsEachCommunityToItsOwnPeople() throws Exception {
        Http a = admin.as("officer-a");
        Http b = admin.as("officer-b");
        String number = idNumber("44060619850315002");
        Http.Response created = a.postJson("/api/residents", "{\"idNumber\":\"" + number
                + "\",\"name\":\"陈红\",\"residenceCode\":\"" + COMMUNITY_A + "\",\"phone\":\"13812345678\"}");
        assertEquals(201, created.status(), created.body());
        long id = id(created);
        assertTrue(created.body().contains("\"sex\":\"FEMALE\""), created.body());

        assertEquals(200, a.get("/api/residents/" + id).status());
        assertProblem(b.get("/api/residents/" + id), 404);
        assertProblem(b.get("/api/residents/by-id-number/" + number), 404);
        assertFalse(b.get("/api/residents?name=陈").body().contains(number.substring(14)));
        // B may not register people in A's community either
        Http.Response foreign = b.postJson("/api/residents", "{\"idNumber\":\"" + idNumber("44060619850315010")
                + "\",\"name\":\"外人\",\"residenceCode\":\"" + COMMUNITY_A + "\"}");
        assertProblem(foreign, 400);
        assertTrue(foreign.body().contains("\"field\":\"residenceCode\""), foreign.body());

        // the street sees both communities; lists mask ID numbers
        Http.Response list = admin.as("street-director").get("/api/residents?jurisdiction=440606901");
        assertTrue(list.body().contains("440606********" + number.substring(14)), list.body());
        assertFalse(list.body().contains(number), list.body());

        // the refusal was audited
        Http.Response denied = admin.as("street-director").get("/api/audit?action=DENIED&entityId=" + id);
        assertTrue(denied.body().contains("\"actor\":\"officer-b\""), denied.body());
    }

    @Test
    void secondEditorGetsAConflictAndNothingIsOverwritten() throws Exception {
        Http a = admin.as("officer-a");
        Http.Response created = a.postJson("/api/residents", "{\"idNumber\":\"" + idNumber("44060619900101011")
                + "\",\"name\":\"刘强\",\"residenceCode\":\"" + COMMUNITY_A + "\"}");
        long id = id(created);
        String v1 = "{\"idNumber\":\"" + idNumber("44060619900101011") + "\",\"name\":\"刘强\",\"residenceCode\":\""
                + COMMUNITY_A + "\",\"version\":1,\"phone\":";
        assertEquals(200, a.putJson("/api/residents/" + id, v1 + "\"111111\"}").status());
        Http.Response second = a.putJson("/api/residents/" + id, v1 + "\"222222\"}");
        assertProblem(second, 409);
        assertTrue(second.body().contains("\"field\":\"version\""), second.body());
        assertTrue(a.get("/api/residents/" + id).body().contains("\"phone\":\"111111\""));

        Http.Response history = admin.as("street-director").get("/api/residents/" + id + "/history");
        assertTrue(history.body().contains("\"action\":\"UPDATE\"") && history.body().contains("111111"),
                history.body());
        assertFalse(history.body().contains("222222"), history.body());
    }

    @Test
    void sensitiveFieldsNeedAnExplicitAuditedRead() throws Exception {
        Http a = admin.as("officer-a");
        long id = id(a.postJson("/api/residents", "{\"idNumber\":\"" + idNumber("44060619880808022")
                + "\",\"name\":\"周敏\",\"residenceCode\":\"" + COMMUNITY_A + "\",\"healthNote\":\"青霉素过敏\"}"));
        assertFalse(a.get("/api/residents/" + id).body().contains("青霉素"));
        assertProblem(admin.as("statistician-a").postJson("/api/residents/" + id + "/sensitive",
                "{\"reason\":\"统计\"}"), 403);
        assertProblem(a.postJson("/api/residents/" + id + "/sensitive", "{}"), 400);
        Http.Response read = a.postJson("/api/residents/" + id + "/sensitive", "{\"reason\":\"随访服务\"}");
        assertTrue(read.body().contains("青霉素过敏"), read.body());
        Http.Response log = admin.as("street-director").get("/api/audit?action=READ_SENSITIVE&entityId=" + id);
        assertTrue(log.body().contains("随访服务") && log.body().contains("officer-a"), log.body());
        Http.Response csv = admin.as("street-director").get("/api/audit/export?action=READ_SENSITIVE");
        assertTrue(csv.contentType().startsWith("text/csv") && csv.body().contains("随访服务"), csv.body());
    }

    @Test
    void householdsKeepEachPersonInOneHousehold() throws Exception {
        Http a = admin.as("officer-a");
        long head = id(a.postJson("/api/residents", "{\"idNumber\":\"" + idNumber("44060619700101031")
                + "\",\"name\":\"黄伟\",\"residenceCode\":\"" + COMMUNITY_A + "\"}"));
        long child = id(a.postJson("/api/residents", "{\"idNumber\":\"" + idNumber("44060620150101042")
                + "\",\"name\":\"黄小\",\"residenceCode\":\"" + COMMUNITY_A + "\"}"));
        Http.Response h = a.postJson("/api/households", "{\"number\":\"HH-A-1\",\"residenceCode\":\"" + COMMUNITY_A
                + "\",\"members\":[{\"residentId\":" + head + ",\"relation\":\"HEAD\"},{\"residentId\":" + child
                + ",\"relation\":\"CHILD\"}]}");
        assertEquals(201, h.status(), h.body());
        Http.Response twice = a.postJson("/api/households", "{\"number\":\"HH-A-2\",\"residenceCode\":\""
                + COMMUNITY_A + "\",\"members\":[{\"residentId\":" + child + ",\"relation\":\"HEAD\"}]}");
        assertProblem(twice, 400);
        assertTrue(twice.body().contains("members[0].residentId"), twice.body());
        assertFalse(a.get("/api/households?number=HH-A-2").body().contains("HH-A-2"), "nothing half-written");
        assertProblem(admin.as("officer-b").get("/api/households/" + id(h)), 404);
    }

    @Test
    void badInputIsAnsweredInWords() throws Exception {
        Http a = admin.as("officer-a");
        String wrongCheck = idNumber("44060619900101051").substring(0, 17) + "0";
        if (wrongCheck.equals(idNumber("44060619900101051"))) {
            wrongCheck = wrongCheck.substring(0, 17) + "1";
        }
        assertField(a.postJson("/api/residents", "{\"idNumber\":\"" + wrongCheck + "\",\"name\":\"某\",\"residenceCode\":\""
                + COMMUNITY_A + "\"}"), 400, "idNumber", "校验位");
        assertField(a.postJson("/api/residents", "{\"idNumber\":\"" + idNumber("44060619900230051")
                + "\",\"name\":\"某\",\"residenceCode\":\"" + COMMUNITY_A + "\"}"), 400, "idNumber", "不存在");
        assertField(a.postJson("/api/residents", "{\"idNumber\":\"" + idNumber("44060620990101051")
                + "\",\"name\":\"某\",\"residenceCode\":\"" + COMMUNITY_A + "\"}"), 400, "idNumber", "不可能");
        assertField(a.postJson("/api/residents", "{\"idNumber\":\"4406061990\",\"name\":\"某\",\"residenceCode\":\""
                + COMMUNITY_A + "\"}"), 400, "idNumber", "18");
        assertField(a.postJson("/api/residents", "{\"idNumber\":\"" + idNumber("44060619900101061") + "\",\"name\":\""
                + "长".repeat(51) + "\",\"residenceCode\":\"" + COMMUNITY_A + "\"}"), 400, "name", "50");
        assertField(a.get("/api/residents?limit=100000"), 400, "limit", "500");
        assertField(a.get("/api/residents?status=ALIEN"), 400, "status", "status");
        assertField(admin.as("nobody").get("/api/residents"), 401, null, "nobody");
    }

    private static void assertField(Http.Response r, int status, String field, String text) {
        assertProblem(r, status);
        if (field != null) {
            assertTrue(r.body().contains("\"field\":\"" + field + "\""), r.body());
        }
        assertTrue(r.body().contains(text), r.body());
    }

    private static void assertProblem(Http.Response r, int status) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
    }
}
