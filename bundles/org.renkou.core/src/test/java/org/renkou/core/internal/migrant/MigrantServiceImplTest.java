package org.renkou.core.internal.migrant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.CitizenId;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.migrant.CertificateSeenDTO;
import org.renkou.core.api.migrant.DepartureDTO;
import org.renkou.core.api.migrant.HandoverDTO;
import org.renkou.core.api.migrant.HandoverKind;
import org.renkou.core.api.migrant.MigrantCertificate;
import org.renkou.core.api.migrant.MigrantDTO;
import org.renkou.core.api.migrant.MigrantNoteDTO;
import org.renkou.core.api.migrant.MigrantQuery;
import org.renkou.core.api.migrant.MigrantStatus;
import org.renkou.core.api.resident.ResidenceStatus;
import org.renkou.core.internal.audit.AuditServiceImpl;
import org.renkou.core.internal.db.TestClock;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.jurisdiction.JurisdictionServiceImpl;
import org.renkou.core.internal.resident.ResidentServiceImpl;
import org.renkou.core.internal.sample.SampleData;

/** Migrant registration with dual jurisdiction on the real persistence unit and a real Derby database. */
public class MigrantServiceImplTest {
    public static final String GD_COMMUNITY = "440606901001";
    public static final String GD_OTHER_COMMUNITY = "440606901002";
    public static final String YN_COMMUNITY = "530102901001";
    public static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    private TestDatabase db;
    private TestClock clock;
    private MigrantServiceImpl migrants;
    private ResidentServiceImpl residents;
    private AuditServiceImpl audit;
    /** Residence place (现居住地) in Guangdong. */
    public static final Caller GD = new Caller("gd", Set.of(Role.FAMILY_SERVICES), Set.of(GD_COMMUNITY));
    /** Registration place (户籍地) in Yunnan. */
    public static final Caller YN = new Caller("yn", Set.of(Role.FAMILY_SERVICES), Set.of(YN_COMMUNITY));
    /** A third community, neither. */
    public static final Caller OTHER = new Caller("other", Set.of(Role.FAMILY_SERVICES), Set.of(GD_OTHER_COMMUNITY));
    private final Caller residence = GD;
    private final Caller registration = YN;
    private final Caller other = OTHER;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase();
        SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database));
        clock = new TestClock(NOW, ChinaTime.ZONE);
        migrants = new MigrantServiceImpl(db.database, clock);
        residents = ResidentServiceImpl.on(db.database);
        audit = AuditServiceImpl.on(db.database);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    public static MigrantDTO migrant(String first17, String name) {
        MigrantDTO d = new MigrantDTO();
        d.idNumber = first17 + CitizenId.checkChar(first17);
        d.name = name;
        d.residenceCode = GD_COMMUNITY;
        d.registrationCode = YN_COMMUNITY;
        d.arrivalDate = LocalDate.of(2026, 2, 20);
        d.certificates.add(certificate("婚育-001", LocalDate.of(2026, 2, 25)));
        return d;
    }

    static CertificateSeenDTO certificate(String number, LocalDate seenOn) {
        CertificateSeenDTO c = new CertificateSeenDTO();
        c.type = MigrantCertificate.MARRIAGE_BIRTH_CERTIFICATE;
        c.number = number;
        c.seenOn = seenOn;
        return c;
    }

    @Test
    void visibleToResidenceAndRegistrationPlaceOnly() {
        MigrantDTO m = migrants.register(residence, migrant("53010219950101002", "李梅"));
        assertEquals(MigrantStatus.PRESENT, m.status);
        assertEquals(GD_COMMUNITY, m.responsibleCode);
        assertTrue(m.editable);
        assertEquals(ResidenceStatus.MIGRANT, residents.find(residence, m.residentId).orElseThrow().status);

        MigrantDTO seen = migrants.find(registration, m.id).orElseThrow();
        assertEquals("婚育-001", seen.certificates.get(0).number);
        assertFalse(seen.editable);
        assertEquals(1, migrants.search(registration, new MigrantQuery()).total);
        assertTrue(migrants.search(registration, new MigrantQuery()).items.get(0).idNumber.contains("*"), "masked");

        assertKind(RenkouException.Kind.NOT_FOUND, () -> migrants.find(other, m.id));
        assertEquals(0, migrants.search(other, new MigrantQuery()).total);
        assertTrue(audit.history(Caller.SYSTEM, "migrant", m.id.toString()).stream()
                .anyMatch(a -> a.action == AuditAction.DENIED && a.actor.equals("other")));
    }

    /**
     * The list on a unit without a shared cache, as every unit on PostgreSQL is (PersistenceUnits.unitProperties):
     * there EclipseLink's batch read of the certificates put objects into the transaction that its flush could not
     * compare (NullPointerException on CertificateSeen.number, a 500 in MigrantExchangeIT on PostgreSQL).
     */
    @Test
    void listOnUnitWithoutSharedCache() {
        db.close();
        db = new TestDatabase(Map.of("eclipselink.cache.shared.default", "false"));
        SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database));
        migrants = new MigrantServiceImpl(db.database, clock);
        MigrantDTO m = migrants.register(residence, migrant("53010219950101002", "李梅"));
        MigrantQuery byRegistration = new MigrantQuery();
        byRegistration.registrationCode = "530102";
        Caller county = new Caller("county", Set.of(Role.FAMILY_SERVICES), Set.of("530102"));
        for (Caller c : List.of(registration, residence, county)) { // the narrow list and the one walking the index
            org.renkou.core.api.Page<MigrantDTO> page = migrants.search(c, byRegistration);
            assertEquals(1, page.total, c.username());
            assertEquals(List.of("婚育-001"), page.items.get(0).certificates.stream().map(x -> x.number).toList());
        }
        assertEquals(m.id, migrants.search(registration, byRegistration).items.get(0).id);
    }

    @Test
    void listIsNewestArrivalFirstInPagesWithNamesAndCertificates() {
        String[] names = {"赵一", "钱二", "孙三", "李四", "周五"};
        int[] days = {3, 20, 11, 20, 1}; // two on the same day: the newer registration first
        for (int i = 0; i < names.length; i++) {
            MigrantDTO d = migrant("5301021995010110" + i, names[i]);
            d.arrivalDate = LocalDate.of(2026, 2, days[i]);
            d.certificates.add(certificate("婚育-10" + i, d.arrivalDate));
            migrants.register(residence, d);
        }
        MigrantQuery q = new MigrantQuery();
        q.limit = 2;
        List<String> seen = new java.util.ArrayList<>();
        for (int offset = 0; offset < names.length; offset += 2) {
            q.offset = offset;
            org.renkou.core.api.Page<MigrantDTO> page = migrants.search(registration, q);
            assertEquals(names.length, page.total);
            for (MigrantDTO m : page.items) {
                seen.add(m.name + " " + m.arrivalDate.getDayOfMonth() + " " + m.certificates.size());
                assertTrue(m.idNumber.contains("*"), "masked");
            }
        }
        assertEquals(List.of("李四 20 2", "钱二 20 2", "孙三 11 2", "赵一 3 2", "周五 1 2"), seen);
        q.offset = 0;
        q.name = "孙";
        assertEquals(List.of("孙三"), migrants.search(residence, q).items.stream().map(m -> m.name).toList());
        q.name = "欧阳";
        assertEquals(0, migrants.search(residence, q).total, "nobody of that name");
        q.name = "孙";
        q.status = MigrantStatus.DEPARTED;
        assertEquals(0, migrants.search(residence, q).total, "the name and the other conditions");
    }

    /**
     * The page's ids come from walking V20's covering index in its order: no table scan and no sort of every
     * registration in reach (0.2–0.4 s a page with 50,000 registrations before it, distribution/bench/ui.sh).
     */
    @Test
    void listPageWalksTheListIndexWithoutSorting() {
        for (int i = 0; i < 3; i++) {
            migrants.register(residence, migrant("5301021995010120" + i, "吴" + i));
        }
        String plan = db.database.tx(em -> {
            java.sql.Connection c = em.unwrap(java.sql.Connection.class);
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
                // the statement MigrantServiceImpl.page runs for a street officer (EclipseLink's SQL for it; a
                // community's list reads the code indexes instead, see communityListReadsTheCodeIndexesNotTheListIndex)
                try (java.sql.ResultSet rs = s.executeQuery("SELECT ID, ARRIVAL_DATE FROM MIGRANT WHERE"
                        + " (RESIDENCE_CODE LIKE '440606901%' OR RESPONSIBLE_CODE LIKE '440606901%'"
                        + " OR REGISTRATION_CODE LIKE '440606901%') AND STATUS = 'PRESENT'"
                        + " ORDER BY ARRIVAL_DATE DESC, ID DESC")) {
                    while (rs.next()) {
                        // all of them
                    }
                }
                try (java.sql.ResultSet rs = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                    rs.next();
                    String text = rs.getString(1);
                    s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)");
                    return text;
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(plan.contains("using index IX_MIGRANT_LIST"), plan);
        assertFalse(plan.contains("Sort ResultSet"), plan);
    }

    /**
     * A community's list (and a list filtered to a community) is read through the three code indexes and sorted in
     * the service instead of walking {@code IX_MIGRANT_LIST}: the same rows, order, pages and total as the walk that
     * the county's list keeps. Registrations reach a community by residence (also a resident group below it), by
     * responsibility after a handover, by registration place, or as a residence move out; some have departed; several
     * share an arrival day (the newer registration first).
     */
    @Test
    void communityListsHaveTheRowsOrderAndPagesOfTheCountysWalk() {
        String group = GD_COMMUNITY + "001";
        Caller both = new Caller("both", Set.of(Role.FAMILY_SERVICES), Set.of(GD_COMMUNITY, GD_OTHER_COMMUNITY));
        Caller groupOfficer = new Caller("group", Set.of(Role.FAMILY_SERVICES), Set.of(group));
        Caller county = new Caller("county", Set.of(Role.FAMILY_SERVICES), Set.of("440606", "530102"));
        String[][] places = { // residence, registration place
            {GD_COMMUNITY, YN_COMMUNITY}, {GD_OTHER_COMMUNITY, YN_COMMUNITY}, {group, YN_COMMUNITY},
            {GD_OTHER_COMMUNITY, GD_COMMUNITY}, {GD_COMMUNITY, "530102"}, {GD_OTHER_COMMUNITY, "230102901001"}};
        for (int i = 0; i < 24; i++) {
            MigrantDTO d = migrant("530102199501013" + String.format("%02d", i), "郑" + i);
            d.residenceCode = places[i % places.length][0];
            d.registrationCode = places[i % places.length][1];
            d.arrivalDate = LocalDate.of(2026, 1, 1 + (i * 7) % 5); // five days: ties broken by id
            Caller office = d.residenceCode.startsWith(GD_COMMUNITY) ? residence : other;
            MigrantDTO m = migrants.register(office, d);
            if (i % 5 == 1) { // GD_OTHER's office hands the stay data (and later a move) to GD_COMMUNITY
                HandoverDTO h = new HandoverDTO();
                h.kind = i % 10 == 1 ? HandoverKind.RESPONSIBILITY : HandoverKind.RESIDENCE_MOVE;
                h.toCode = d.residenceCode.startsWith(GD_COMMUNITY) ? GD_OTHER_COMMUNITY : GD_COMMUNITY;
                h.reason = "测试移交";
                h.version = m.version;
                migrants.handOver(office, m.id, h);
                m = migrants.find(county, m.id).orElseThrow();
                office = m.responsibleCode.startsWith(GD_COMMUNITY) ? residence : other;
            }
            if (i % 4 == 3) {
                migrants.depart(office, m.id, departure(m.version));
            }
        }
        MigrantQuery all = new MigrantQuery();
        all.limit = 500;
        List<MigrantDTO> walk = migrants.search(county, all).items;
        assertEquals(24, walk.size());
        for (Caller c : List.of(residence, other, registration, both, groupOfficer)) {
            for (MigrantStatus status : new MigrantStatus[] {null, MigrantStatus.PRESENT, MigrantStatus.DEPARTED}) {
                List<Long> expected = walk.stream().filter(m -> status == null || m.status == status)
                        .filter(m -> c.coversAny(m.residenceCode, m.responsibleCode, m.registrationCode))
                        .map(m -> m.id).toList();
                assertPages(expected, c, status, null);
            }
        }
        assertTrue(migrants.search(registration, new MigrantQuery()).total > 0, "a fixture with rows to compare");
        // the county's list filtered to a community takes the same road
        for (String code : List.of(GD_COMMUNITY, group, YN_COMMUNITY)) {
            List<Long> expected = walk.stream().filter(m -> m.status == MigrantStatus.PRESENT)
                    .filter(m -> Stream.of(m.residenceCode, m.responsibleCode, m.registrationCode)
                            .anyMatch(x -> x.startsWith(code)))
                    .map(m -> m.id).toList();
            assertPages(expected, county, MigrantStatus.PRESENT, code);
        }
    }

    /**
     * What the community's list sends to the database (read back from Derby's statement cache) finds the rows
     * through the code indexes: it does not walk {@code IX_MIGRANT_LIST} (V20) in list order, which for a community
     * reads most of the index before a page is full (distribution/bench/ui.sh: 371/498 ms p95 with 50,000
     * registrations), nor scan the table.
     */
    @Test
    void communityListReadsTheCodeIndexesNotTheListIndex() {
        MigrantDTO elsewhere = migrant("53010219950101400", "冯一");
        elsewhere.residenceCode = GD_OTHER_COMMUNITY;
        long person = migrants.register(other, elsewhere).residentId;
        for (int i = 0; i < 3; i++) {
            migrants.register(residence, migrant("5301021995010141" + i, "冯" + i));
        }
        String pattern = GD_COMMUNITY + "%";
        db.database.tx(em -> {
            java.sql.Connection c = em.unwrap(java.sql.Connection.class);
            try (java.sql.PreparedStatement add = c.prepareStatement("INSERT INTO MIGRANT (RESIDENT_ID,"
                    + " REGISTRATION_CODE, RESIDENCE_CODE, RESPONSIBLE_CODE, ARRIVAL_DATE, STATUS, VERSION, CREATED_AT,"
                    + " UPDATED_AT) VALUES (?, '230102901001', ?, ?, ?, 'PRESENT', 1, CURRENT_TIMESTAMP,"
                    + " CURRENT_TIMESTAMP)")) {
                for (int i = 0; i < 3000; i++) { // the other community's registrations: the bulk of the index
                    add.setLong(1, person);
                    add.setString(2, GD_OTHER_COMMUNITY);
                    add.setString(3, GD_OTHER_COMMUNITY);
                    add.setDate(4, java.sql.Date.valueOf(LocalDate.of(2025, 1, 1).plusDays(i % 400)));
                    add.addBatch();
                }
                add.executeBatch();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
        assertEquals(3, migrants.search(residence, new MigrantQuery()).total);
        List<String> plans = db.database.tx(em -> {
            java.sql.Connection c = em.unwrap(java.sql.Connection.class);
            List<String> out = new java.util.ArrayList<>();
            try (java.sql.Statement s = c.createStatement();
                    java.sql.ResultSet sent = s.executeQuery("SELECT SQL_TEXT FROM SYSCS_DIAG.STATEMENT_CACHE")) {
                List<String> texts = new java.util.ArrayList<>();
                while (sent.next()) {
                    String sql = sent.getString(1);
                    // the list's statements: of MIGRANT, each parameter a code pattern (the caller's reach)
                    if (sql.contains("FROM MIGRANT WHERE") && sql.contains("LIKE ?")
                            && sql.split("\\?", -1).length == sql.split("LIKE \\?", -1).length) {
                        texts.add(sql);
                    }
                }
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(1)");
                for (String sql : texts) { // again, every parameter the community's pattern (no other condition)
                    try (java.sql.PreparedStatement again = c.prepareStatement(sql)) {
                        for (int i = 1; i <= again.getParameterMetaData().getParameterCount(); i++) {
                            again.setString(i, pattern);
                        }
                        try (java.sql.ResultSet rs = again.executeQuery()) {
                            while (rs.next()) {
                                // all of them
                            }
                        }
                    }
                    try (java.sql.ResultSet rs = s.executeQuery("VALUES SYSCS_UTIL.SYSCS_GET_RUNTIMESTATISTICS()")) {
                        rs.next();
                        out.add(rs.getString(1));
                    }
                }
                s.execute("CALL SYSCS_UTIL.SYSCS_SET_RUNTIMESTATISTICS(0)");
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
            return out;
        });
        assertFalse(plans.isEmpty(), "the list's statements are in the cache");
        for (String plan : plans) {
            assertFalse(plan.contains("IX_MIGRANT_LIST"), plan);
            assertFalse(plan.contains("Table Scan ResultSet for MIGRANT"), plan);
        }
        for (String column : List.of("RESIDENCE", "RESPONSIBLE", "REGISTRATION")) { // Derby names a shared index by its FK
            assertTrue(plans.stream().anyMatch(p -> p.contains("using index IX_MIGRANT_" + column + " ")
                    || p.contains("using constraint FK_MIGRANT_" + column + " ")), column + ": " + plans);
        }
    }

    /** Every page of 3 (and one page of all) of the caller's list equals {@code expected} cut the same way. */
    private void assertPages(List<Long> expected, Caller caller, MigrantStatus status, String jurisdiction) {
        MigrantQuery q = query(status);
        q.jurisdictionCode = jurisdiction;
        q.limit = 500;
        org.renkou.core.api.Page<MigrantDTO> one = migrants.search(caller, q);
        String what = caller.username() + " " + status + " " + jurisdiction;
        assertEquals(expected, one.items.stream().map(m -> m.id).toList(), what);
        assertEquals(expected.size(), one.total, what);
        q.limit = 3;
        for (int offset = 0; offset <= expected.size(); offset += 3) {
            q.offset = offset;
            org.renkou.core.api.Page<MigrantDTO> page = migrants.search(caller, q);
            assertEquals(expected.subList(offset, Math.min(offset + 3, expected.size())),
                    page.items.stream().map(m -> m.id).toList(), what + " offset " + offset);
            assertEquals(expected.size(), page.total, what);
        }
    }

    @Test
    void registrationPlaceReadsAndAddsNotesButCannotChangeStayData() {
        MigrantDTO m = migrants.register(residence, migrant("53010219950101003", "王芳"));
        MigrantDTO change = migrants.find(registration, m.id).orElseThrow();
        change.arrivalDate = LocalDate.of(2026, 2, 1);
        assertKind(RenkouException.Kind.FORBIDDEN, () -> migrants.update(registration, m.id, change));
        assertKind(RenkouException.Kind.FORBIDDEN, () -> migrants.depart(registration, m.id, departure(m.version)));

        MigrantNoteDTO note = new MigrantNoteDTO();
        note.text = "户籍地已核实婚育情况。";
        MigrantNoteDTO written = migrants.addNote(registration, m.id, note);
        assertEquals(YN_COMMUNITY, written.side);
        MigrantNoteDTO reply = new MigrantNoteDTO();
        reply.text = "收到。";
        reply.replyTo = written.id;
        migrants.addNote(residence, m.id, reply);
        MigrantDTO read = migrants.find(residence, m.id).orElseThrow();
        assertEquals(List.of("yn", "gd"), read.notes.stream().map(n -> n.by).toList());
        assertEquals(written.id, read.notes.get(1).replyTo);
        assertEquals(m.version, read.version, "notes do not change the stay data");
        assertKind(RenkouException.Kind.NOT_FOUND, () -> migrants.addNote(other, m.id, note));
    }

    @Test
    void residencePlaceUpdatesWithVersionAndFieldsAreNamed() {
        MigrantDTO m = migrants.register(residence, migrant("53010219950101004", "张丽"));
        m.certificates.add(certificate("生育-9", LocalDate.of(2026, 3, 1)));
        MigrantDTO updated = migrants.update(residence, m.id, m);
        assertEquals(2, updated.certificates.size());
        assertEquals(m.version + 1, updated.version);
        // the old version again: 409, nothing overwritten
        m.certificates.clear();
        assertKind(RenkouException.Kind.CONFLICT, () -> migrants.update(residence, m.id, m));
        assertEquals(2, migrants.find(residence, m.id).orElseThrow().certificates.size());

        updated.certificates.get(1).number = " ";
        assertEquals("certificates[1].number",
                assertThrows(RenkouException.class, () -> migrants.update(residence, m.id, updated)).field());
        updated.certificates.get(1).number = "生育-9";
        updated.arrivalDate = LocalDate.of(2026, 3, 3); // tomorrow by the clock
        assertEquals("arrivalDate",
                assertThrows(RenkouException.class, () -> migrants.update(residence, m.id, updated)).field());
        MigrantDTO same = migrant("53010219950101004", "张丽");
        assertEquals("idNumber", assertThrows(RenkouException.class, () -> migrants.register(residence, same)).field());
        MigrantDTO home = migrant("53010219950101005", "赵敏");
        home.registrationCode = GD_COMMUNITY;
        assertEquals("registrationCode",
                assertThrows(RenkouException.class, () -> migrants.register(residence, home)).field());
        MigrantDTO elsewhere = migrant("53010219950101006", "钱红");
        assertEquals("residenceCode",
                assertThrows(RenkouException.class, () -> migrants.register(registration, elsewhere)).field());
    }

    @Test
    void handoverMovesResidenceAndIsLogged() {
        MigrantDTO m = migrants.register(residence, migrant("53010219950101007", "孙丽"));
        HandoverDTO h = new HandoverDTO();
        h.kind = HandoverKind.RESIDENCE_MOVE;
        h.toCode = GD_OTHER_COMMUNITY;
        h.reason = "迁居到示例二社区";
        h.version = m.version;
        HandoverDTO done = migrants.handOver(residence, m.id, h);
        assertEquals(GD_COMMUNITY, done.fromCode);
        assertEquals("gd", done.by);

        // the new community keeps the record now; the old one no longer sees it
        MigrantDTO moved = migrants.find(other, m.id).orElseThrow();
        assertEquals(GD_OTHER_COMMUNITY, moved.residenceCode);
        assertTrue(moved.editable);
        assertEquals(1, moved.handovers.size());
        assertEquals(GD_OTHER_COMMUNITY, residents.find(other, m.residentId).orElseThrow().residenceCode);
        assertKind(RenkouException.Kind.NOT_FOUND, () -> migrants.find(residence, m.id));
        assertEquals(1, migrants.handovers(registration, m.id).size());
        // the resident row follows the registration; it cannot be moved behind the registration's back
        org.renkou.core.api.resident.ResidentDTO person = residents.find(other, m.residentId).orElseThrow();
        person.residenceCode = GD_COMMUNITY;
        assertEquals("residenceCode", assertThrows(RenkouException.class,
                () -> residents.update(Caller.SYSTEM, m.residentId, person)).field());
        assertTrue(audit.history(Caller.SYSTEM, "migrant", m.id.toString()).stream()
                .anyMatch(a -> a.action == AuditAction.UPDATE && "迁居到示例二社区".equals(a.reason)));

        h.version = moved.version;
        h.toCode = "999999901001";
        assertEquals("toCode", assertThrows(RenkouException.class, () -> migrants.handOver(other, m.id, h)).field());
    }

    @Test
    void departureIsRecordedOnce() {
        MigrantDTO m = migrants.register(residence, migrant("53010219950101008", "周洁"));
        DepartureDTO d = departure(m.version);
        MigrantDTO left = migrants.depart(residence, m.id, d);
        assertEquals(MigrantStatus.DEPARTED, left.status);
        assertEquals("530102", left.destinationCode);
        assertEquals(1, migrants.search(registration, query(MigrantStatus.DEPARTED)).total);
        assertEquals(0, migrants.search(registration, query(MigrantStatus.PRESENT)).total);
        d.version = left.version;
        assertKind(RenkouException.Kind.CONFLICT, () -> migrants.depart(residence, m.id, d));
        DepartureDTO early = departure(left.version);
        early.departureDate = null;
        assertEquals("departureDate",
                assertThrows(RenkouException.class, () -> migrants.depart(residence, m.id, early)).field());
        assertNull(migrants.find(registration, m.id).orElseThrow().phone);
    }

    @Test
    void aMigrantWhoLeftComesBackAsTheSamePersonWithANewStay() {
        MigrantDTO first = migrants.register(residence, migrant("53010219950101009", "吴芳"));
        MigrantDTO meanwhile = migrant("53010219950101009", "吴芳");
        meanwhile.residenceCode = GD_OTHER_COMMUNITY;
        assertKind(RenkouException.Kind.CONFLICT, () -> migrants.register(other, meanwhile));
        migrants.depart(residence, first.id, departure(first.version));

        MigrantDTO wrongName = migrant("53010219950101009", "吴芬");
        wrongName.residenceCode = GD_OTHER_COMMUNITY;
        assertEquals("name", assertThrows(RenkouException.class, () -> migrants.register(other, wrongName)).field());
        MigrantDTO early = migrant("53010219950101009", "吴芳");
        early.residenceCode = GD_OTHER_COMMUNITY;
        early.arrivalDate = LocalDate.of(2026, 2, 28);
        assertEquals("arrivalDate", assertThrows(RenkouException.class, () -> migrants.register(other, early)).field());

        MigrantDTO again = migrant("53010219950101009", "吴芳");
        again.residenceCode = GD_OTHER_COMMUNITY;
        again.arrivalDate = LocalDate.of(2026, 3, 2);
        MigrantDTO second = migrants.register(other, again);
        assertEquals(first.residentId, second.residentId, "the same person");
        assertEquals(MigrantStatus.PRESENT, second.status);
        assertEquals(GD_OTHER_COMMUNITY, residents.find(other, second.residentId).orElseThrow().residenceCode);
        MigrantQuery byId = new MigrantQuery();
        byId.idNumber = again.idNumber;
        assertEquals(2, migrants.search(registration, byId).total, "both stays, the ended one kept");
        assertEquals(MigrantStatus.DEPARTED, migrants.find(residence, first.id).orElseThrow().status);
        assertKind(RenkouException.Kind.CONFLICT, () -> migrants.register(residence, migrant("53010219950101009", "吴芳")));
        assertTrue(audit.history(Caller.SYSTEM, "resident", second.residentId.toString()).stream()
                .anyMatch(a -> a.action == AuditAction.UPDATE && a.actor.equals("other")));
    }

    private static MigrantQuery query(MigrantStatus status) {
        MigrantQuery q = new MigrantQuery();
        q.status = status;
        return q;
    }

    private static DepartureDTO departure(long version) {
        DepartureDTO d = new DepartureDTO();
        d.departureDate = LocalDate.of(2026, 3, 1);
        d.destinationCode = "530102";
        d.destinationNote = "返回户籍地";
        d.version = version;
        return d;
    }

    public static void assertKind(RenkouException.Kind kind, Executable call) {
        assertEquals(kind, assertThrows(RenkouException.class, call).kind());
    }
}
