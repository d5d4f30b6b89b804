package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.spi.PaxExamRuntime;

/**
 * The family planning association module (计生协会) on the real platform over HTTP: a secretary sets up the
 * council, admits members by application, assigns contact households and logs visits, runs a 5·29 activity,
 * opens a special-family case with two contacts and logs a monthly visit (another officer is refused and the
 * refusal audited), runs a survey with 50 responses and exports the tally, commends a volunteer and publishes a
 * notice that a client without login reads; the yearly statistics match what was entered; the module is switched
 * off and on 3× under load with zero failed requests elsewhere and its data kept.
 */
class AssociationIT {
    private static final String COMMUNITY = "440606901001";
    private static TestContainer container;
    private static Http admin;
    private static Http anonymous;

    @BeforeAll
    static void start() throws Exception {
        Path home = RenkouOptions.newHome("association");
        int port = RenkouOptions.freePort();
        container = PaxExamRuntime.createContainer(
                PaxExamRuntime.createServerSystem(RenkouOptions.renkouRuntime(home, port)));
        container.start();
        admin = new Http(port);
        anonymous = new Http(port);
        admin.await("/api/association/associations", r -> r.status() == 200, 60);
        staff("as-sec", "ASSOCIATION_SECRETARY", COMMUNITY);
        staff("as-contact1", "FAMILY_SERVICES", COMMUNITY);
        staff("as-contact2", "FAMILY_SERVICES", "440606901");
        staff("as-officer", "FAMILY_SERVICES", COMMUNITY);
        staff("as-other", "ASSOCIATION_SECRETARY", "440606901002");
        staff("as-dir", "DIRECTOR", "440606");
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

    private static long id(Http.Response r) {
        assertTrue(r.status() == 200 || r.status() == 201, r.status() + " " + r.body());
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    private static long number(Http.Response r, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(r.body());
        assertTrue(m.find(), field + " in " + r.body());
        return Long.parseLong(m.group(1));
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        if (field != null) {
            assertTrue(r.body().contains("\"field\":\"" + field + "\""), r.body());
        }
    }

    private static long household(String number, String first17, String name) throws Exception {
        long head = id(admin.postJson("/api/residents", "{\"idNumber\":\"" + ResidentIT.idNumber(first17)
                + "\",\"name\":\"" + name + "\",\"residenceCode\":\"" + COMMUNITY + "001\"}"));
        return id(admin.postJson("/api/households", "{\"number\":\"" + number + "\",\"residenceCode\":\"" + COMMUNITY
                + "001\",\"members\":[{\"residentId\":" + head + ",\"relation\":\"HEAD\"}]}"));
    }

    /**
     * Meetings (会议): a monthly group meeting with attendance and minutes, an attachment stored with its SHA-256
     * and downloaded byte for byte, a program refused, ids out of reach answered 404, and the progress counting it.
     */
    private static void meetings(Http sec, String base, long group, long[] members, String today) throws Exception {
        long m = id(sec.postJson(base + "/meetings", "{\"kind\":\"GROUP_MONTHLY\",\"groupId\":" + group
                + ",\"heldOn\":\"" + today + "\",\"place\":\"活动室\",\"topic\":\"月例会\",\"minutes\":\"学习文件。\","
                + "\"attendance\":[{\"memberId\":" + members[0] + ",\"status\":\"PRESENT\"},{\"memberId\":" + members[1]
                + ",\"status\":\"EXCUSED\"}]}"));
        String read = sec.get(base + "/meetings/" + m).body();
        assertTrue(read.contains("\"present\":1") && read.contains("\"excused\":1") && read.contains("学习文件。"), read);
        assertProblem(sec.postJson(base + "/meetings", "{\"kind\":\"GROUP_MONTHLY\",\"heldOn\":\"" + today
                + "\",\"topic\":\"无小组\"}"), 400, "groupId");
        assertProblem(sec.postJson(base + "/meetings", "{\"kind\":\"GROUP_MONTHLY\",\"groupId\":" + group
                + ",\"heldOn\":\"" + today + "\",\"topic\":\"t\",\"attendance\":[{\"memberId\":" + members[0]
                + ",\"status\":\"SICK\"}]}"), 400, "attendance[0].status");
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String files = base + "/meetings/" + m + "/files";
        Http.Response up = sec.send("POST", files + "?fileName=" + java.net.URLEncoder.encode("签到表.pdf",
                java.nio.charset.StandardCharsets.UTF_8), "application/octet-stream", pdf);
        long file = id(up);
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf));
        assertTrue(up.body().contains("\"sha256\":\"" + sha + "\""), up.body());
        Http.Response down = admin.as("as-dir").get(files + "/" + file);
        assertEquals(200, down.status(), down.body());
        assertTrue(down.contentType().startsWith("application/pdf"), down.contentType());
        assertEquals(new String(pdf, java.nio.charset.StandardCharsets.US_ASCII), down.body());
        assertProblem(sec.send("POST", files + "?fileName=setup.pdf", "application/octet-stream",
                "MZ\u0090 This program".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), 400, "file");
        assertProblem(sec.send("POST", files + "?fileName=..%2Fx.pdf", "application/octet-stream", pdf), 400,
                "fileName");
        // out of reach: the association, hence its meetings and files, is "not found"
        assertProblem(admin.as("as-other").get(files + "/" + file), 404, "associationId");
        assertProblem(admin.as("as-other").get(base + "/meetings/" + m), 404, "associationId");
        String progress = sec.get(base + "/progress").body();
        assertTrue(progress.contains("\"groupMeetings\":[{\"groupId\":" + group + ",\"name\":\"第一小组\",\"held\":1"),
                progress);
    }

    @Test
    void aSecretaryRunsAYearOfAssociationWork() throws Exception {
        Http sec = admin.as("as-sec");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        long a = id(sec.postJson("/api/association/associations", "{\"name\":\"示例一社区计生协会\",\"jurisdictionCode\":\""
                + COMMUNITY + "\",\"secretary\":\"as-sec\",\"foundedOn\":\"2012-05-29\"}"));
        String base = "/api/association/associations/" + a;
        assertTrue(sec.get(base).body().contains("\"jurisdictionName\":\""), "the jurisdiction by name");
        assertProblem(sec.postJson("/api/association/associations", "{\"name\":\"\",\"jurisdictionCode\":\"440606901002\"}"),
                400, "name");
        // out of reach: the same 404 as a missing association, for a read and for an id in a path
        assertProblem(admin.as("as-other").get(base), 404, "id");
        assertProblem(admin.as("as-other").get(base + "/members"), 404, "associationId");

        // council: first term, then a new one (换届) keeping the history
        assertEquals(201, sec.postJson(base + "/terms", "{\"startedOn\":\"2021-03-01\",\"seats\":[{\"position\":"
                + "\"PRESIDENT\",\"personName\":\"张会长\"},{\"position\":\"SECRETARY_GENERAL\",\"personName\":\"李秘书长\"}]}").status());
        assertEquals(201, sec.postJson(base + "/terms", "{\"startedOn\":\"" + today + "\",\"seats\":[{\"position\":"
                + "\"PRESIDENT\",\"personName\":\"赵会长\"},{\"position\":\"DIRECTOR\",\"personName\":\"钱理事\"}]}").status());
        String terms = sec.get(base + "/terms").body();
        assertTrue(terms.contains("赵会长") && terms.contains("张会长") && terms.contains("\"number\":2"), terms);
        assertProblem(sec.postJson(base + "/terms", "{\"startedOn\":\"2030-01-01\",\"seats\":[]}"), 400, "seats");

        // members by application and council approval; phones masked in the list
        long[] members = new long[3];
        for (int i = 0; i < 3; i++) {
            Http.Response m = sec.postJson(base + "/members", "{\"name\":\"会员" + i + "\",\"phone\":\"1380013800" + i
                    + "\",\"skills\":\"宣传\"}");
            members[i] = id(m);
            assertTrue(m.body().contains("\"status\":\"APPLIED\""), m.body());
            Http.Response d = sec.postJson(base + "/members/" + members[i] + "/decision", "{\"approve\":true,\"version\":"
                    + number(m, "version") + "}");
            assertTrue(d.body().contains("\"status\":\"ACTIVE\""), d.body());
        }
        String list = admin.as("as-dir").get(base + "/members").body();
        assertTrue(list.contains("138****8000") && !list.contains("13800138000"), list);
        assertProblem(sec.postJson(base + "/members", "{\"name\":\"坏电话\",\"phone\":\"abc\"}"), 400, "phone");
        long group = id(sec.postJson(base + "/groups", "{\"name\":\"第一小组\",\"residentGroupCode\":\"" + COMMUNITY
                + "001\",\"leaderMemberId\":" + members[0] + "}"));
        meetings(sec, base, group, members, today);

        // contact households and a visit
        long h1 = household("AS-H1", "44060619700101001", "孙户主");
        long h2 = household("AS-H2", "44060619700101002", "周户主");
        long h3 = household("AS-H3", "44060619700101003", "吴户主");
        long c1 = id(sec.postJson(base + "/contacts", "{\"memberId\":" + members[0] + ",\"householdId\":" + h1 + "}"));
        id(sec.postJson(base + "/contacts", "{\"memberId\":" + members[0] + ",\"householdId\":" + h2 + "}"));
        assertProblem(sec.postJson(base + "/contacts", "{\"memberId\":" + members[0] + ",\"householdId\":" + h3 + "}"),
                400, "memberId");
        assertProblem(sec.postJson(base + "/contacts", "{\"memberId\":" + members[1] + ",\"householdId\":999999}"),
                404, "householdId");
        assertEquals(201, sec.postJson(base + "/contacts/" + c1 + "/visits", "{\"visitedOn\":\"" + today
                + "\",\"kind\":\"REFERRAL\",\"outcome\":\"转介家庭医生签约\"}").status());
        assertProblem(sec.postJson(base + "/contacts/" + c1 + "/visits", "{\"visitedOn\":\"" + today
                + "\",\"kind\":\"PREGNANCY\"}"), 400, "kind");

        // a 5·29 member activity day with participants, and two trainings
        assertEquals(201, sec.postJson(base + "/activities", "{\"kind\":\"MEMBER_DAY\",\"title\":\"5·29 会员活动日\","
                + "\"heldOn\":\"" + year + "-05-29\",\"place\":\"社区广场\",\"leaflets\":300,\"items\":80,\"personTimes\":120,"
                + "\"participants\":[{\"memberId\":" + members[0] + "},{\"memberId\":" + members[1] + "},{\"name\":\"居民甲\"}]}")
                .status());
        for (String on : List.of(year + "-03-01", year + "-04-01")) {
            assertEquals(201, sec.postJson(base + "/activities", "{\"kind\":\"TRAINING\",\"title\":\"会员培训\",\"heldOn\":\""
                    + on + "\",\"large\":true,\"participants\":[{\"memberId\":" + members[0] + "},{\"memberId\":"
                    + members[1] + "},{\"memberId\":" + members[2] + "}]}").status());
        }
        String progress = sec.get(base + "/progress?year=" + year).body();
        assertTrue(progress.contains("\"largeActivities\":3") && progress.contains("\"largeMet\":true")
                && progress.contains("\"membersTrainedTwice\":3") && progress.contains("\"trainingMet\":true"), progress);
        assertProblem(sec.postJson(base + "/activities", "{\"kind\":\"MEMBER_DAY\",\"title\":\"x\",\"heldOn\":\"" + today
                + "\",\"leaflets\":-5}"), 400, "leaflets");

        // a special-family case with two contacts and a monthly visit
        long family = household("AS-SF", "44060619550101004", "郑老");
        Http.Response opened = sec.postJson(base + "/cases", "{\"householdId\":" + family + ",\"familyKind\":"
                + "\"CHILD_DECEASED\",\"contactA\":\"as-contact1\",\"contactB\":\"as-contact2\",\"note\":\"暖心家园\"}");
        long caseId = id(opened);
        // the contacts' accounts come with their names from the core's staff records
        assertTrue(opened.body().contains("\"contactA\":\"as-contact1\"") && opened.body().contains(
                "\"contactAName\":\"测试as-contact1\"") && opened.body().contains("\"contactBName\":\"测试as-contact2\""),
                opened.body());
        assertProblem(sec.postJson(base + "/cases", "{\"householdId\":" + h3 + ",\"familyKind\":\"CHILD_DISABLED\","
                + "\"contactA\":\"as-contact1\",\"contactB\":\"as-contact2\",\"benefitApplicationId\":987654}"),
                404, "benefitApplicationId");
        Http contact = admin.as("as-contact1");
        assertEquals(201, contact.postJson(base + "/cases/" + caseId + "/entries", "{\"entryOn\":\"" + today
                + "\",\"kind\":\"HOLIDAY_VISIT\",\"note\":\"中秋慰问\",\"amount\":500}").status());
        String read = admin.as("as-contact2").get(base + "/cases/" + caseId + "?reason=月度走访").body();
        assertTrue(read.contains("中秋慰问") && read.contains("\"amount\":500"), read);
        assertTrue(admin.as("as-dir").get(base + "/cases/" + caseId).status() == 200);
        // another officer of the same community is refused, and the refusal is audited
        assertProblem(admin.as("as-officer").get(base + "/cases/" + caseId), 403, null);
        assertProblem(admin.as("as-other").get(base + "/cases/" + caseId), 404, "id");
        assertEquals("[]", admin.as("as-officer").get(base + "/cases").body());
        String denied = admin.get("/api/audit?entityType=SpecialFamilyCase&entityId=" + caseId + "&action=DENIED").body();
        assertTrue(denied.contains("\"actor\":\"as-officer\"") && denied.contains("\"actor\":\"as-other\""), denied);
        String reads = admin.get("/api/audit?entityType=SpecialFamilyCase&entityId=" + caseId
                + "&action=READ_SENSITIVE").body();
        assertTrue(reads.contains("\"actor\":\"as-contact2\"") && reads.contains("\"actor\":\"as-dir\""), reads);
        String allAudit = admin.get("/api/audit?entityType=SpecialFamilyCaseEntry&limit=50").body();
        assertFalse(allAudit.contains("中秋") || allAudit.contains("500"), "no note or amount in the audit: " + allAudit);

        // a demand survey: 30 typed in from paper, 20 on the public link; the tally and its export
        Http.Response survey = sec.postJson(base + "/surveys", "{\"title\":\"群众需求调查\",\"questions\":[{\"text\":"
                + "\"最需要的服务\",\"options\":[\"养老照护\",\"心理支持\",\"优生优育\"]},{\"text\":\"是否了解奖励扶助\","
                + "\"options\":[\"了解\",\"不了解\"]}]}");
        long surveyId = id(survey);
        Matcher tm = Pattern.compile("\"publicToken\":\"([0-9a-f]{32})\"").matcher(survey.body());
        assertTrue(tm.find(), survey.body());
        String link = "/public/association/survey/" + tm.group(1);
        for (int i = 0; i < 30; i++) {
            assertEquals(201, sec.postJson(base + "/surveys/" + surveyId + "/responses", "{\"answers\":[" + (i % 3) + ","
                    + (i % 2) + "]}").status());
        }
        String form = anonymous.get(link).body();
        assertTrue(form.contains("最需要的服务") && form.contains("name=\"q0\""), form);
        for (int i = 0; i < 20; i++) {
            Http.Response r = anonymous.send("POST", link, "application/x-www-form-urlencoded", "q0=1&q1=0");
            assertEquals(200, r.status(), r.body());
        }
        assertProblem(anonymous.send("POST", link, "application/json", "{\"answers\":[7,0]}"), 400, "answers[0]");
        assertProblem(anonymous.send("POST", link, "application/json", "{\"answers\":[" + "0,".repeat(6000) + "0]}"),
                413, null);
        String tally = sec.get(base + "/surveys/" + surveyId + "/tally").body();
        assertTrue(tally.contains("\"responses\":50") && tally.contains("\"counts\":[10,30,10]")
                && tally.contains("\"counts\":[35,15]"), tally);
        Http.Response xlsx = sec.get(base + "/surveys/" + surveyId + "/tally.xlsx");
        assertEquals(200, xlsx.status(), xlsx.body());
        assertTrue(xlsx.contentType().contains("spreadsheetml"), xlsx.contentType());
        Http.Response tallyPdf = sec.get(base + "/surveys/" + surveyId + "/tally.pdf");
        assertEquals(200, tallyPdf.status(), tallyPdf.body());
        assertTrue(tallyPdf.contentType().startsWith("application/pdf") && tallyPdf.body().startsWith("%PDF"),
                tallyPdf.contentType());

        // a volunteer commended: nominated, reviewed, approved; a notice published
        Http.Response nominated = sec.postJson(base + "/commendations", "{\"kind\":\"VOLUNTEER\",\"nominee\":\"会员0\","
                + "\"memberId\":" + members[0] + ",\"reason\":\"常年联系两户\"}");
        long com = id(nominated);
        assertTrue(sec.postJson(base + "/commendations/" + com + "/decision", "{\"approve\":true}").body()
                .contains("REVIEWED"));
        assertTrue(admin.as("as-dir").postJson(base + "/commendations/" + com + "/decision", "{\"approve\":true}").body()
                .contains("APPROVED"));
        long notice = id(sec.postJson(base + "/notices", "{\"kind\":\"COMMITMENT\",\"title\":\"服务承诺\",\"body\":"
                + "\"每月走访特殊家庭。\",\"publishFrom\":\"" + today + "\"}"));
        Http.Response board = anonymous.get("/public/association/" + a);
        assertEquals(200, board.status());
        assertTrue(board.contentType().startsWith("text/html"), board.contentType());
        assertTrue(board.body().contains("服务承诺") && board.body().contains("会员0") && board.body().contains("常年联系两户"),
                board.body());
        Http.Response json = anonymous.get("/public/association/" + a + ".json");
        assertTrue(json.body().contains("\"title\":\"服务承诺\""), json.body());
        for (String secret : List.of("1380013800", "as-sec", "as-contact", "郑老", "暖心家园", "中秋", "CHILD_",
                "householdId", "memberId", "\"phone\"")) {
            assertFalse(board.body().contains(secret) || json.body().contains(secret), "public board shows " + secret);
        }
        assertEquals(404, anonymous.get("/public/association/999999").status());
        sec.post(base + "/notices/" + notice + "/withdraw");
        assertFalse(anonymous.get("/public/association/" + a + ".json").body().contains("服务承诺"), "withdrawn");

        // the yearly statistics match what was entered (the community's: the other test adds an association nearby)
        String stats = admin.as("as-dir").get("/api/association/statistics?jurisdictionCode=" + COMMUNITY + "&year="
                + year).body();
        assertTrue(stats.contains("\"level\":\"TOTAL\",\"levelName\":\"合计\",\"associations\":1,\"members\":3,\"groups\":1,"
                + "\"contactHouseholds\":2,\"activities\":3,\"personTimes\":126,\"specialFamilies\":1"), stats);
        assertEquals(200, admin.as("as-dir").get("/api/association/statistics.xlsx?jurisdictionCode=440606&year=" + year)
                .status());
        Http.Response statsPdf = admin.as("as-dir").get("/api/association/statistics.pdf?jurisdictionCode=440606&year="
                + year);
        assertEquals(200, statsPdf.status(), statsPdf.body());
        assertTrue(statsPdf.contentType().startsWith("application/pdf") && statsPdf.body().startsWith("%PDF"),
                statsPdf.contentType());
        assertProblem(admin.as("as-other").get("/api/association/statistics?jurisdictionCode=440606"), 404,
                "jurisdictionCode");

        // the public side is rate-limited per address (600 a minute by default)
        int limited = 0;
        for (int i = 0; i < 700 && limited == 0; i++) {
            if (anonymous.get("/public/association/" + a + ".json").status() == 429) {
                limited = i;
            }
        }
        assertTrue(limited > 0, "rate limit reached");
    }

    @Test
    void switchesOffAndOnKeepingItsDataAndTheRestRunning() throws Exception {
        long a = id(admin.postJson("/api/association/associations", "{\"name\":\"开关测试协会\",\"jurisdictionCode\":"
                + "\"440606901002\"}"));
        String menu = admin.get("/api/ui/menu").body();
        assertTrue(menu.contains("\"script\":\"/ui/modules/association/association.js\""), menu);
        assertTrue(admin.get("/ui/modules/association/association.js").body().contains("R.register('association'"));
        String plan = admin.get("/api/admin/modules/association/plan?action=disable").body();
        assertTrue(plan.contains("AS_CASE"), plan);

        ModuleSwitching.threeTimesUnderLoad(admin, "association", "/api/association/associations",
                () -> assertEquals(404, anonymous.get("/public/association/" + a).status(), "its public board is gone"));
        assertTrue(admin.get("/api/association/associations").body().contains("开关测试协会"), "the data is still there");
        assertEquals(200, anonymous.get("/public/association/" + a).status());
    }
}
