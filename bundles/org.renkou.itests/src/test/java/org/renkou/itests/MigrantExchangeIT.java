package org.renkou.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.service.cm.ConfigurationAdmin;
import org.renkou.core.api.CitizenId;

/**
 * Migrant registration and the information exchange over HTTP, with staff of two regions: a Guangdong community
 * where the migrant lives (现居住地), the Yunnan community where she is registered (户籍地), and a third community.
 * The exchange configuration is set through Config Admin, as an administrator would.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MigrantExchangeIT {
    private static final String PORT_PROPERTY = "renkou.itests.migrants.port";
    private static final String GD = "440606901001";
    private static final String YN = "530102901001";
    private static final String OTHER = "440606901002";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Inject
    @Filter(value = "(osgi.unit.name=renkou.core)", timeout = 60000)
    private EntityManagerFactory emf;

    @Inject
    private ConfigurationAdmin configurations;

    private final Http http = new Http(Integer.getInteger(PORT_PROPERTY, -1));
    private final Http gd = http.as("gd-officer");
    private final Http yn = http.as("yn-officer");
    private final Http other = http.as("gd-other");

    @Configuration
    public Option[] config() {
        int port = RenkouOptions.freePort();
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        return RenkouOptions.renkouRuntime(RenkouOptions.newHome("migrants"), port);
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader("Import-Package", "*;resolution:=optional");
        return probe;
    }

    @Test
    public void dualJurisdictionExchangeAndEscalation() throws Exception {
        http.await("/api/jurisdictions/" + YN, r -> r.status() == 200, 30);
        // as an administrator would: Yunnan answers urgent messages in 5 days, normal ones in 10, and the overdue
        // check runs every second
        Dictionary<String, Object> settings = new Hashtable<>();
        settings.put("provinceOverrides", new String[] {"53:5/10"});
        settings.put("checkIntervalSeconds", 1L);
        configurations.getConfiguration("org.renkou.core.exchange", "?").update(settings);
        http.await("/api/exchange/deadlines?receiver=" + YN, r -> r.body().equals("{\"URGENT\":5,\"NORMAL\":10}"), 30);
        staff("gd-officer", GD);
        staff("yn-officer", YN);
        staff("gd-other", OTHER);
        LocalDate today = LocalDate.now(CHINA);

        // registered at the residence place
        String first17 = "53010219950101002";
        Http.Response created = gd.postJson("/api/migrants", "{\"idNumber\":\"" + first17 + CitizenId.checkChar(first17)
                + "\",\"name\":\"李梅\",\"residenceCode\":\"" + GD + "\",\"registrationCode\":\"" + YN
                + "\",\"arrivalDate\":\"" + today.minusDays(10) + "\",\"certificates\":[{\"type\":"
                + "\"MARRIAGE_BIRTH_CERTIFICATE\",\"number\":\"YN-2026-001\",\"seenOn\":\"" + today.minusDays(9) + "\"}]}");
        assertEquals(created.body(), 201, created.status());
        long id = number(created.body(), "id");
        long version = number(created.body(), "version");

        // visible to the registration place, read only there
        Http.Response seen = yn.get("/api/migrants/" + id);
        assertEquals(seen.body(), 200, seen.status());
        assertTrue(seen.body(), seen.body().contains("YN-2026-001") && seen.body().contains("\"editable\":false"));
        Http.Response listed = yn.get("/api/migrants?registrationCode=530102");
        assertTrue(listed.body(), listed.body().contains("\"total\":1"));
        assertProblem(yn.putJson("/api/migrants/" + id, "{\"arrivalDate\":\"" + today.minusDays(20)
                + "\",\"certificates\":[],\"version\":" + version + "}"), 403, null);
        Http.Response note = yn.postJson("/api/migrants/" + id + "/notes", "{\"text\":\"户籍地已核实。\"}");
        assertEquals(note.body(), 201, note.status());

        // not visible to a third community, and the attempt is audited
        assertProblem(other.get("/api/migrants/" + id), 404, "id");
        assertTrue(other.get("/api/migrants").body().contains("\"total\":0"));
        Http.Response denied = http.get("/api/audit?action=DENIED&entityType=migrant&entityId=" + id);
        assertTrue(denied.body(), denied.body().contains("\"actor\":\"gd-other\""));

        // the residence place edits with the version read; the same version again is stale
        String stay = "{\"arrivalDate\":\"" + today.minusDays(11) + "\",\"certificates\":[],\"version\":" + version + "}";
        Http.Response updated = gd.putJson("/api/migrants/" + id, stay);
        assertEquals(updated.body(), 200, updated.status());
        assertProblem(gd.putJson("/api/migrants/" + id, stay), 409, "version");
        assertProblem(gd.postJson("/api/migrants", "{\"name\":\"无号\"}"), 400, "registrationCode");

        // responsibility passes to the street office (移交): logged, and the community now only reads
        long current = number(updated.body(), "version");
        String departure = "{\"departureDate\":\"" + today + "\",\"destinationCode\":\"530102\",\"version\":";
        assertProblem(yn.postJson("/api/migrants/" + id + "/departure", departure + current + "}"), 403, null);
        Http.Response handover = gd.postJson("/api/migrants/" + id + "/handovers", "{\"kind\":\"RESPONSIBILITY\","
                + "\"toCode\":\"440606901\",\"reason\":\"街道统一管理\",\"version\":" + current + "}");
        assertEquals(handover.body(), 201, handover.status());
        Http.Response log = yn.get("/api/migrants/" + id + "/handovers");
        assertTrue(log.body(), log.body().contains("\"fromCode\":\"" + GD + "\",\"toCode\":\"440606901\",\"by\":\"gd-officer\""));
        Http.Response afterHandover = gd.get("/api/migrants/" + id);
        assertTrue(afterHandover.body(), afterHandover.body().contains("\"editable\":false"));
        assertProblem(gd.postJson("/api/migrants/" + id + "/departure",
                departure + number(afterHandover.body(), "version") + "}"), 403, null);

        // a query to the registration place, answered "not found"; due in 10 days (Yunnan's setting)
        Http.Response query = gd.postJson("/api/exchange/messages", "{\"kind\":\"QUERY\",\"urgency\":\"NORMAL\","
                + "\"receiverCode\":\"" + YN + "\",\"migrantId\":" + id + ",\"subject\":\"协查\",\"body\":\"请核实。\"}");
        assertEquals(query.body(), 201, query.status());
        assertTrue(query.body(), query.body().contains("\"dueDate\":\"" + today.plusDays(10) + "\""));
        long queryId = number(query.body(), "id");
        assertProblem(gd.postJson("/api/exchange/messages/" + queryId + "/reply", "{\"text\":\"x\",\"version\":1}"), 403, null);
        assertProblem(other.get("/api/exchange/messages/" + queryId), 404, "id");
        Http.Response replied = yn.postJson("/api/exchange/messages/" + queryId + "/reply",
                "{\"notFound\":true,\"text\":\"经公安户籍核查，查无此人。\",\"version\":" + number(query.body(), "version") + "}");
        assertEquals(replied.body(), 200, replied.status());
        assertTrue(replied.body(), replied.body().contains("\"state\":\"REPLIED\"") && replied.body().contains("\"notFound\":true"));
        Http.Response stats = yn.get("/api/exchange/stats?jurisdiction=" + YN + "&from=" + today + "&to=" + today);
        assertEquals(stats.body(), 200, stats.status());
        assertTrue(stats.body(), stats.body().contains("\"received\":1,\"replied\":1,\"repliedOnTime\":1,\"overdue\":0,"
                + "\"replyRate\":1.0,\"onTimeRate\":1.0"));
        assertProblem(yn.get("/api/exchange/stats?jurisdiction=" + YN + "&from=2026-13-01"), 400, "from");

        // an urgent notification left unanswered past its due date is escalated by the scheduled check
        Http.Response urgent = gd.postJson("/api/exchange/messages", "{\"kind\":\"NOTIFICATION\",\"urgency\":\"URGENT\","
                + "\"receiverCode\":\"" + YN + "\",\"subject\":\"通报\",\"body\":\"未持婚育证明。\"}");
        assertEquals(urgent.body(), 201, urgent.status());
        assertTrue(urgent.body(), urgent.body().contains("\"dueDate\":\"" + today.plusDays(5) + "\""));
        long urgentId = number(urgent.body(), "id");
        sentDaysAgo(urgentId, 20, today.minusDays(15)); // as if sent 20 days ago
        Http.Response escalated = yn.await("/api/exchange/messages/" + urgentId,
                r -> r.body().contains("\"state\":\"ESCALATED\""), 30);
        assertTrue(escalated.body(), escalated.body().contains("\"escalatedTo\":\"530102901\"")
                && escalated.body().contains("\"daysOverdue\":15") && escalated.body().contains("\"overdue\":true"));
        assertTrue(yn.get("/api/exchange/messages?state=ESCALATED").body().contains("\"total\":1"));
        Http.Response period = yn.get("/api/exchange/stats?jurisdiction=" + YN + "&from=" + today.minusDays(30)
                + "&to=" + today);
        assertTrue(period.body(), period.body().contains("\"received\":2,\"replied\":1,\"repliedOnTime\":1,\"overdue\":1,"
                + "\"replyRate\":0.5,\"onTimeRate\":0.5"));
    }

    private void staff(String username, String code) throws IOException {
        Http.Response r = http.postJson("/api/staff", "{\"username\":\"" + username + "\",\"name\":\"" + username
                + "\",\"roles\":[\"FAMILY_SERVICES\"],\"jurisdictionCodes\":[\"" + code + "\"]}");
        assertEquals(r.body(), 201, r.status());
    }

    /** Moves a message back in time (no test waits 5 days), then drops the cached copy the services would read. */
    private void sentDaysAgo(long id, int days, LocalDate due) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            int n = em.createNativeQuery("UPDATE EXCHANGE_MESSAGE SET SENT_AT = ?, DUE_DATE = ? WHERE ID = ?")
                    .setParameter(1, java.sql.Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC).minusDays(days)))
                    .setParameter(2, java.sql.Date.valueOf(due))
                    .setParameter(3, id)
                    .executeUpdate();
            em.getTransaction().commit();
            assertEquals(1, n);
        } finally {
            em.close();
        }
        emf.getCache().evictAll();
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertTrue(json, m.find());
        return Long.parseLong(m.group(1));
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertEquals(r.body(), status, r.status());
        assertTrue(r.contentType(), r.contentType().startsWith("application/problem+json"));
        if (field != null) {
            assertTrue(r.body(), r.body().contains("\"field\":\"" + field + "\""));
        }
    }
}
