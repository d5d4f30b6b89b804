package org.renkou.core.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.CitizenId;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.certificate.CertificateService;
import org.renkou.core.api.resident.MaritalStatus;
import org.renkou.core.api.resident.ResidenceStatus;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.stats.AreaDTO;
import org.renkou.core.api.stats.CountDTO;
import org.renkou.core.api.stats.PopulationDTO;
import org.renkou.core.api.cluster.ClusterJobs;
import org.renkou.core.internal.CoreTestAccess;

/** Snapshot building and scoped sums on the real persistence unit and a real Derby database. */
class StatisticsServiceImplTest {
    static final String STREET = "440606901";
    static final String A = "440606901001";
    static final String B = "440606901002";
    static final String GROUP_A1 = "440606901001001";
    private final Clock clock = Clock.fixed(Instant.parse("2026-06-15T04:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final Caller officerA = new Caller("a", Set.of(Role.FAMILY_SERVICES), Set.of(A));
    private final Caller officerB = new Caller("b", Set.of(Role.FAMILY_SERVICES), Set.of(B));
    private final Caller street = new Caller("s", Set.of(Role.STATISTICIAN), Set.of(STREET));
    private CoreTestAccess core;
    private StatisticsSnapshots snapshots;
    /** The job leader as this node sees it: leads unless a test says otherwise. */
    private final Leader leader = new Leader();
    private StatisticsServiceImpl statistics;

    @BeforeEach
    void setUp() {
        core = new CoreTestAccess();
        snapshots = new StatisticsSnapshots(core.database(), clock, leader);
        CertificateService noTypes = (CertificateService) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {CertificateService.class},
                (proxy, method, args) -> method.getName().equals("types") ? List.of() : null);
        statistics = new StatisticsServiceImpl(core.database(), snapshots, noTypes, clock);
    }

    @AfterEach
    void tearDown() {
        snapshots.stop();
        core.close();
    }

    private void resident(String first17, String residence, String registration, ResidenceStatus status,
            MaritalStatus marital) {
        ResidentDTO d = new ResidentDTO();
        d.idNumber = first17 + CitizenId.checkChar(first17);
        d.name = "测试";
        d.residenceCode = residence;
        d.registrationCode = registration;
        d.status = status;
        d.maritalStatus = marital;
        core.residents().create(Caller.SYSTEM, d);
    }

    private long refresh() throws Exception {
        return snapshots.request("TEST").get(60, TimeUnit.SECONDS);
    }

    private static CountDTO key(List<CountDTO> rows, String key) {
        return rows.stream().filter(r -> r.key.equals(key)).findFirst().orElseThrow();
    }

    @Test
    void figuresAreScopedByResidenceOrRegistration() throws Exception {
        // community A: a woman of 30 (married), a man of 70, a girl of 1 living in group 1 of A
        resident("44060619960101002", A, null, ResidenceStatus.REGISTERED, MaritalStatus.MARRIED);
        resident("44060619560101001", A, null, ResidenceStatus.REGISTERED, MaritalStatus.WIDOWED);
        resident("44060620250101002", GROUP_A1, null, ResidenceStatus.REGISTERED, null);
        // community B: a man of 40, and a migrant woman of 25 living in B, registered in A
        resident("44060619860101001", B, null, ResidenceStatus.RESIDENT, MaritalStatus.MARRIED);
        resident("44060620010101002", B, A, ResidenceStatus.MIGRANT, MaritalStatus.UNMARRIED);
        refresh();

        PopulationDTO a = statistics.population(officerA, null);
        assertEquals(A, a.jurisdictionCode);
        assertEquals(4, a.total); // 3 living in A + the one registered in A
        assertEquals(3, a.livingHere);
        assertEquals(4, a.registeredHere);
        assertEquals(1, key(a.bySex, "MALE").total);
        assertEquals(3, key(a.bySex, "FEMALE").total);
        assertEquals(1, key(a.byAgeBand, "0-2").female);
        assertEquals(1, key(a.byAgeBand, "65-79").male);
        assertEquals(1, key(a.byStatus, "MIGRANT").total);
        assertEquals(1, key(a.byMaritalStatus, "UNKNOWN").total);
        assertEquals(2, a.womenOfChildbearingAge);
        assertEquals(1, a.marriedWomenOfChildbearingAge);
        // A's sub-units are its groups: the girl lives in group 1; the others live in A directly or elsewhere
        AreaDTO group = a.areas.stream().filter(x -> GROUP_A1.equals(x.code)).findFirst().orElseThrow();
        assertEquals(1, group.total);
        AreaDTO rest = a.areas.get(a.areas.size() - 1);
        assertEquals(null, rest.code);
        assertEquals(3, rest.total);

        PopulationDTO b = statistics.population(officerB, null);
        assertEquals(2, b.total);
        assertEquals(1, key(b.byStatus, "MIGRANT").total);

        // the street sees both communities; the migrant counts in both lines, once in the total
        PopulationDTO s = statistics.population(street, null);
        assertEquals(5, s.total);
        AreaDTO lineA = s.areas.stream().filter(x -> A.equals(x.code)).findFirst().orElseThrow();
        AreaDTO lineB = s.areas.stream().filter(x -> B.equals(x.code)).findFirst().orElseThrow();
        assertEquals(4, lineA.total);
        assertEquals(1, lineA.migrants);
        assertEquals(2, lineB.total);
        // each line's women 15-49 as the community's own figure says (one call for every sub-unit)
        assertEquals(statistics.population(street, A).womenOfChildbearingAge, lineA.womenOfChildbearingAge);
        assertEquals(statistics.population(street, B).womenOfChildbearingAge, lineB.womenOfChildbearingAge);
        assertEquals(2, lineA.womenOfChildbearingAge);
        assertTrue(lineA.hasChildren);
        assertEquals(4, statistics.population(street, A).total);

        // B asking for A: refused as if A did not exist; a malformed code names the field
        RenkouException denied = assertThrows(RenkouException.class, () -> statistics.population(officerB, A));
        assertEquals(RenkouException.Kind.NOT_FOUND, denied.kind());
        assertEquals("jurisdiction", denied.field());
        assertEquals("jurisdiction", assertThrows(RenkouException.class,
                () -> statistics.population(street, "44x")).field());
        assertEquals(RenkouException.Kind.NOT_FOUND, assertThrows(RenkouException.class,
                () -> statistics.population(street, "440606901999")).kind());
    }

    /** A clock the test sets. */
    private static final class SetClock extends Clock {
        volatile Instant now;

        SetClock(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aRoutineRefreshSkipsTheBuildWhileNothingChanged() throws Exception {
        snapshots.stop();
        SetClock at = new SetClock("2026-06-15T15:00:00Z"); // 23:00 in China
        snapshots = new StatisticsSnapshots(core.database(), at, leader);
        long first = snapshots.request("START").get(60, TimeUnit.SECONDS);
        at.now = Instant.parse("2026-06-15T15:05:00Z");
        assertEquals(first, snapshots.request("SCHEDULE").get(60, TimeUnit.SECONDS), "nothing changed: kept");
        assertEquals(first, snapshots.request("START").get(60, TimeUnit.SECONDS), "a restart keeps it too");
        core.audit().record(street, AuditAction.READ_SENSITIVE, "resident", "1", A, null, "核对");
        core.audit().record(officerB, AuditAction.DENIED, "resident", "1", A, null, null);
        assertEquals(first, snapshots.request("SCHEDULE").get(60, TimeUnit.SECONDS),
                "a read and a refusal change nothing counted: kept");

        resident("44060619900101001", A, A, ResidenceStatus.REGISTERED, MaritalStatus.MARRIED); // audited
        long changed = snapshots.request("SCHEDULE").get(60, TimeUnit.SECONDS);
        assertNotEquals(first, changed, "a change since the snapshot: rebuilt");
        assertEquals(1, statistics.population(officerA, null).total);
        assertEquals(changed, snapshots.request("SCHEDULE").get(60, TimeUnit.SECONDS));

        at.now = Instant.parse("2026-06-15T16:10:00Z"); // 00:10 the next day in China: the ages move
        long nextDay = snapshots.request("SCHEDULE").get(60, TimeUnit.SECONDS);
        assertNotEquals(changed, nextDay, "a new day: rebuilt");
        at.now = at.now.plus(StatisticsSnapshots.UNCHANGED_MAX_AGE).plusSeconds(1);
        long hourLater = snapshots.request("SCHEDULE").get(60, TimeUnit.SECONDS);
        assertNotEquals(nextDay, hourLater, "older than the bound: rebuilt even without a change");
        assertNotEquals(hourLater, snapshots.request("MANUAL").get(60, TimeUnit.SECONDS), "asked for: always built");
    }

    @Test
    void aNodeThatDoesNotLeadBuildsNoRoutineSnapshot() throws Exception {
        resident("44060619900101001", A, A, ResidenceStatus.REGISTERED, MaritalStatus.MARRIED);
        leader.leads = false;
        assertNull(snapshots.routine("START"), "another node leads: no build at start");
        assertNull(snapshots.routine("SCHEDULE"), "nor on the timer");
        assertTrue(snapshots.current().isEmpty(), "no snapshot was built here");
        assertEquals(Map.of(), leader.ran);

        leader.leads = true; // the leader died and this node took the lock
        long built = snapshots.routine("SCHEDULE").get(60, TimeUnit.SECONDS);
        assertEquals(built, snapshots.current().orElseThrow().id);
        assertEquals(Map.of(StatisticsSnapshots.JOB, 1), leader.ran);
        leader.leads = false;
        assertNotEquals(built, snapshots.request("MANUAL").get(60, TimeUnit.SECONDS),
                "an administrator's request builds on the node asked, leader or not");
    }

    /** {@link ClusterJobs} as one node sees it, counting the runs it let through. */
    static final class Leader implements ClusterJobs {
        volatile boolean leads = true;
        final Map<String, Integer> ran = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public boolean runIfLeader(String jobName, Runnable job) {
            if (!leads) {
                return false;
            }
            ran.merge(jobName, 1, Integer::sum);
            job.run();
            return true;
        }

        @Override
        public boolean leads() {
            return leads;
        }
    }

    @Test
    void newResidentsCountOnlyAfterTheNextSnapshot() throws Exception {
        resident("44060619960101002", A, null, ResidenceStatus.REGISTERED, null);
        long first = refresh();
        assertEquals(1, statistics.dashboard(officerA).residents);
        resident("44060619960101010", A, null, ResidenceStatus.REGISTERED, null);
        assertEquals(1, statistics.dashboard(officerA).residents); // still the old snapshot
        long second = refresh();
        assertNotEquals(first, second);
        assertEquals(2, statistics.dashboard(officerA).residents);
        assertEquals(second, statistics.snapshot().id);
        assertEquals(0, statistics.dashboard(officerB).residents);
    }

    @Test
    void periodsAndRolesAreChecked() throws Exception {
        refresh();
        assertEquals("from", assertThrows(RenkouException.class, () -> statistics.activity(officerA, null,
                YearMonth.of(2026, 5), YearMonth.of(2026, 1))).field());
        assertEquals("to", assertThrows(RenkouException.class, () -> statistics.activity(officerA, null,
                YearMonth.of(2000, 1), YearMonth.of(2026, 1))).field());
        assertEquals(12, statistics.activity(officerA, null, null, null).months.size());
        assertEquals("2026-06", statistics.activity(officerA, null, null, null).to);
        assertEquals(RenkouException.Kind.FORBIDDEN, assertThrows(RenkouException.class,
                () -> statistics.refresh(street)).kind());
        assertEquals(LocalDate.of(2026, 6, 15), snapshots.current().orElseThrow().asOfDate());
    }

    /** An application row as the benefit service writes it (the scheme bundles are not needed to count). */
    private void application(String jurisdiction, String status, String chain, Integer step, LocalDate noticeUntil,
            long applicantId) {
        core.database().tx(em -> em.createNativeQuery("INSERT INTO BENEFIT_APPLICATION (SCHEME_ID, SCHEME_NAME_ZH, "
                + "SCHEME_NAME_EN, PROVINCE_CODE, APPLICANT_ID, JURISDICTION_CODE, APPLIED_ON, AMOUNT, AMOUNT_PERIOD, "
                + "APPROVAL_CHAIN, STATUS, CURRENT_STEP, NOTICE_UNTIL, VERSION, CREATED_AT, UPDATED_AT) VALUES "
                + "('t', '测试', 'test', '44', ?, ?, ?, 1, 'MONTHLY', ?, ?, ?, ?, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
                .setParameter(1, applicantId).setParameter(2, jurisdiction).setParameter(3, LocalDate.of(2026, 6, 1))
                .setParameter(4, chain).setParameter(5, status).setParameter(6, step).setParameter(7, noticeUntil)
                .executeUpdate());
    }

    @Test
    void pendingDecisionsAreCountedLiveForTheCallersLevelAndPlace() throws Exception {
        resident("44060619500101001", A, null, ResidenceStatus.REGISTERED, null);
        long applicant = core.residents().search(Caller.SYSTEM, null).items.get(0).id;
        String chain = "COMMUNITY:7,STREET:7,COUNTY:0";
        LocalDate today = LocalDate.now(clock);
        application(A, "IN_REVIEW", chain, 0, today.plusDays(3), applicant);    // A's step, notice running
        application(A, "IN_REVIEW", chain, 0, today, applicant);                // A's step, notice over today
        application(A, "IN_REVIEW", chain, 1, today, applicant);                // at the street
        application(B, "IN_REVIEW", chain, 0, today, applicant);                // B's
        application(A, "APPROVED", "COMMUNITY:7", null, null, applicant);       // A records the payment
        application(A, "REJECTED", chain, 0, today, applicant);                 // decided
        refresh();
        var a = statistics.dashboard(officerA);
        assertEquals(3, a.pendingForMe);
        assertEquals(2, a.pendingReadyForMe);
        Caller streetDirector = new Caller("d", Set.of(Role.DIRECTOR), Set.of(STREET));
        assertEquals(1, statistics.dashboard(streetDirector).pendingForMe);
        assertEquals(1, statistics.dashboard(officerB).pendingForMe);
        assertEquals(0, statistics.dashboard(street).pendingForMe); // a statistician decides nothing
        // from the snapshot: all six by status, within A's reach five
        assertEquals(3, key(a.applicationsByStatus, "IN_REVIEW").total);
        assertEquals(1, key(a.applicationsByStatus, "APPROVED").total);
        assertEquals(1, key(a.applicationsByStatus, "REJECTED").total);
    }
}
