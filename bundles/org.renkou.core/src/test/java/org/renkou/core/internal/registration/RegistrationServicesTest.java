package org.renkou.core.internal.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renkou.core.internal.resident.ResidentServiceImplTest.COMMUNITY_A;
import static org.renkou.core.internal.resident.ResidentServiceImplTest.COMMUNITY_B;
import static org.renkou.core.internal.resident.ResidentServiceImplTest.person;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Province;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.Sex;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.certificate.CertificateDTO;
import org.renkou.core.api.certificate.CertificateStatus;
import org.renkou.core.api.certificate.CertificateType;
import org.renkou.core.api.registration.BirthDTO;
import org.renkou.core.api.registration.MarriageDTO;
import org.renkou.core.api.registration.MarriageStatus;
import org.renkou.core.api.resident.MaritalStatus;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.internal.audit.AuditServiceImpl;
import org.renkou.core.internal.certificate.CertificateServiceImpl;
import org.renkou.core.internal.certificate.CertificateTypes;
import org.renkou.core.internal.db.MovableClock;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.jurisdiction.JurisdictionServiceImpl;
import org.renkou.core.internal.resident.ResidentServiceImpl;
import org.renkou.core.internal.sample.SampleData;

/** Marriage and birth registrations and certificates on the real persistence unit and a real Derby database. */
public class RegistrationServicesTest {
    private TestDatabase db;
    private ResidentServiceImpl residents;
    private MarriageServiceImpl marriages;
    private BirthServiceImpl births;
    private CertificateTypes types;
    private CertificateServiceImpl certificates;
    private AuditServiceImpl audit;
    private final Caller officerA = new Caller("a", Set.of(Role.FAMILY_SERVICES), Set.of(COMMUNITY_A));
    private final Caller officerB = new Caller("b", Set.of(Role.FAMILY_SERVICES), Set.of(COMMUNITY_B));
    private final Caller auditor = new Caller("s", Set.of(Role.AUDITOR), Set.of("440606901"));

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase();
        SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database));
        MovableClock clock = new MovableClock(LocalDate.of(2026, 6, 1));
        residents = ResidentServiceImpl.on(db.database);
        marriages = new MarriageServiceImpl(db.database, clock);
        births = new BirthServiceImpl(db.database, clock);
        types = new CertificateTypes();
        certificates = CertificateServiceImpl.on(db.database, types, clock);
        audit = AuditServiceImpl.on(db.database);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private ResidentDTO resident(String first17, String name) {
        return residents.create(officerA, person(first17, name, COMMUNITY_A));
    }

    private static MarriageDTO marriage(long a, long b, LocalDate date, String number) {
        MarriageDTO m = new MarriageDTO();
        m.partyAId = a;
        m.partyBId = b;
        m.marriageDate = date;
        m.authority = "顺德区民政局婚姻登记处";
        m.certificateNumber = number;
        return m;
    }

    public static RenkouException fails(RenkouException.Kind kind, String field, Executable call) {
        RenkouException e = assertThrows(RenkouException.class, call);
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        return e;
    }

    /**
     * A person out of reach named in a body (spouse, parent, child) is answered as a missing id: the same
     * NOT_FOUND on the same field, no sex, marital status or age in the message, and the person unchanged.
     */
    @Test
    void referencesOutOfReachAreNotFoundLikeMissingOnes() {
        ResidentDTO man = resident("44060619900101001", "张伟");
        ResidentDTO remote = residents.create(officerB, person("44060619920202002", "外人", COMMUNITY_B));
        long missing = remote.id + 1000;
        for (long other : new long[] {remote.id, missing}) {
            RenkouException e = fails(RenkouException.Kind.NOT_FOUND, "partyBId",
                    () -> marriages.register(officerA, marriage(man.id, other, LocalDate.of(2026, 5, 1), "J9")));
            assertEquals(PeopleMessages.of(e, other, remote.id), PeopleMessages.of(
                    fails(RenkouException.Kind.NOT_FOUND, "partyBId", () -> marriages.register(officerA,
                            marriage(man.id, missing, LocalDate.of(2026, 5, 1), "J9"))), missing, remote.id));
            // a date that would make her too young must not change the answer (no birth date leak)
            fails(RenkouException.Kind.NOT_FOUND, "partyBId",
                    () -> marriages.register(officerA, marriage(man.id, other, LocalDate.of(1999, 5, 1), "J9")));
            BirthDTO birth = new BirthDTO();
            birth.fatherId = man.id;
            birth.motherId = other;
            birth.childName = "张小";
            birth.childSex = Sex.MALE;
            birth.childBirthDate = LocalDate.of(2025, 1, 1);
            fails(RenkouException.Kind.NOT_FOUND, "motherId", () -> births.register(officerA, birth));
            birth.motherId = null;
            birth.childId = other;
            fails(RenkouException.Kind.NOT_FOUND, "childId", () -> births.register(officerA, birth));
        }
        ResidentDTO after = residents.find(officerB, remote.id).orElseThrow();
        assertEquals(remote.maritalStatus, after.maritalStatus);
        assertEquals(remote.version, after.version);
        assertEquals(0, marriages.search(officerB, remote.id, null, null, null).total);
        assertEquals(0, births.search(officerB, remote.id, null, null).total);
    }

    /** The message of a reference refusal with the id written as X, so two answers compare equal. */
    private static final class PeopleMessages {
        static String of(RenkouException e, long id, long alsoId) {
            return e.messageEn().replace(Long.toString(id), "X").replace(Long.toString(alsoId), "X");
        }
    }

    @Test
    void marriageChecksAgeAndOneCurrentMarriageAndRecordsDivorce() {
        ResidentDTO man = resident("44060619900101001", "张伟");
        ResidentDTO woman = resident("44060619920202002", "李娜");
        ResidentDTO other = resident("44060619930303002", "王芳");
        ResidentDTO young = resident("44060620050101003", "陈小");

        // 21 years old on the date: under the men's age of 22
        RenkouException tooYoung = fails(RenkouException.Kind.INVALID, "partyAId",
                () -> marriages.register(officerA, marriage(young.id, other.id, LocalDate.of(2026, 5, 1), "J1")));
        assertTrue(tooYoung.messageZh().contains("22"), tooYoung.messageZh());
        fails(RenkouException.Kind.INVALID, "partyBId",
                () -> marriages.register(officerA, marriage(woman.id, other.id, LocalDate.of(2020, 5, 1), "J2")));

        MarriageDTO m = marriages.register(officerA, marriage(man.id, woman.id, LocalDate.of(2015, 5, 1), "J440606-2015-1"));
        assertEquals(MarriageStatus.CURRENT, m.status);
        assertEquals(MaritalStatus.MARRIED, residents.find(officerA, man.id).orElseThrow().maritalStatus);
        fails(RenkouException.Kind.CONFLICT, "partyAId",
                () -> marriages.register(officerA, marriage(man.id, other.id, LocalDate.of(2020, 5, 1), "J3")));

        // community B sees nothing and its attempt is audited
        fails(RenkouException.Kind.NOT_FOUND, "id", () -> marriages.find(officerB, m.id));
        assertEquals(0, marriages.search(officerB, null, null, null, null).total);
        assertEquals(1, marriages.search(officerA, man.id, MarriageStatus.CURRENT, null, null).total);

        MarriageDTO end = new MarriageDTO();
        end.status = MarriageStatus.DIVORCED;
        end.endedOn = LocalDate.of(2024, 3, 1);
        end.endReason = "协议离婚";
        end.version = m.version + 1;
        fails(RenkouException.Kind.CONFLICT, "version", () -> marriages.end(officerA, m.id, end));
        end.version = m.version;
        MarriageDTO ended = marriages.end(officerA, m.id, end);
        assertEquals(MarriageStatus.DIVORCED, ended.status);
        assertEquals(LocalDate.of(2024, 3, 1), ended.endedOn);
        assertEquals(MaritalStatus.DIVORCED, residents.find(officerA, woman.id).orElseThrow().maritalStatus);
        // free to marry again
        marriages.register(officerA, marriage(man.id, other.id, LocalDate.of(2025, 5, 1), "J440606-2025-7"));

        assertEquals(List.of(AuditAction.CREATE, AuditAction.DENIED, AuditAction.UPDATE),
                audit.history(auditor, "marriage", m.id.toString()).stream().map(a -> a.action).toList());
    }

    @Test
    void birthOrderCountsTheParentsEarlierBirths() {
        ResidentDTO father = resident("44060619900101001", "张伟");
        ResidentDTO mother = resident("44060619920202002", "李娜");
        BirthDTO first = births.register(officerA, birth(mother.id, father.id, "张一", LocalDate.of(2016, 3, 1)));
        assertEquals(1, first.birthOrder);
        assertEquals(LocalDate.of(2026, 6, 1), first.registeredOn);
        BirthDTO third = births.register(officerA, birth(mother.id, null, "张三", LocalDate.of(2021, 7, 1)));
        assertEquals(2, third.birthOrder);
        // registered later but born in between: counts the one born before
        BirthDTO second = births.register(officerA, birth(null, father.id, "张二", LocalDate.of(2018, 9, 1)));
        assertEquals(2, second.birthOrder);

        fails(RenkouException.Kind.INVALID, "motherId",
                () -> births.register(officerA, birth(father.id, null, "错", LocalDate.of(2020, 1, 1))));
        fails(RenkouException.Kind.INVALID, "motherId",
                () -> births.register(officerA, birth(null, null, "无", LocalDate.of(2020, 1, 1))));
        fails(RenkouException.Kind.INVALID, "childBirthDate",
                () -> births.register(officerA, birth(mother.id, null, "未来", LocalDate.of(2027, 1, 1))));

        // once the child has an ID number, the registration points at the resident
        ResidentDTO child = resident("44060620160301005", "张一");
        BirthDTO link = new BirthDTO();
        link.childId = child.id;
        link.registeredOn = first.registeredOn;
        link.version = first.version;
        BirthDTO linked = births.update(officerA, first.id, link);
        assertEquals(child.id, linked.childId);
        assertEquals(Sex.MALE, linked.childSex);
        assertEquals(1, linked.birthOrder);
        fails(RenkouException.Kind.CONFLICT, "version", () -> births.update(officerA, first.id, link));
        BirthDTO again = birth(mother.id, father.id, null, null);
        again.childId = child.id;
        fails(RenkouException.Kind.CONFLICT, "childId", () -> births.register(officerA, again));

        assertEquals(2, births.search(officerA, mother.id, null, null).total);
        assertEquals(0, births.search(officerB, null, null, null).total);
        fails(RenkouException.Kind.NOT_FOUND, "id", () -> births.find(officerB, first.id));
    }

    private static BirthDTO birth(Long mother, Long father, String name, LocalDate born) {
        BirthDTO b = new BirthDTO();
        b.motherId = mother;
        b.fatherId = father;
        b.childName = name;
        b.childSex = Sex.MALE;
        b.childBirthDate = born;
        return b;
    }

    @Test
    void certificateKeepsFullHistoryAndRefusesPeopleOutOfReach() {
        types.addType(new CertificateType() {
            public String key() {
                return "one-child-parents-glory";
            }

            public String nameZh() {
                return "独生子女父母光荣证";
            }

            public String nameEn() {
                return "Honour certificate for parents of an only child";
            }
        }, Map.of(Province.PROPERTY, "44"));
        ResidentDTO father = resident("44060619900101001", "张伟");
        ResidentDTO mother = resident("44060619920202002", "李娜");
        ResidentDTO elsewhere = residents.create(officerB, person("44060619800101007", "外人", COMMUNITY_B));

        CertificateDTO in = new CertificateDTO();
        in.type = "one-child-parents-glory";
        in.number = "GD-0001";
        in.holderIds = List.of(father.id, mother.id);
        in.issuedOn = LocalDate.of(2010, 1, 1);
        CertificateDTO issued = certificates.issue(officerA, in);
        assertEquals(CertificateStatus.VALID, issued.status);
        assertEquals("独生子女父母光荣证", issued.typeNameZh);

        in.number = "GD-0002";
        in.holderIds = List.of(elsewhere.id);
        fails(RenkouException.Kind.NOT_FOUND, "holderIds[0]", () -> certificates.issue(officerA, in));
        assertTrue(audit.history(auditor, "resident", elsewhere.id.toString()).stream()
                .anyMatch(a -> a.action == AuditAction.DENIED && "a".equals(a.actor)));
        in.holderIds = List.of(father.id);
        in.number = "GD-0001";
        fails(RenkouException.Kind.CONFLICT, "number", () -> certificates.issue(officerA, in));
        in.type = "no-such-type";
        fails(RenkouException.Kind.INVALID, "type", () -> certificates.issue(officerA, in));

        CertificateDTO change = new CertificateDTO();
        change.number = "GD-0001-A";
        change.holderIds = List.of(father.id, mother.id);
        change.issuedOn = issued.issuedOn;
        change.version = issued.version;
        fails(RenkouException.Kind.INVALID, "reason", () -> certificates.change(officerA, issued.id, change));
        change.reason = "证件遗失补办";
        CertificateDTO changed = certificates.change(officerA, issued.id, change);
        assertEquals("GD-0001-A", changed.number);
        fails(RenkouException.Kind.CONFLICT, "version", () -> certificates.change(officerA, issued.id, change));

        CertificateDTO revoke = new CertificateDTO();
        revoke.version = changed.version;
        revoke.reason = "持证人申请注销";
        CertificateDTO revoked = certificates.revoke(officerA, issued.id, revoke);
        assertEquals(CertificateStatus.REVOKED, revoked.status);
        assertEquals(LocalDate.of(2026, 6, 1), revoked.revokedOn);

        assertEquals(List.of("ISSUED", "CHANGED", "REVOKED"),
                certificates.history(officerA, issued.id).stream().map(h -> h.event).toList());
        assertTrue(certificates.history(officerA, issued.id).get(1).changes.contains("\"number\":[\"GD-0001\",\"GD-0001-A\"]"));
        assertEquals(3, audit.history(auditor, "certificate", issued.id.toString()).size());
        assertEquals(1, certificates.search(officerA, "one-child-parents-glory", mother.id, CertificateStatus.REVOKED,
                null, null).total);
        assertEquals(0, certificates.search(officerB, null, null, null, null, null).total);
        fails(RenkouException.Kind.NOT_FOUND, "id", () -> certificates.history(officerB, issued.id));
        assertNull(revoked.reason);
    }

    @Test
    void residentSearchFindsATargetGroupBySexAgeAndRecentMarriage() {
        ResidentDTO man = resident("44060619900101001", "张伟");
        ResidentDTO woman = resident("44060619920202002", "李娜");
        ResidentDTO older = resident("44060619700303002", "王芳");
        ResidentDTO girl = resident("44060620150101002", "陈小");
        ResidentDTO earlier = resident("44060619910404011", "赵强");
        ResidentDTO earlierWife = resident("44060619930505022", "钱丽");
        marriages.register(officerA, marriage(man.id, woman.id, LocalDate.of(2026, 3, 1), "J2026-1"));
        marriages.register(officerA, marriage(earlier.id, earlierWife.id, LocalDate.of(2019, 3, 1), "J2019-1"));

        org.renkou.core.api.resident.ResidentQuery women = new org.renkou.core.api.resident.ResidentQuery();
        women.sex = Sex.FEMALE;
        women.bornFrom = LocalDate.of(1977, 6, 2); // 49 at most on 2026-06-01
        women.bornTo = LocalDate.of(2011, 6, 1);   // 15 at least
        women.jurisdictionCode = COMMUNITY_A;
        assertEquals(Set.of(woman.id, earlierWife.id), ids(residents.search(officerA, women).items));
        assertEquals(0, residents.search(officerB, women).total, "out of reach: nobody");

        org.renkou.core.api.resident.ResidentQuery newlyMarried = new org.renkou.core.api.resident.ResidentQuery();
        newlyMarried.marriedFrom = LocalDate.of(2026, 1, 1);
        newlyMarried.marriedTo = LocalDate.of(2026, 12, 31);
        assertEquals(Set.of(man.id, woman.id), ids(residents.search(officerA, newlyMarried).items));
        assertTrue(ids(residents.search(officerA, newlyMarried).items).stream()
                .noneMatch(id -> id.equals(older.id) || id.equals(girl.id)));
    }

    /**
     * The lean group read ({@code matches}, {@code count}) finds exactly what the paged search finds: the same
     * filters, the dual jurisdiction (a woman living in B but registered in A is A's too, once), nobody out of reach.
     */
    @Test
    void matchesAndCountTakeTheWholeTargetGroupLikeSearch() {
        ResidentDTO man = resident("44060619900101001", "张伟");
        ResidentDTO woman = resident("44060619920202002", "李娜");
        resident("44060619700303002", "王芳");
        ResidentDTO wife = resident("44060619930505022", "钱丽");
        ResidentDTO registeredHere = person("44060619950606002", "孙梅", COMMUNITY_B);
        registeredHere.registrationCode = COMMUNITY_A;
        registeredHere = residents.create(officerB, registeredHere);
        residents.create(officerB, person("44060619960707002", "周丽", COMMUNITY_B));
        marriages.register(officerA, marriage(man.id, woman.id, LocalDate.of(2026, 3, 1), "J2026-1"));

        org.renkou.core.api.resident.ResidentQuery women = new org.renkou.core.api.resident.ResidentQuery();
        women.sex = Sex.FEMALE;
        women.bornFrom = LocalDate.of(1977, 6, 2);
        women.bornTo = LocalDate.of(2011, 6, 1);
        women.jurisdictionCode = COMMUNITY_A;
        List<org.renkou.core.api.resident.ResidentRef> found = residents.matches(officerA, women, 100);
        assertEquals(ids(residents.search(officerA, women).items), found.stream().map(r -> r.id())
                .collect(java.util.stream.Collectors.toSet()));
        assertEquals(List.of(woman.id, wife.id, registeredHere.id), found.stream().map(r -> r.id()).toList(),
                "in id order, each once");
        assertEquals(new org.renkou.core.api.resident.ResidentRef(woman.id, "李娜", COMMUNITY_A), found.get(0));
        assertEquals(3, residents.count(officerA, women));
        assertEquals(2, residents.matches(officerA, women, 1).size(), "max + 1 tells there are more");
        assertEquals(residents.search(officerB, women).total, residents.count(officerB, women));
        assertEquals(List.of(registeredHere.id), residents.matches(officerB, women, 100).stream().map(r -> r.id())
                .toList(), "B sees A's women who live in B, nobody else of A");
        women.jurisdictionCode = null;
        assertEquals(Set.of(woman.id, wife.id, registeredHere.id), residents.matches(officerA, women, 100).stream()
                .map(r -> r.id()).collect(java.util.stream.Collectors.toSet()));
        assertEquals(2, residents.count(officerB, women), "B without a jurisdiction: the two women living in B");

        org.renkou.core.api.resident.ResidentQuery newlyMarried = new org.renkou.core.api.resident.ResidentQuery();
        newlyMarried.marriedFrom = LocalDate.of(2026, 1, 1);
        newlyMarried.marriedTo = LocalDate.of(2026, 12, 31);
        assertEquals(List.of(man.id, woman.id), residents.matches(officerA, newlyMarried, 100).stream()
                .map(r -> r.id()).toList());
        assertEquals(2, residents.count(officerA, newlyMarried));
        assertEquals(0, residents.count(officerB, newlyMarried));
        assertEquals(2, residents.count(auditor, newlyMarried), "a street-wide caller: both spouses, once each");
        fails(RenkouException.Kind.INVALID, "max", () -> residents.matches(officerA, newlyMarried, -1));
    }

    private static Set<Long> ids(List<ResidentDTO> items) {
        return items.stream().map(r -> r.id).collect(java.util.stream.Collectors.toSet());
    }
}
