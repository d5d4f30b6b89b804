package org.renkou.core.internal.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.CitizenId;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.audit.AuditEntryDTO;
import org.renkou.core.api.household.HouseholdDTO;
import org.renkou.core.api.household.HouseholdMemberDTO;
import org.renkou.core.api.household.Relation;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.ResidentQuery;
import org.renkou.core.internal.audit.AuditServiceImpl;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.household.HouseholdServiceImpl;
import org.renkou.core.internal.jurisdiction.JurisdictionServiceImpl;
import org.renkou.core.internal.sample.SampleData;

/** Residents, households and audit on the real persistence unit and a real Derby database. */
public class ResidentServiceImplTest {
    public static final String COMMUNITY_A = "440606901001";
    public static final String COMMUNITY_B = "440606901002";

    private TestDatabase db;
    private ResidentServiceImpl residents;
    private HouseholdServiceImpl households;
    private AuditServiceImpl audit;
    private final Caller officerA = new Caller("a", Set.of(Role.FAMILY_SERVICES), Set.of(COMMUNITY_A));
    private final Caller officerB = new Caller("b", Set.of(Role.FAMILY_SERVICES), Set.of(COMMUNITY_B));
    private final Caller street = new Caller("s", Set.of(Role.DIRECTOR, Role.AUDITOR), Set.of("440606901"));

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase();
        SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database));
        residents = new ResidentServiceImpl(db.database);
        households = HouseholdServiceImpl.on(db.database);
        audit = AuditServiceImpl.on(db.database);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    public static ResidentDTO person(String first17, String name, String residence) {
        ResidentDTO d = new ResidentDTO();
        d.idNumber = first17 + CitizenId.checkChar(first17);
        d.name = name;
        d.residenceCode = residence;
        return d;
    }

    @Test
    void createReadUpdateAreScopedAndAudited() {
        ResidentDTO created = residents.create(officerA, person("44060619900101001", "张三", COMMUNITY_A));
        assertEquals(1L, created.version);
        assertEquals(org.renkou.core.api.Sex.MALE, created.sex);
        // B cannot see A's resident; the refusal is audited
        assertThrows(RenkouException.class, () -> residents.find(officerB, created.id));
        assertTrue(residents.search(officerB, new ResidentQuery()).items.isEmpty());
        assertEquals(1, residents.search(street, new ResidentQuery()).total);

        created.phone = "13800000000";
        ResidentDTO updated = residents.update(officerA, created.id, created);
        assertEquals(2L, updated.version);
        // a second edit with the stale version is refused, nothing overwritten
        created.phone = "13900000000";
        RenkouException stale = assertThrows(RenkouException.class, () -> residents.update(officerA, created.id, created));
        assertEquals(RenkouException.Kind.CONFLICT, stale.kind());
        assertEquals("13800000000", residents.find(officerA, created.id).orElseThrow().phone);

        List<AuditEntryDTO> history = audit.history(street, "resident", created.id.toString());
        assertEquals(List.of(AuditAction.CREATE, AuditAction.DENIED, AuditAction.UPDATE),
                history.stream().map(a -> a.action).toList());
        assertTrue(history.get(2).changes.contains("\"phone\":[null,\"13800000000\"]"), history.get(2).changes);
    }

    @Test
    void sensitiveReadNeedsRoleAndReasonAndIsAudited() {
        ResidentDTO in = person("44060619900101002", "李四", COMMUNITY_A);
        in.healthNote = "过敏史";
        ResidentDTO created = residents.create(officerA, in);
        assertNull(residents.find(officerA, created.id).orElseThrow().healthNote);
        Caller statistician = new Caller("stat", Set.of(Role.STATISTICIAN), Set.of(COMMUNITY_A));
        assertEquals(RenkouException.Kind.FORBIDDEN, assertThrows(RenkouException.class,
                () -> residents.readSensitive(statistician, created.id, "查看")).kind());
        assertEquals("过敏史", residents.readSensitive(officerA, created.id, "随访").healthNote);
        for (String empty : new String[] {"a", ".", "随", "ab!"}) {
            assertEquals("reason", assertThrows(RenkouException.class,
                    () -> residents.readSensitive(officerA, created.id, empty)).field(), empty);
        }
        assertTrue(audit.history(street, "resident", created.id.toString()).stream()
                .anyMatch(a -> a.action == AuditAction.READ_SENSITIVE && "随访".equals(a.reason)));
    }

    /** The audit says a health note was set or changed, nothing from which it could be guessed (no hash, no length). */
    @Test
    void theAuditHoldsNoTraceOfTheHealthNote() throws Exception {
        String note = "已放置宫内节育器";
        ResidentDTO in = person("44060619900101005", "周七", COMMUNITY_A);
        in.healthNote = note;
        ResidentDTO created = residents.create(officerA, in);
        ResidentDTO change = residents.find(officerA, created.id).orElseThrow();
        change.healthNote = "无";
        residents.update(officerA, created.id, change);
        List<AuditEntryDTO> history = audit.history(street, "resident", created.id.toString());
        assertEquals(2, history.stream().filter(a -> a.changes != null && a.changes.contains("healthNote")).count());
        for (AuditEntryDTO a : history) {
            String c = String.valueOf(a.changes);
            for (String secret : List.of(note, "无", Integer.toString(note.hashCode()), Integer.toString("无".hashCode()))) {
                assertTrue(!c.contains(secret), secret + " in " + c);
            }
            assertTrue(!c.matches(".*healthNote[^\\]]*\\d.*"), "a number next to the health note: " + c);
        }

        // entries written before the fix lose the hash in migration V12
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:derby:" + db.folder);
                java.sql.Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO AUDIT_ENTRY (AT_TIME, ACTOR, ACTION_NAME, ENTITY_TYPE, ENTITY_ID, CHANGES) "
                    + "VALUES (CURRENT_TIMESTAMP, 'old', 'UPDATE', 'resident', '999', "
                    + "'{\"name\":[\"a\",\"b\"],\"healthNote\":[null,\"(已填写 / set, 1262832220)\"],\"phone\":[null,\"1\"]}')");
            String sql = new String(getClass().getClassLoader()
                    .getResourceAsStream("db/core/V12__audit_without_sensitive_hash.sql").readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "").trim();
            st.executeUpdate(sql.endsWith(";") ? sql.substring(0, sql.length() - 1) : sql);
            try (java.sql.ResultSet rs = st.executeQuery("SELECT CHANGES FROM AUDIT_ENTRY WHERE ENTITY_ID = '999'")) {
                rs.next();
                assertEquals("{\"name\":[\"a\",\"b\"],\"healthNote\":[\"(已更改 / changed)\",\"(已更改 / changed)\"],"
                        + "\"phone\":[null,\"1\"]}", rs.getString(1));
            }
        }
    }

    /** Statisticians and teachers see ID numbers masked; those who register or issue see them in full. */
    @Test
    void fullIdNumbersOnlyForRolesThatNeedThem() {
        ResidentDTO created = residents.create(officerA, person("44060619900101006", "吴八", COMMUNITY_A));
        for (Role r : new Role[] {Role.STATISTICIAN, Role.TEACHER, Role.AUDITOR}) {
            Caller c = new Caller("x", Set.of(r), Set.of(COMMUNITY_A));
            assertEquals(org.renkou.core.api.CitizenId.mask(created.idNumber),
                    residents.find(c, created.id).orElseThrow().idNumber, r.name());
        }
        assertEquals(created.idNumber, residents.find(officerA, created.id).orElseThrow().idNumber);
    }

    @Test
    void aPersonBelongsToOneHouseholdOnly() {
        ResidentDTO a = residents.create(officerA, person("44060619900101003", "王五", COMMUNITY_A));
        ResidentDTO b = residents.create(officerA, person("44060619920101004", "赵六", COMMUNITY_A));
        HouseholdDTO h = new HouseholdDTO();
        h.number = "H-1";
        h.residenceCode = COMMUNITY_A;
        h.members.add(member(a.id, Relation.HEAD));
        h.members.add(member(b.id, Relation.SPOUSE));
        HouseholdDTO created = households.create(officerA, h);
        assertEquals(2, created.members.size());

        HouseholdDTO other = new HouseholdDTO();
        other.number = "H-2";
        other.residenceCode = COMMUNITY_A;
        other.members.add(member(b.id, Relation.HEAD));
        RenkouException e = assertThrows(RenkouException.class, () -> households.create(officerA, other));
        assertEquals("members[0].residentId", e.field());
        assertTrue(households.search(officerA, null, "H-2", null, null).items.isEmpty(), "nothing half-written");
        // the prefecture named for PostgreSQL's partitions changes no result: by jurisdiction, by scope alone
        assertEquals(1, households.search(street, "440606901", null, null, null).total);
        assertEquals(1, households.search(officerA, null, null, null, null).total);
        assertEquals(0, households.search(officerB, null, null, null, null).total);
    }

    private static HouseholdMemberDTO member(long id, Relation r) {
        HouseholdMemberDTO m = new HouseholdMemberDTO();
        m.residentId = id;
        m.relation = r;
        return m;
    }

    @Test
    void theListCountsEachPersonOnceAcrossBothPlacesAndPagesInNameOrder() {
        residents.create(officerA, person("44060619900101011", "丁一", COMMUNITY_A));
        residents.create(officerB, person("44060619900101021", "乙二", COMMUNITY_B));
        ResidentDTO both = person("44060619900101031", "甲三", COMMUNITY_A);
        both.registrationCode = COMMUNITY_B; // lives in A, registered in B: both see the person
        residents.create(officerA, both);
        ResidentDTO far = person("53010219900101041", "丙四", "530102901001");
        far.registrationCode = COMMUNITY_A; // registered in A, lives in Yunnan
        residents.create(Caller.SYSTEM, far);

        // pinyin order: bǐng, dīng, jiǎ, yǐ
        assertEquals(List.of("丙四", "丁一", "甲三"), names(residents.search(officerA, new ResidentQuery())));
        assertEquals(List.of("甲三", "乙二"), names(residents.search(officerB, new ResidentQuery())));
        var streetPage = residents.search(street, new ResidentQuery());
        assertEquals(4, streetPage.total, "甲三 counts once although both indexes find her");
        // a caller holding the street and one of its communities: the community adds nobody
        Caller overlapping = new Caller("o", Set.of(Role.DIRECTOR), Set.of("440606901", COMMUNITY_A));
        assertEquals(4, residents.search(overlapping, new ResidentQuery()).total);

        ResidentQuery second = new ResidentQuery();
        second.offset = 1;
        second.limit = 2;
        var page = residents.search(Caller.SYSTEM, second);
        assertEquals(4, page.total);
        assertEquals(names(residents.search(Caller.SYSTEM, new ResidentQuery())).subList(1, 3), names(page));

        ResidentQuery inB = new ResidentQuery();
        inB.jurisdictionCode = COMMUNITY_B;
        assertEquals(List.of("甲三", "乙二"), names(residents.search(street, inB)));
        assertTrue(residents.search(officerA, inB).items.stream().allMatch(r -> r.name.equals("甲三")),
                "A's officer filtering on B sees only the person A shares with B");
        ResidentQuery elsewhere = new ResidentQuery();
        elsewhere.jurisdictionCode = "530102901001";
        assertEquals(0, residents.search(officerB, elsewhere).total);
    }

    @Test
    void namesAreInPinyinOrderOnEveryPathAndAcrossPages() {
        // created in code-point order, which is not pinyin order; 龑 (not in GB 2312) and 𠮷 (Extension B) are rare
        String[] created = {"张三", "李四", "王五", "阿七", "龑明", "𠮷祥"};
        for (int i = 0; i < created.length; i++) {
            residents.create(officerA, person("4406061990010" + (200 + i) + "1", created[i], COMMUNITY_A));
        }
        List<String> pinyin = List.of("阿七", "李四", "王五", "张三", "龑明", "𠮷祥");
        assertEquals(pinyin, names(residents.search(officerA, new ResidentQuery())), "the list (index walk)");
        ResidentQuery second = new ResidentQuery();
        second.offset = 2;
        second.limit = 2;
        assertEquals(pinyin.subList(2, 4), names(residents.search(officerA, second)), "page 2 continues page 1");
        ResidentQuery born = new ResidentQuery();
        born.bornTo = java.time.LocalDate.of(2000, 1, 1);
        assertEquals(pinyin, names(residents.search(officerA, born)), "a filtered search (JPQL)");

        // rows of before V19 have no key: the core fills them at start, and the order is the same
        db.database.tx(em -> em.createNativeQuery("UPDATE RESIDENT SET NAME_KEY = NULL").executeUpdate());
        assertEquals(6, NameKeys.backfill(db.database));
        assertEquals(0, NameKeys.backfill(db.database), "nothing left to fill");
        assertEquals(pinyin, names(new ResidentServiceImpl(db.database).search(officerA, new ResidentQuery())));
        // a changed name moves in the list
        ResidentDTO zhang = residents.search(officerA, born).items.get(3);
        ResidentDTO full = residents.find(officerA, zhang.id).orElseThrow();
        full.name = "艾三";
        residents.update(officerA, full.id, full);
        assertEquals(List.of("阿七", "艾三", "李四", "王五", "龑明", "𠮷祥"),
                names(residents.search(officerA, new ResidentQuery())));
    }

    @Test
    void keptTotalsFollowEveryChange() {
        ResidentDTO first = residents.create(officerA, person("44060619900101051", "名一", COMMUNITY_A));
        assertEquals(1, residents.search(officerA, new ResidentQuery()).total);
        residents.create(officerA, person("44060619900101061", "名二", COMMUNITY_A));
        assertEquals(2, residents.search(officerA, new ResidentQuery()).total, "a new resident counts at once");
        first.residenceCode = COMMUNITY_B;
        first.registrationCode = COMMUNITY_B;
        residents.update(street, first.id, first); // the street moves the person to community B
        assertEquals(1, residents.search(officerA, new ResidentQuery()).total, "a move counts at once");
        assertEquals(1, residents.search(officerB, new ResidentQuery()).total);
        assertEquals(List.of("440606", "530102901"), ResidentPages.disjoint(Set.of("530102901", "440606", "440606901")));
    }

    @Test
    void theLookupByIdNumberGivesWhatTheEntityGives() throws Exception {
        ResidentDTO in = person("44060619900101071", "查询", COMMUNITY_A);
        in.phone = "13800000001";
        in.address = "示例路 1 号";
        in.maritalStatus = org.renkou.core.api.resident.MaritalStatus.MARRIED;
        in.hukouNature = org.renkou.core.api.resident.HukouNature.RURAL;
        ResidentDTO created = residents.create(officerA, in);
        ResidentDTO viaEntity = residents.find(officerA, created.id).orElseThrow();
        ResidentDTO viaJdbc = residents.findByIdNumber(officerA, " " + created.idNumber.toLowerCase() + " ").orElseThrow();
        for (java.lang.reflect.Field f : ResidentDTO.class.getFields()) {
            assertEquals(f.get(viaEntity), f.get(viaJdbc), f.getName());
        }
        assertTrue(residents.findByIdNumber(officerB, created.idNumber).isEmpty(), "outside B's reach");
        assertTrue(audit.search(street, new org.renkou.core.api.audit.AuditQuery()).items.stream()
                .anyMatch(a -> a.action == AuditAction.DENIED && "b".equals(a.actor)), "the refusal is on record");
    }

    private static List<String> names(org.renkou.core.api.Page<ResidentDTO> page) {
        return page.items.stream().map(r -> r.name).toList();
    }
}
