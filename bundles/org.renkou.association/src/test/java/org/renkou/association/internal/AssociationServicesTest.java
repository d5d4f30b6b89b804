package org.renkou.association.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renkou.association.internal.TestAssociation.COMMUNITY;
import static org.renkou.association.internal.TestAssociation.CONTACT_A;
import static org.renkou.association.internal.TestAssociation.CONTACT_B;
import static org.renkou.association.internal.TestAssociation.DIRECTOR;
import static org.renkou.association.internal.TestAssociation.OFFICER;
import static org.renkou.association.internal.TestAssociation.OTHER_SECRETARY;
import static org.renkou.association.internal.TestAssociation.SECRETARY;
import static org.renkou.association.internal.TestAssociation.STATISTICIAN;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.association.internal.AssociationDTO.Activity;
import org.renkou.association.internal.AssociationDTO.Assoc;
import org.renkou.association.internal.AssociationDTO.Case;
import org.renkou.association.internal.AssociationDTO.CaseEntry;
import org.renkou.association.internal.AssociationDTO.Contact;
import org.renkou.association.internal.AssociationDTO.Decision;
import org.renkou.association.internal.AssociationDTO.Group;
import org.renkou.association.internal.AssociationDTO.Member;
import org.renkou.association.internal.AssociationDTO.Participant;
import org.renkou.association.internal.AssociationDTO.Progress;
import org.renkou.association.internal.AssociationDTO.Seat;
import org.renkou.association.internal.AssociationDTO.Term;
import org.renkou.association.internal.AssociationDTO.Visit;
import org.renkou.association.internal.AssociationDTO.YearStats;
import org.renkou.association.internal.organisation.OrganisationService;
import org.renkou.core.api.RenkouException;

/** The association's rules on the real persistence unit: council terms, members, contacts, activities, cases. */
class AssociationServicesTest {
    private TestAssociation t;
    private long a;

    @BeforeEach
    void setUp() {
        t = new TestAssociation();
        a = t.org.create(SECRETARY, new Assoc(null, "示例社区计生协会", COMMUNITY, null, "secretary",
                LocalDate.of(2010, 5, 29), null)).id();
    }

    @AfterEach
    void tearDown() {
        t.close();
    }

    private static RenkouException fails(RenkouException.Kind kind, String field, Runnable r) {
        RenkouException e = assertThrows(RenkouException.class, r::run);
        assertEquals(kind, e.kind(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        return e;
    }

    private Member admitted(String name, String phone) {
        Member m = t.org.apply(SECRETARY, a, new Member(null, null, name, phone, null, "心理咨询", null, null, null,
                null, null, null, null));
        return t.org.decide(SECRETARY, a, m.id(), new Decision(true, null, "理事会审议通过", m.version()));
    }

    @Test
    void associationCarriesNameAndRefusesBadInput() {
        Assoc x = t.org.association(STATISTICIAN, a);
        assertEquals("示例" + COMMUNITY, x.jurisdictionName());
        fails(RenkouException.Kind.CONFLICT, null, () -> t.org.create(DIRECTOR,
                new Assoc(null, "重复", COMMUNITY, null, null, null, null)));
        fails(RenkouException.Kind.INVALID, "name", () -> t.org.create(DIRECTOR,
                new Assoc(null, " ", "440606901002", null, null, null, null)));
        fails(RenkouException.Kind.INVALID, "jurisdictionCode", () -> t.org.create(DIRECTOR,
                new Assoc(null, "组", "440606901001001", null, null, null, null)));
        fails(RenkouException.Kind.NOT_FOUND, "jurisdictionCode", () -> t.org.create(OTHER_SECRETARY,
                new Assoc(null, "越界", "440606901003", null, null, null, null)));
        fails(RenkouException.Kind.INVALID, "secretary", () -> t.org.create(DIRECTOR,
                new Assoc(null, "秘书不对", "440606901002", null, "officer", null, null)));
        fails(RenkouException.Kind.NOT_FOUND, "id", () -> t.org.association(OTHER_SECRETARY, a));
        fails(RenkouException.Kind.FORBIDDEN, null, () -> t.org.create(STATISTICIAN,
                new Assoc(null, "统计员", "440606901002", null, null, null, null)));
    }

    @Test
    void newTermEndsTheCurrentOneAndKeepsHistory() {
        t.org.newTerm(SECRETARY, a, new Term(null, null, LocalDate.of(2021, 3, 1), null, null,
                List.of(new Seat("PRESIDENT", "张会长", null), new Seat("SECRETARY_GENERAL", "李秘书长", null))));
        Member m = admitted("王理事", "13800001234");
        t.org.newTerm(SECRETARY, a, new Term(null, null, LocalDate.of(2026, 3, 1), null, "第二届",
                List.of(new Seat("PRESIDENT", "赵会长", null), new Seat("DIRECTOR", "王理事", m.id()))));
        List<Term> terms = t.org.terms(STATISTICIAN, a);
        assertEquals(2, terms.size());
        assertEquals(2, terms.get(0).number());
        assertNull(terms.get(0).endedOn());
        assertEquals(LocalDate.of(2026, 2, 28), terms.get(1).endedOn());
        assertEquals("张会长", terms.get(1).seats().get(0).personName());
        fails(RenkouException.Kind.INVALID, "seats", () -> t.org.newTerm(SECRETARY, a, new Term(null, null,
                LocalDate.of(2026, 6, 1), null, null, List.of(new Seat("DIRECTOR", "无会长", null)))));
        fails(RenkouException.Kind.INVALID, "seats[1].position", () -> t.org.newTerm(SECRETARY, a, new Term(null,
                null, LocalDate.of(2026, 6, 1), null, null,
                List.of(new Seat("PRESIDENT", "甲", null), new Seat("KING", "乙", null)))));
        fails(RenkouException.Kind.INVALID, "startedOn", () -> t.org.newTerm(SECRETARY, a, new Term(null, null,
                LocalDate.of(2025, 6, 1), null, null, List.of(new Seat("PRESIDENT", "甲", null)))));
        fails(RenkouException.Kind.NOT_FOUND, "seats[0].memberId", () -> t.org.newTerm(SECRETARY, a, new Term(null,
                null, LocalDate.of(2026, 6, 1), null, null, List.of(new Seat("PRESIDENT", "甲", 999L)))));
    }

    @Test
    void membersJoinByApplicationAndApprovalWithPhonesMaskedInLists() {
        Member applied = t.org.apply(SECRETARY, a, new Member(null, null, "刘会员", "13912345678", 5L, "法律",
                null, null, null, null, null, null, null));
        assertEquals("APPLIED", applied.status());
        Member active = t.org.decide(SECRETARY, a, applied.id(), new Decision(true, null, null, applied.version()));
        assertEquals("ACTIVE", active.status());
        assertEquals("secretary", active.decidedBy());
        assertEquals("139****5678", t.org.members(STATISTICIAN, a, null).get(0).phone());
        assertEquals("139****5678", t.org.member(STATISTICIAN, a, applied.id()).phone());
        assertEquals("13912345678", t.org.member(SECRETARY, a, applied.id()).phone());
        Member lapsed = t.org.decide(SECRETARY, a, applied.id(), new Decision(null, "LAPSED", null, active.version()));
        assertEquals("LAPSED", lapsed.status());
        assertEquals(1, t.org.members(SECRETARY, a, "LAPSED").size());
        assertEquals(0, t.org.members(SECRETARY, a, "ACTIVE").size());
        fails(RenkouException.Kind.INVALID, "status", () -> t.org.members(SECRETARY, a, "DEAD"));
        fails(RenkouException.Kind.INVALID, "phone", () -> t.org.apply(SECRETARY, a, new Member(null, null, "甲",
                "abc", null, null, null, null, null, null, null, null, null)));
        fails(RenkouException.Kind.NOT_FOUND, "residentId", () -> t.org.apply(SECRETARY, a, new Member(null, null,
                "乙", null, 150L, null, null, null, null, null, null, null, null)));
        fails(RenkouException.Kind.CONFLICT, "version", () -> t.org.decide(SECRETARY, a, applied.id(),
                new Decision(null, "ACTIVE", null, active.version())));
        fails(RenkouException.Kind.NOT_FOUND, "associationId", () -> t.org.members(OTHER_SECRETARY, a, null));
        fails(RenkouException.Kind.FORBIDDEN, null, () -> t.org.apply(OFFICER, a, new Member(null, null, "丙",
                null, null, null, null, null, null, null, null, null, null)));
    }

    /** Guard (issue 17): members in pinyin order, not code-point order (张 U+5F20 before 李 U+674E before 阿). */
    @Test
    void membersAreListedInPinyinOrder() {
        for (String name : List.of("张三", "李四", "王五", "阿七")) {
            admitted(name, null);
        }
        assertEquals(List.of("阿七", "李四", "王五", "张三"),
                t.org.members(SECRETARY, a, null).stream().map(Member::name).toList());
    }

    @Test
    void groupsHaveALeaderFromTheAssociation() {
        Member m = admitted("组长", null);
        Group g = t.org.saveGroup(SECRETARY, a, null, new Group(null, null, "第一小组", COMMUNITY + "001", null,
                m.id(), null));
        assertEquals(m.id(), g.leaderMemberId());
        assertEquals(g.id(), t.org.member(SECRETARY, a, m.id()).groupId());
        fails(RenkouException.Kind.NOT_FOUND, "residentGroupCode", () -> t.org.saveGroup(SECRETARY, a, null,
                new Group(null, null, "别处", "440606901002001", null, null, null)));
        fails(RenkouException.Kind.INVALID, "residentGroupCode", () -> t.org.saveGroup(SECRETARY, a, null,
                new Group(null, null, "非小组", COMMUNITY, null, null, null)));
    }

    @Test
    void eachMemberLooksAfterOneOrTwoHouseholdsAndLogsVisits() {
        Member m = admitted("联系人", null);
        Contact c1 = t.contacts.assign(SECRETARY, a, new Contact(null, m.id(), 1L, null, null, null, 0L));
        t.contacts.assign(SECRETARY, a, new Contact(null, m.id(), 2L, null, null, null, 0L));
        fails(RenkouException.Kind.INVALID, "memberId", () -> t.contacts.assign(SECRETARY, a,
                new Contact(null, m.id(), 3L, null, null, null, 0L)));
        fails(RenkouException.Kind.NOT_FOUND, "householdId", () -> t.contacts.assign(SECRETARY, a,
                new Contact(null, m.id(), 150L, null, null, null, 0L)));
        Member applicant = t.org.apply(SECRETARY, a, new Member(null, null, "申请人", null, null, null, null, null,
                null, null, null, null, null));
        fails(RenkouException.Kind.INVALID, "memberId", () -> t.contacts.assign(SECRETARY, a,
                new Contact(null, applicant.id(), 4L, null, null, null, 0L)));
        Visit v = t.contacts.logVisit(SECRETARY, a, c1.id(), new Visit(null, null, TestAssociation.TODAY, "REFERRAL",
                "转介至家庭医生签约服务", null));
        assertEquals("secretary", v.recordedBy());
        // the account is shown as its holder's name (the stand-in core's: 姓名:<ACCOUNT>)
        assertEquals("姓名:SECRETARY", v.recordedByName());
        assertEquals("姓名:SECRETARY", t.contacts.visits(STATISTICIAN, a, c1.id()).get(0).recordedByName());
        assertEquals("姓名:SECRETARY", t.org.association(STATISTICIAN, a).secretaryName());
        fails(RenkouException.Kind.INVALID, "kind", () -> t.contacts.logVisit(SECRETARY, a, c1.id(),
                new Visit(null, null, TestAssociation.TODAY, "PREGNANCY_CHECK", null, null)));
        fails(RenkouException.Kind.INVALID, "visitedOn", () -> t.contacts.logVisit(SECRETARY, a, c1.id(),
                new Visit(null, null, TestAssociation.TODAY.plusDays(3), "HELP", null, null)));
        Contact listed = t.contacts.contacts(STATISTICIAN, a, m.id()).get(0);
        assertEquals(TestAssociation.TODAY, listed.lastVisit());
        assertEquals(1L, listed.visits());
        // the contact id of another association is not found, as if it did not exist
        long b = t.org.create(DIRECTOR, new Assoc(null, "另一协会", "440606901002", null, null, null, null)).id();
        fails(RenkouException.Kind.NOT_FOUND, "contactId", () -> t.contacts.visits(DIRECTOR, b, c1.id()));
    }

    @Test
    void yearlyRulesShowAsProgress() {
        Member m1 = admitted("甲", null);
        Member m2 = admitted("乙", null);
        List<Participant> both = List.of(new Participant(m1.id(), null, null), new Participant(m2.id(), null, null));
        t.activities.create(SECRETARY, a, new Activity(null, null, "MEMBER_DAY", "5·29 会员活动日",
                LocalDate.of(2026, 5, 29), "社区广场", "协会", null, 300, null, 50,
                List.of(new Participant(m1.id(), null, null), new Participant(null, 7L, null),
                        new Participant(null, null, "路人")), null));
        Progress p = t.activities.progress(SECRETARY, a, 2026);
        assertEquals(1, p.largeActivities());
        assertFalse(p.largeMet());
        t.activities.create(SECRETARY, a, new Activity(null, null, "TRAINING", "会员培训一", LocalDate.of(2026, 3, 1),
                null, null, null, null, null, null, both, null));
        t.activities.create(SECRETARY, a, new Activity(null, null, "TRAINING", "会员培训二", LocalDate.of(2026, 6, 1),
                null, null, true, null, null, null, List.of(new Participant(m1.id(), null, null)), null));
        p = t.activities.progress(SECRETARY, a, 2026);
        assertEquals(2, p.largeActivities());
        assertTrue(p.largeMet());
        assertEquals(2, p.activeMembers());
        assertEquals(1, p.membersTrainedTwice());
        assertFalse(p.trainingMet());
        Activity day = t.activities.activities(STATISTICIAN, a, 2026).get(1);
        assertEquals(3, day.personTimes());
        assertEquals(3, t.activities.activity(SECRETARY, a, day.id()).participants().size());
        fails(RenkouException.Kind.INVALID, "leaflets", () -> t.activities.create(SECRETARY, a, new Activity(null,
                null, "PROMOTION", "宣传", TestAssociation.TODAY, null, null, null, -1, null, null, null, null)));
        fails(RenkouException.Kind.INVALID, "participants[0]", () -> t.activities.create(SECRETARY, a,
                new Activity(null, null, "PROMOTION", "宣传", TestAssociation.TODAY, null, null, null, null, null,
                        null, List.of(new Participant(null, null, " ")), null)));
        fails(RenkouException.Kind.NOT_FOUND, "participants[0].residentId", () -> t.activities.create(SECRETARY, a,
                new Activity(null, null, "PROMOTION", "宣传", TestAssociation.TODAY, null, null, null, null, null,
                        null, List.of(new Participant(null, 120L, null)), null)));
        fails(RenkouException.Kind.INVALID, "year", () -> t.activities.progress(SECRETARY, a, 1900));

        Contact c = t.contacts.assign(SECRETARY, a, new Contact(null, m1.id(), 1L, null, null, null, 0L));
        assertTrue(c.id() > 0);
        YearStats s = t.activities.yearly(DIRECTOR, "440606", 2026);
        assertEquals(1, s.total().associations());
        assertEquals(2, s.total().members());
        assertEquals(1, s.total().contactHouseholds());
        assertEquals(3, s.total().activities());
        assertEquals(3 + 2 + 1, s.total().personTimes());
        assertEquals("COMMUNITY", s.rows().get(0).level());
        fails(RenkouException.Kind.NOT_FOUND, "jurisdictionCode", () -> t.activities.yearly(SECRETARY, "440606", 2026));
    }

    private Member admit(long association, String name) {
        Member m = t.org.apply(DIRECTOR, association, new Member(null, null, name, null, null, null, null, null, null,
                null, null, null, null));
        return t.org.decide(DIRECTOR, association, m.id(), new Decision(true, null, null, m.version()));
    }

    private long contact(long association, Member m, long household) {
        return t.contacts.assign(DIRECTOR, association, new Contact(null, m.id(), household, null, null, null, 0L))
                .id();
    }

    private void activity(long association, LocalDate on, int personTimes) {
        t.activities.create(DIRECTOR, association, new Activity(null, null, "PROMOTION", "宣传", on, null, null, null,
                null, personTimes, null, null, null));
    }

    /** Level → associations, members, groups, contact households, activities, person-times, special families. */
    private static java.util.Map<String, List<Long>> figures(YearStats s) {
        java.util.Map<String, List<Long>> out = new java.util.TreeMap<>();
        List<AssociationDTO.YearRow> rows = new ArrayList<>(s.rows());
        rows.add(s.total());
        for (AssociationDTO.YearRow r : rows) {
            out.put(r.level(), List.of(r.associations(), r.members(), r.groups(), r.contactHouseholds(),
                    r.activities(), r.personTimes(), r.specialFamilies()));
        }
        return out;
    }

    /**
     * The yearly statistics (协会统计年报) count what was entered, per level: only active members, a household in
     * care twice counted once, a contact ended during the year still counted in that year (not the next), the
     * activities and person-times of the year only, each association in the level of its jurisdiction.
     */
    @Test
    void yearlyStatisticsMatchWhatWasEnteredPerLevel() {
        long county = t.org.create(DIRECTOR, new Assoc(null, "区计生协会", "440606", null, null, null, null)).id();
        long street = t.org.create(DIRECTOR, new Assoc(null, "街道计生协会", "440606901", null, null, null, null)).id();
        long other = t.org.create(DIRECTOR, new Assoc(null, "另一社区计生协会", "440606901002", null, null, null, null))
                .id();
        Member m1 = admit(a, "一");
        Member m2 = admit(a, "二");
        Member m3 = admit(a, "三");
        Member lapsed = admit(a, "四");
        t.org.decide(DIRECTOR, a, lapsed.id(), new Decision(null, "LAPSED", null, lapsed.version()));
        t.org.apply(DIRECTOR, a, new Member(null, null, "申请中", null, null, null, null, null, null, null, null, null,
                null));
        Member c1 = admit(county, "区一");
        admit(county, "区二");
        Member o1 = admit(other, "他一");
        t.org.saveGroup(DIRECTOR, a, null, new Group(null, null, "一组", COMMUNITY + "001", null, null, null));
        t.org.saveGroup(DIRECTOR, other, null, new Group(null, null, "一组", "440606901002001", null, null, null));
        contact(a, m1, 1);
        contact(a, m1, 2);
        contact(a, m2, 2); // the same household with a second member: one household in care
        t.contacts.end(DIRECTOR, a, contact(a, m3, 3)); // ended this year: in care during the year
        contact(county, c1, 1); // the county association's own contact: counted at its level
        contact(other, o1, 150);
        activity(a, LocalDate.of(2026, 3, 1), 40);
        activity(a, LocalDate.of(2025, 12, 1), 7); // last year
        activity(county, LocalDate.of(2026, 5, 29), 100);
        t.cases.open(SECRETARY, a, new Case(null, null, 8L, "CHILD_DECEASED", "contact-a", "contact-b", null, null,
                null, null, null, null, null, null));

        assertEquals(java.util.Map.of(
                "COUNTY", List.of(1L, 2L, 0L, 1L, 1L, 100L, 0L),
                "STREET", List.of(1L, 0L, 0L, 0L, 0L, 0L, 0L),
                "COMMUNITY", List.of(2L, 4L, 2L, 4L, 1L, 40L, 1L),
                "TOTAL", List.of(4L, 6L, 2L, 5L, 2L, 140L, 1L)), figures(t.activities.yearly(DIRECTOR, "440606", 2026)));
        assertEquals(java.util.Map.of(
                "STREET", List.of(1L, 0L, 0L, 0L, 0L, 0L, 0L),
                "COMMUNITY", List.of(2L, 4L, 2L, 4L, 1L, 40L, 1L),
                "TOTAL", List.of(3L, 4L, 2L, 4L, 1L, 40L, 1L)), figures(t.activities.yearly(DIRECTOR, "440606901", 2026)));
        assertEquals(java.util.Map.of(
                "COMMUNITY", List.of(1L, 1L, 1L, 1L, 0L, 0L, 0L),
                "TOTAL", List.of(1L, 1L, 1L, 1L, 0L, 0L, 0L)), figures(t.activities.yearly(DIRECTOR, "440606901002", 2026)));
        // last year: the activity of December only; members and groups are counted as they are now
        assertEquals(List.of(1L, 7L), figures(t.activities.yearly(DIRECTOR, "440606901001", 2025)).get("TOTAL")
                .subList(4, 6));
        // next year: the contact ended in 2026 is no longer in care
        assertEquals(List.of(4L, 6L, 2L, 4L, 0L, 0L, 1L), figures(t.activities.yearly(DIRECTOR, "440606", 2027))
                .get("TOTAL"));
        assertEquals(figures(t.activities.yearly(DIRECTOR, "440606", 2026)),
                figures(t.activities.yearly(STATISTICIAN, "440606", 2026)));
        // a report read (on the hot standby where there is one), one a call, after the checks: none for a refusal
        t.unit.reports().clear();
        t.activities.yearly(DIRECTOR, "440606901", 2026);
        fails(RenkouException.Kind.NOT_FOUND, "jurisdictionCode", () -> t.activities.yearly(SECRETARY, "440606", 2026));
        assertEquals(List.of("association yearly statistics"), t.unit.reports());
    }

    @Test
    void specialFamilyCaseIsOpenOnlyToItsContactsSecretaryAndDirectorsAndEveryReadIsAudited() {
        Case c = t.cases.open(SECRETARY, a, new Case(null, null, 8L, "CHILD_DECEASED", "contact-a", "contact-b", 8L,
                LocalDate.of(2026, 5, 1), null, "双岗联系", null, false, null, null));
        assertTrue(c.contactDue(), "no contact for more than a month");
        CaseEntry e = t.cases.addEntry(CONTACT_A, a, c.id(), new CaseEntry(null, TestAssociation.TODAY,
                "HOLIDAY_VISIT", "端午慰问", new BigDecimal("500.00"), null));
        assertEquals("contact-a", e.recordedBy());
        assertEquals("姓名:CONTACT-A", e.recordedByName());
        assertEquals(List.of("姓名:CONTACT-A", "姓名:CONTACT-B"), List.of(c.contactAName(), c.contactBName()));
        for (var who : List.of(CONTACT_A, CONTACT_B, SECRETARY, DIRECTOR)) {
            Case read = t.cases.read(who, a, c.id(), "月度走访");
            assertFalse(read.contactDue());
            assertEquals("姓名:CONTACT-A", read.entries().get(0).recordedByName());
            assertEquals(new BigDecimal("500.00"), read.entries().get(0).amount());
        }
        assertEquals(4, t.audit.stream().filter(s -> s.startsWith("READ_SENSITIVE SpecialFamilyCase " + c.id()))
                .count());

        int before = t.audit.size();
        fails(RenkouException.Kind.FORBIDDEN, null, () -> t.cases.read(OFFICER, a, c.id(), null));
        fails(RenkouException.Kind.FORBIDDEN, null, () -> t.cases.addEntry(OFFICER, a, c.id(),
                new CaseEntry(null, TestAssociation.TODAY, "VISIT", null, null, null)));
        fails(RenkouException.Kind.NOT_FOUND, "id", () -> t.cases.read(OTHER_SECRETARY, a, c.id(), null));
        List<String> refusals = new ArrayList<>(t.audit.subList(before, t.audit.size()));
        assertEquals(3, refusals.size(), refusals.toString());
        assertTrue(refusals.stream().allMatch(s -> s.startsWith("DENIED SpecialFamilyCase " + c.id())), refusals.toString());
        assertTrue(refusals.get(0).contains("by officer"));
        assertTrue(t.cases.cases(OFFICER, a).isEmpty(), "an officer not assigned sees no case in the list");
        assertEquals(1, t.cases.cases(CONTACT_B, a).size());
        // no note, amount or family kind in any audit entry
        assertTrue(t.audit.stream().noneMatch(s -> s.contains("500") || s.contains("端午") || s.contains("双岗")
                || s.contains("CHILD_DECEASED")), t.audit.toString());
        fails(RenkouException.Kind.FORBIDDEN, null, () -> t.cases.open(OFFICER, a, new Case(null, null, 9L,
                "CHILD_DISABLED", "contact-a", "contact-b", null, null, null, null, null, false, null, null)));
        fails(RenkouException.Kind.INVALID, "contactB", () -> t.cases.open(SECRETARY, a, new Case(null, null, 9L,
                "CHILD_DISABLED", "contact-a", "contact-a", null, null, null, null, null, false, null, null)));
        fails(RenkouException.Kind.INVALID, "contactB", () -> t.cases.open(SECRETARY, a, new Case(null, null, 9L,
                "CHILD_DISABLED", "contact-a", "other-secretary", null, null, null, null, null, false, null, null)));
        fails(RenkouException.Kind.NOT_FOUND, "benefitApplicationId", () -> t.cases.open(SECRETARY, a, new Case(null,
                null, 9L, "CHILD_DISABLED", "contact-a", "contact-b", 150L, null, null, null, null, false, null, null)));
        fails(RenkouException.Kind.INVALID, "familyKind", () -> t.cases.open(SECRETARY, a, new Case(null, null, 9L,
                "OTHER", "contact-a", "contact-b", null, null, null, null, null, false, null, null)));
        fails(RenkouException.Kind.INVALID, "amount", () -> t.cases.addEntry(SECRETARY, a, c.id(),
                new CaseEntry(null, TestAssociation.TODAY, "HOLIDAY_VISIT", null, new BigDecimal("-1"), null)));
        fails(RenkouException.Kind.CONFLICT, null, () -> t.cases.open(SECRETARY, a, new Case(null, null, 8L,
                "CHILD_DECEASED", "contact-a", "contact-b", null, null, null, null, null, false, null, null)));
    }

    @Test
    void phoneMask() {
        assertEquals("138****5678", OrganisationService.mask("138 1234 5678"));
        assertEquals("****34", OrganisationService.mask("1234"));
        assertNull(OrganisationService.mask(null));
    }

}
