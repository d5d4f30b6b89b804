package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.spi.PaxExamRuntime;

/**
 * The population school module on the real platform over HTTP: a teacher plans the year, a class is enrolled from
 * a target-group query (women 15–49 of the community, 200 of them registered here), attendance of the whole class in
 * one request, an exam where 20 fail, the make-up, graduation; bad input answered with problem+json naming the field;
 * the module switched off (API, menu and pages gone, the rest of the platform undisturbed) and on with its data.
 */
class SchoolIT {
    private static final String COMMUNITY = "440606901001";
    private static TestContainer container;
    private static Http admin;

    @BeforeAll
    static void start() throws Exception {
        Path home = RenkouOptions.newHome("school");
        int port = RenkouOptions.freePort();
        container = PaxExamRuntime.createContainer(
                PaxExamRuntime.createServerSystem(RenkouOptions.renkouRuntime(home, port)));
        container.start();
        admin = new Http(port);
        admin.await("/api/school/schools", r -> r.status() == 200, 60);
        staff("sc-director", "DIRECTOR", "440606901");
        staff("sc-teacher", "TEACHER", COMMUNITY);
        staff("sc-officer", "FAMILY_SERVICES", COMMUNITY);
        staff("sc-officer2", "FAMILY_SERVICES", "440606901002");
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            container.stop();
        }
    }

    private static void staff(String user, String roles, String code) throws Exception {
        Http.Response r = admin.postJson("/api/staff", "{\"username\":\"" + user + "\",\"name\":\"测试" + user
                + "\",\"roles\":[\"" + roles + "\"],\"jurisdictionCodes\":[\"" + code + "\"]}");
        assertEquals(201, r.status(), r.body());
    }

    static long id(Http.Response r) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    static List<Long> ids(String body) {
        List<Long> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\{\"id\":(\\d+)").matcher(body);
        while (m.find()) {
            out.add(Long.parseLong(m.group(1)));
        }
        return out;
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        if (field != null) {
            assertTrue(r.body().contains("\"field\":\"" + field + "\""), r.body());
        }
    }

    @Test
    void aTeacherRunsAYearAndTheModuleSwitchesOffAndOnWithItsData() throws Exception {
        Http director = admin.as("sc-director");
        Http teacher = admin.as("sc-teacher");
        Http officer = admin.as("sc-officer");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));

        long school = id(director.postJson("/api/school/schools", "{\"name\":\"一社区人口学校\",\"jurisdictionCode\":\""
                + COMMUNITY + "\",\"classroom\":\"社区活动中心二楼\"}"));
        assertProblem(director.postJson("/api/school/schools", "{\"name\":\"x\",\"jurisdictionCode\":\"440606\"}"), 400,
                "jurisdictionCode");
        long teacherId = id(director.postJson("/api/school/schools/" + school + "/teachers", "{\"username\":\"sc-teacher\"}"));
        id(director.postJson("/api/school/schools/" + school + "/teachers", "{\"name\":\"王医生\",\"organisation\":\"区妇幼保健院\"}"));
        long course = id(teacher.postJson("/api/school/schools/" + school + "/courses", "{\"title\":\"育龄妇女生殖健康\","
                + "\"stages\":[\"CONTRACEPTION\",\"CHILD_REARING\"],\"topic\":\"REPRODUCTIVE_HEALTH\",\"hours\":4,"
                + "\"passMark\":60,\"maxAbsences\":1,\"maxAttempts\":2}"));
        assertProblem(teacher.postJson("/api/school/schools/" + school + "/courses", "{\"title\":\"x\",\"stages\":[\"X\"],"
                + "\"topic\":\"POLICY_LAW\",\"hours\":1,\"passMark\":60}"), 400, "stages");
        assertEquals(200, teacher.postJson("/api/school/schools/" + school + "/equipment", "{\"item\":\"投影仪\","
                + "\"category\":\"EQUIPMENT\",\"quantity\":1,\"state\":\"GOOD\",\"keeper\":\"张老师\"}").status());
        long klass = id(teacher.postJson("/api/school/schools/" + school + "/classes", "{\"name\":\"" + today.getYear()
                + " 年第一期\",\"courseId\":" + course + ",\"teacherId\":" + teacherId + ",\"startsOn\":\"" + today + "\"}"));
        // the yearly plan: two lessons of the class and an open lecture
        long lesson1 = id(teacher.postJson("/api/school/schools/" + school + "/sessions", "{\"heldOn\":\"" + today
                + "\",\"topic\":\"避孕方法知情选择\",\"teacherId\":" + teacherId + ",\"targetGroup\":\"育龄妇女\",\"classId\":" + klass + "}"));
        long lesson2 = id(teacher.postJson("/api/school/schools/" + school + "/sessions", "{\"heldOn\":\"" + today
                + "\",\"topic\":\"生殖道感染防治\",\"teacherId\":" + teacherId + ",\"targetGroup\":\"育龄妇女\",\"classId\":" + klass + "}"));
        assertEquals(201, teacher.postJson("/api/school/schools/" + school + "/sessions", "{\"heldOn\":\"" + today
                + "\",\"topic\":\"老年健康讲座\",\"teacherId\":" + teacherId + ",\"targetGroup\":\"老年人\"}").status());
        assertEquals(3, ids(teacher.get("/api/school/schools/" + school + "/plan/" + today.getYear()).body()).size());

        // 200 women aged 38 registered in the community, and 5 men who are not of the target group
        for (int i = 0; i < 205; i++) {
            String first17 = "44060619880315" + String.format("%03d", i < 200 ? i * 2 + 400 : i * 2 + 401);
            Http.Response r = officer.postJson("/api/residents", "{\"idNumber\":\"" + ResidentIT.idNumber(first17)
                    + "\",\"name\":\"学员" + i + "\",\"residenceCode\":\"" + COMMUNITY + "\"}");
            assertEquals(201, r.status(), r.body());
        }
        long started = System.nanoTime();
        Http.Response enrolled = officer.postJson("/api/school/classes/" + klass + "/enrolments/group",
                "{\"targetGroup\":\"WOMEN_15_49\"}");
        long enrolMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, enrolled.status(), enrolled.body());
        Matcher n = Pattern.compile("\"enrolled\":(\\d+)").matcher(enrolled.body());
        assertTrue(n.find());
        int size = Integer.parseInt(n.group(1));
        assertTrue(size >= 200, enrolled.body());
        assertProblem(officer.postJson("/api/school/classes/" + klass + "/enrolments/group", "{\"targetGroup\":\"ALL\"}"),
                400, "targetGroup");
        // another community's officer: the class does not exist for them
        assertProblem(admin.as("sc-officer2").get("/api/school/classes/" + klass + "/roster"), 404, "classId");

        List<Long> roster = ids(teacher.get("/api/school/classes/" + klass + "/roster").body());
        assertEquals(size, roster.size());
        StringBuilder marks = new StringBuilder("[");
        for (int i = 0; i < roster.size(); i++) {
            marks.append(i == 0 ? "" : ",").append("{\"enrolmentId\":").append(roster.get(i)).append(",\"mark\":\"")
                    .append(i % 50 == 1 ? "LATE" : i % 50 == 2 ? "EXCUSED" : "PRESENT").append("\"}");
        }
        marks.append(']');
        started = System.nanoTime();
        Http.Response saved = teacher.putJson("/api/school/sessions/" + lesson1 + "/attendance", marks.toString());
        long attendMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(200, saved.status(), saved.body());
        assertTrue(saved.body().contains("\"saved\":" + size), saved.body());
        assertEquals(200, teacher.putJson("/api/school/sessions/" + lesson2 + "/attendance", marks.toString()).status());
        assertProblem(teacher.putJson("/api/school/sessions/" + lesson2 + "/attendance",
                "[{\"enrolmentId\":" + roster.get(0) + ",\"mark\":\"SLEEPING\"}]"), 400, "marks[0].mark");

        // the exam: 20 fail
        long exam = id(teacher.postJson("/api/school/classes/" + klass + "/exams", "{\"heldOn\":\"" + today + "\"}"));
        // the exam's paper taken online for one person (a score entered later for them replaces it)
        long question = id(teacher.postJson("/api/school/courses/" + course + "/questions", "{\"kind\":\"SINGLE\","
                + "\"text\":\"哪种避孕方法由本人选择？\",\"options\":[\"任何一种，知情选择\",\"只能上环\"],\"answer\":\"A\",\"points\":10}"));
        assertProblem(teacher.postJson("/api/school/courses/" + course + "/questions", "{\"kind\":\"SINGLE\","
                + "\"text\":\"x\",\"options\":[\"a\",\"b\"],\"answer\":\"C\",\"points\":10}"), 400, "answer");
        long paper = id(teacher.postJson("/api/school/exams/" + exam + "/paper", "{\"questionIds\":[" + question + "]}"));
        Http.Response sheet = teacher.postJson("/api/school/papers/" + paper + "/sheets", "{\"enrolmentId\":"
                + roster.get(0) + ",\"answers\":[{\"questionId\":" + question + ",\"answer\":\"a\"}]}");
        assertEquals(201, sheet.status(), sheet.body());
        assertTrue(sheet.body().contains("\"status\":\"MARKED\"") && !sheet.body().contains("score"), sheet.body());
        assertProblem(teacher.postJson("/api/school/papers/" + paper + "/sheets", "{\"enrolmentId\":" + roster.get(0)
                + "}"), 409, "enrolmentId");
        assertProblem(teacher.get("/api/school/papers/" + paper + "/sheets"), 400, "reason");
        assertTrue(teacher.get("/api/school/papers/" + paper + "/sheets?reason=%E5%AD%98%E6%A1%A3").body()
                .contains("\"score\":100"));
        assertProblem(admin.as("sc-officer2").get("/api/school/papers/" + paper + "/sheets?reason=x"), 404, "paperId");
        StringBuilder scores = new StringBuilder("[");
        for (int i = 0; i < roster.size(); i++) {
            scores.append(i == 0 ? "" : ",").append("{\"enrolmentId\":").append(roster.get(i)).append(",\"score\":")
                    .append(i < 20 ? 40 : 85).append('}');
        }
        assertEquals(200, teacher.putJson("/api/school/exams/" + exam + "/scores", scores.append(']').toString()).status());
        assertProblem(teacher.putJson("/api/school/exams/" + exam + "/scores", "[{\"enrolmentId\":" + roster.get(0)
                + ",\"score\":101}]"), 400, "scores[0].score");
        assertProblem(teacher.get("/api/school/exams/" + exam + "/results"), 400, "reason");
        String results = teacher.get("/api/school/exams/" + exam + "/results?reason=%E8%A1%A5%E8%80%83").body();
        assertEquals(20, results.split("\"passed\":false", -1).length - 1, results);
        // nobody else reads scores: another community's officer gets 404 for the person
        Matcher resident = Pattern.compile("\"residentId\":(\\d+)").matcher(results);
        assertTrue(resident.find());
        assertEquals(404, admin.as("sc-officer2").get("/api/school/residents/" + resident.group(1)
                + "/results?reason=x").status());
        assertEquals(200, officer.get("/api/school/residents/" + resident.group(1) + "/results?reason=核对").status());

        // the make-up: the 20 sit again, 15 pass
        long makeUp = id(teacher.postJson("/api/school/classes/" + klass + "/exams", "{\"heldOn\":\"" + today
                + "\",\"makeUp\":true}"));
        StringBuilder again = new StringBuilder("[");
        for (int i = 0; i < 20; i++) {
            again.append(i == 0 ? "" : ",").append("{\"enrolmentId\":").append(roster.get(i)).append(",\"score\":")
                    .append(i < 15 ? 75 : 30).append('}');
        }
        assertEquals(200, teacher.putJson("/api/school/exams/" + makeUp + "/scores", again.append(']').toString()).status());
        assertProblem(teacher.putJson("/api/school/exams/" + makeUp + "/scores", "[{\"enrolmentId\":" + roster.get(30)
                + ",\"score\":90}]"), 400, "scores[0].enrolmentId");
        assertProblem(teacher.postJson("/api/school/classes/" + klass + "/exams", "{\"heldOn\":\"" + today
                + "\",\"makeUp\":true}"), 400, "makeUp");

        Http.Response graduated = teacher.post("/api/school/classes/" + klass + "/graduate");
        assertEquals(200, graduated.status(), graduated.body());
        assertTrue(graduated.body().contains("\"graduated\":" + (size - 5)), graduated.body());
        assertTrue(graduated.body().contains("\"notYet\":5"), graduated.body());
        System.out.println("SchoolIT: enrolled " + size + " by query in " + enrolMillis + " ms, attendance of " + size
                + " saved in " + attendMillis + " ms");

        switchOffAndOn(klass, size - 5);
    }

    private void switchOffAndOn(long klass, int graduates) throws Exception {
        ModuleSwitching.threeTimesUnderLoad(admin, "school", "/api/school/schools", () -> { });
        String roster = admin.as("sc-teacher").get("/api/school/classes/" + klass + "/roster").body();
        assertEquals(graduates, roster.split("\"status\":\"GRADUATED\"", -1).length - 1, "the data is still there");
    }
}
