package org.renkou.core.internal.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renkou.core.internal.migrant.MigrantServiceImplTest.GD_COMMUNITY;
import static org.renkou.core.internal.migrant.MigrantServiceImplTest.GD_OTHER_COMMUNITY;
import static org.renkou.core.internal.migrant.MigrantServiceImplTest.NOW;
import static org.renkou.core.internal.migrant.MigrantServiceImplTest.YN_COMMUNITY;
import static org.renkou.core.internal.migrant.MigrantServiceImplTest.assertKind;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.exchange.ExchangeMessageDTO;
import org.renkou.core.api.exchange.ExchangeQuery;
import org.renkou.core.api.exchange.ExchangeReplyDTO;
import org.renkou.core.api.exchange.ExchangeStatsDTO;
import org.renkou.core.api.exchange.MessageKind;
import org.renkou.core.api.exchange.MessageState;
import org.renkou.core.api.exchange.Urgency;
import org.renkou.core.api.migrant.MigrantDTO;
import org.renkou.core.internal.audit.AuditServiceImpl;
import org.renkou.core.internal.db.TestClock;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.jurisdiction.JurisdictionServiceImpl;
import org.renkou.core.internal.migrant.MigrantServiceImpl;
import org.renkou.core.internal.migrant.MigrantServiceImplTest;
import org.renkou.core.internal.resident.ResidentServiceImpl;
import org.renkou.core.internal.sample.SampleData;

/** The information exchange on the real persistence unit, with a clock the test moves. */
class ExchangeServiceImplTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 2); // NOW in China

    private TestDatabase db;
    private TestClock clock;
    private ExchangeServiceImpl exchange;
    private MigrantServiceImpl migrants;
    private AuditServiceImpl audit;
    private final Caller gd = MigrantServiceImplTest.GD;
    private final Caller yn = MigrantServiceImplTest.YN;
    private final Caller other = MigrantServiceImplTest.OTHER;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase();
        SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database));
        clock = new TestClock(NOW, ChinaTime.ZONE);
        // Heilongjiang (23) answers urgent messages in 7 days, normal ones in 20
        exchange = new ExchangeServiceImpl(db.database, new ExchangeDeadlines(15, 30, "23:7/20"), clock);
        migrants = new MigrantServiceImpl(db.database, clock);
        audit = AuditServiceImpl.on(db.database);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private ExchangeMessageDTO send(Caller from, String to, Urgency urgency) {
        ExchangeMessageDTO m = new ExchangeMessageDTO();
        m.kind = MessageKind.QUERY;
        m.urgency = urgency;
        m.receiverCode = to;
        m.subject = "协查婚育情况";
        m.body = "请核实该流动人口的婚育情况。";
        return exchange.send(from, m);
    }

    private static ExchangeReplyDTO reply(String text, boolean notFound, long version) {
        ExchangeReplyDTO r = new ExchangeReplyDTO();
        r.text = text;
        r.notFound = notFound;
        r.version = version;
        return r;
    }

    @Test
    void dueDatesFollowUrgencyAndTheReceiversProvince() {
        assertEquals(TODAY.plusDays(15), send(gd, YN_COMMUNITY, Urgency.URGENT).dueDate);
        assertEquals(TODAY.plusDays(30), send(gd, YN_COMMUNITY, Urgency.NORMAL).dueDate);
        assertEquals(TODAY.plusDays(7), send(gd, "230102901001", Urgency.URGENT).dueDate);
        assertEquals(TODAY.plusDays(20), send(gd, "230102901001", Urgency.NORMAL).dueDate);
        ExchangeDeadlines sixDigits = new ExchangeDeadlines(15, 30, "530000:3/4, bad-entry");
        assertEquals(TODAY.plusDays(3), sixDigits.dueDate(YN_COMMUNITY, Urgency.URGENT, TODAY));
        assertEquals(TODAY.plusDays(30), sixDigits.dueDate(GD_COMMUNITY, Urgency.NORMAL, TODAY));
    }

    @Test
    void receiverRepliesNotFoundAndStatsCountIt() {
        MigrantDTO in = MigrantServiceImplTest.migrant("53010219950101009", "吴霞");
        MigrantDTO person = migrants.register(gd, in);
        ExchangeMessageDTO m = new ExchangeMessageDTO();
        m.kind = MessageKind.QUERY;
        m.receiverCode = YN_COMMUNITY;
        m.migrantId = person.id;
        m.subject = "协查";
        m.body = "请核实户籍信息。";
        ExchangeMessageDTO sent = exchange.send(gd, m);
        assertEquals(Urgency.NORMAL, sent.urgency);
        assertEquals(GD_COMMUNITY, sent.senderCode);
        assertEquals(MessageState.OPEN, sent.state);

        // both sides see it, nobody else does; only the receiver answers
        assertEquals(1, exchange.search(yn, new ExchangeQuery()).total);
        assertEquals(0, exchange.search(other, new ExchangeQuery()).total);
        assertKind(RenkouException.Kind.NOT_FOUND, () -> exchange.find(other, sent.id));
        assertKind(RenkouException.Kind.FORBIDDEN, () -> exchange.reply(gd, sent.id, reply("x", false, sent.version)));
        assertEquals("text", assertThrows(RenkouException.class,
                () -> exchange.reply(yn, sent.id, reply(null, false, sent.version))).field());

        clock.advance(Duration.ofDays(3));
        ExchangeMessageDTO answered = exchange.reply(yn, sent.id, reply(null, true, sent.version));
        assertEquals(MessageState.REPLIED, answered.state);
        assertTrue(answered.reply.notFound);
        assertTrue(answered.reply.text.contains("查无此人"));
        assertEquals("yn", exchange.find(gd, sent.id).orElseThrow().reply.by);
        assertKind(RenkouException.Kind.CONFLICT, () -> exchange.reply(yn, sent.id, reply("again", false, sent.version)));
        assertKind(RenkouException.Kind.CONFLICT,
                () -> exchange.reply(yn, sent.id, reply("again", false, answered.version)));

        ExchangeStatsDTO received = exchange.stats(yn, YN_COMMUNITY, TODAY, TODAY);
        assertEquals(1, received.received);
        assertEquals(1, received.replied);
        assertEquals(1, received.repliedOnTime);
        assertEquals(0, received.overdue);
        assertEquals(1.0, received.replyRate);
        assertEquals(1.0, received.onTimeRate);
        ExchangeStatsDTO sentSide = exchange.stats(gd, GD_COMMUNITY, TODAY, TODAY);
        assertEquals(0, sentSide.received);
        assertNull(sentSide.replyRate);
        assertEquals(1, sentSide.sent);
        assertEquals(1, sentSide.sentReplied);
        assertEquals(0, exchange.stats(yn, YN_COMMUNITY, TODAY.plusDays(1), TODAY.plusDays(9)).received);
        assertEquals("jurisdiction", assertThrows(RenkouException.class,
                () -> exchange.stats(other, YN_COMMUNITY, TODAY, TODAY)).field());
    }

    @Test
    void overdueIsComputedOnReadAndEscalatedByTheCheck() {
        ExchangeMessageDTO urgent = send(gd, YN_COMMUNITY, Urgency.URGENT);
        ExchangeMessageDTO normal = send(gd, YN_COMMUNITY, Urgency.NORMAL);
        assertEquals(0, exchange.escalateOverdue(Caller.SYSTEM));

        clock.advance(Duration.ofDays(16)); // one day past the urgent due date
        assertEquals(MessageState.OVERDUE, exchange.find(yn, urgent.id).orElseThrow().state);
        assertEquals(MessageState.OPEN, exchange.find(yn, normal.id).orElseThrow().state);
        ExchangeQuery overdue = new ExchangeQuery();
        overdue.state = MessageState.OVERDUE;
        assertEquals(1, exchange.search(gd, overdue).total);

        assertKind(RenkouException.Kind.FORBIDDEN, () -> exchange.escalateOverdue(yn));
        assertEquals(1, exchange.escalateOverdue(Caller.SYSTEM));
        assertEquals(0, exchange.escalateOverdue(Caller.SYSTEM), "escalated once");
        ExchangeMessageDTO escalated = exchange.find(yn, urgent.id).orElseThrow();
        assertEquals(MessageState.ESCALATED, escalated.state);
        assertEquals("530102901", escalated.escalation.escalatedTo);
        assertEquals(1, escalated.escalation.daysOverdue);
        assertEquals(urgent.version, escalated.version, "escalating does not change the message");
        assertTrue(audit.history(Caller.SYSTEM, ExchangeServiceImpl.ESCALATION_TYPE, urgent.id.toString()).stream()
                .anyMatch(a -> a.action == AuditAction.CREATE));

        ExchangeStatsDTO stats = exchange.stats(yn, YN_COMMUNITY, TODAY, TODAY.plusDays(16));
        assertEquals(2, stats.received);
        assertEquals(1, stats.overdue);
        assertEquals(0.0, stats.replyRate);

        ExchangeMessageDTO late = exchange.reply(yn, urgent.id, reply("已核实。", false, escalated.version));
        assertEquals(MessageState.REPLIED_LATE, late.state);
        assertTrue(late.overdue);
        ExchangeStatsDTO after = exchange.stats(yn, YN_COMMUNITY, TODAY, TODAY.plusDays(16));
        assertEquals(1, after.replied);
        assertEquals(0, after.repliedOnTime);
        assertEquals(1, after.overdue);
        assertEquals(0.5, after.replyRate);
        assertEquals(0.0, after.onTimeRate);
    }

    @Test
    void badInputNamesTheField() {
        ExchangeMessageDTO m = new ExchangeMessageDTO();
        m.kind = MessageKind.NOTIFICATION;
        m.receiverCode = GD_COMMUNITY;
        m.subject = "通报";
        m.body = "内容";
        assertEquals("receiverCode", assertThrows(RenkouException.class, () -> exchange.send(gd, m)).field());
        m.receiverCode = "999999901001";
        assertEquals("receiverCode", assertThrows(RenkouException.class, () -> exchange.send(gd, m)).field());
        m.receiverCode = YN_COMMUNITY;
        m.senderCode = GD_OTHER_COMMUNITY;
        assertEquals("senderCode", assertThrows(RenkouException.class, () -> exchange.send(gd, m)).field());
        m.senderCode = null;
        m.migrantId = 12345L;
        assertEquals("migrantId", assertThrows(RenkouException.class, () -> exchange.send(gd, m)).field());
        m.migrantId = null;
        m.kind = null;
        assertEquals("kind", assertThrows(RenkouException.class, () -> exchange.send(gd, m)).field());
    }
}
