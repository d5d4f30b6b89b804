package org.renkou.core.internal.benefit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renkou.core.internal.registration.RegistrationServicesTest.fails;
import static org.renkou.core.internal.resident.ResidentServiceImplTest.COMMUNITY_A;
import static org.renkou.core.internal.resident.ResidentServiceImplTest.COMMUNITY_B;
import static org.renkou.core.internal.resident.ResidentServiceImplTest.person;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Province;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.benefit.AmountPeriod;
import org.renkou.core.api.benefit.ApplicationStatus;
import org.renkou.core.api.benefit.ApprovalStep;
import org.renkou.core.api.benefit.BenefitApplicationDTO;
import org.renkou.core.api.benefit.BenefitScheme;
import org.renkou.core.api.benefit.DecisionDTO;
import org.renkou.core.api.benefit.Eligibility;
import org.renkou.core.api.benefit.ObjectionDTO;
import org.renkou.core.api.benefit.ObjectionStatus;
import org.renkou.core.api.benefit.ReviewLevel;
import org.renkou.core.api.benefit.StepDecision;
import org.renkou.core.api.household.HouseholdDTO;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.internal.audit.AuditServiceImpl;
import org.renkou.core.internal.db.MovableClock;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.jurisdiction.JurisdictionServiceImpl;
import org.renkou.core.internal.resident.ResidentServiceImpl;
import org.renkou.core.internal.sample.SampleData;

/**
 * Benefit applications through a three-step chain with 7-day public notices, on the real persistence unit, with a
 * clock the test moves across the notices.
 */
class BenefitApplicationServiceImplTest {
    private TestDatabase db;
    private ResidentServiceImpl residents;
    private BenefitSchemes schemes;
    private BenefitApplicationServiceImpl applications;
    private AuditServiceImpl audit;
    private MovableClock clock;
    private final Scheme scheme = new Scheme();
    private final Caller community = new Caller("c", Set.of(Role.FAMILY_SERVICES), Set.of(COMMUNITY_A));
    private final Caller street = new Caller("s", Set.of(Role.DIRECTOR), Set.of("440606901"));
    private final Caller county = new Caller("x", Set.of(Role.FAMILY_SERVICES), Set.of("440606"));
    private final Caller statistician = new Caller("t", Set.of(Role.STATISTICIAN), Set.of("440606901"));
    private final Caller otherCommunity = new Caller("o", Set.of(Role.FAMILY_SERVICES), Set.of(COMMUNITY_B));
    private final Caller auditor = new Caller("aud", Set.of(Role.AUDITOR), Set.of("440606"));

    /** Reward support (奖励扶助) in its simplest form: 60 and over, 80 yuan a month, community → street → county. */
    static class Scheme implements BenefitScheme {
        public String id() {
            return "test-reward";
        }

        public String provinceCode() {
            return "44";
        }

        public String nameZh() {
            return "测试奖励扶助";
        }

        public String nameEn() {
            return "Test reward support";
        }

        public List<ApprovalStep> approvalChain() {
            return List.of(new ApprovalStep(ReviewLevel.COMMUNITY, 7), new ApprovalStep(ReviewLevel.STREET, 7),
                    new ApprovalStep(ReviewLevel.COUNTY, 0));
        }

        public Eligibility eligibility(ResidentDTO r, HouseholdDTO household, LocalDate date) {
            return Period.between(r.birthDate, date).getYears() >= 60 ? Eligibility.yes("年满60周岁", "aged 60 or over")
                    : Eligibility.no("未满60周岁", "under 60");
        }

        public BigDecimal amount(LocalDate date) {
            return new BigDecimal("80.00");
        }

        public AmountPeriod amountPeriod() {
            return AmountPeriod.MONTHLY;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase();
        SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database));
        clock = new MovableClock(LocalDate.of(2026, 6, 1));
        residents = ResidentServiceImpl.on(db.database);
        schemes = new BenefitSchemes();
        schemes.addScheme(scheme, Map.of(Province.PROPERTY, "44"));
        applications = new BenefitApplicationServiceImpl(db.database, schemes, clock);
        audit = AuditServiceImpl.on(db.database);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private BenefitApplicationDTO apply(String first17, String name) {
        ResidentDTO r = residents.create(community, person(first17, name, COMMUNITY_A));
        BenefitApplicationDTO in = new BenefitApplicationDTO();
        in.schemeId = scheme.id();
        in.applicantId = r.id;
        return applications.submit(community, in);
    }

    private static DecisionDTO decision(StepDecision d, String reason, long version) {
        DecisionDTO x = new DecisionDTO();
        x.decision = d;
        x.reason = reason;
        x.version = version;
        return x;
    }

    @Test
    void applicationWalksTheChainAcrossNoticesAndObjections() {
        BenefitApplicationDTO a = apply("44060619600101001", "老张");
        assertEquals(ApplicationStatus.IN_REVIEW, a.status);
        assertEquals(0, a.currentStep);
        assertEquals(LocalDate.of(2026, 6, 8), a.noticeUntil);
        assertEquals(new BigDecimal("80.00"), a.amount);
        assertEquals("年满60周岁", a.eligibilityZh);

        // the notice runs: no pass before it ends
        RenkouException early = fails(RenkouException.Kind.CONFLICT, "decision",
                () -> applications.decide(community, a.id, decision(StepDecision.PASSED, "无异议", a.version)));
        assertTrue(early.messageZh().contains("公示期未满"), early.messageZh());

        ObjectionDTO objection = new ObjectionDTO();
        objection.objector = "邻居王某";
        objection.content = "申请人另有子女";
        ObjectionDTO raised = applications.raiseObjection(community, a.id, objection);
        assertEquals(ObjectionStatus.OPEN, raised.status);

        clock.plusDays(7);
        fails(RenkouException.Kind.CONFLICT, "decision",
                () -> applications.decide(community, a.id, decision(StepDecision.PASSED, "公示期满", a.version)));
        ObjectionDTO dismiss = new ObjectionDTO();
        dismiss.status = ObjectionStatus.DISMISSED;
        dismiss.resolution = "经核实，子女已于2000年死亡，符合条件";
        dismiss.version = raised.version;
        // the street may not resolve the community's objection
        fails(RenkouException.Kind.FORBIDDEN, null, () -> applications.resolveObjection(street, a.id, raised.id, dismiss));
        assertEquals(ObjectionStatus.DISMISSED, applications.resolveObjection(community, a.id, raised.id, dismiss).status);

        fails(RenkouException.Kind.CONFLICT, "version",
                () -> applications.decide(community, a.id, decision(StepDecision.PASSED, "公示期满", a.version + 1)));
        BenefitApplicationDTO atStreet = applications.decide(community, a.id,
                decision(StepDecision.PASSED, "公示期满，异议不成立", a.version));
        assertEquals(1, atStreet.currentStep);
        assertEquals(LocalDate.of(2026, 6, 15), atStreet.noticeUntil);

        // wrong level and wrong role are refused (and audited)
        fails(RenkouException.Kind.FORBIDDEN, null,
                () -> applications.decide(community, a.id, decision(StepDecision.PASSED, "越级", atStreet.version)));
        fails(RenkouException.Kind.FORBIDDEN, null,
                () -> applications.decide(statistician, a.id, decision(StepDecision.PASSED, "无权", atStreet.version)));
        fails(RenkouException.Kind.CONFLICT, "decision",
                () -> applications.decide(street, a.id, decision(StepDecision.PASSED, "提前", atStreet.version)));
        clock.plusDays(7);
        BenefitApplicationDTO atCounty = applications.decide(street, a.id,
                decision(StepDecision.PASSED, "街道审核通过", atStreet.version));
        assertEquals(2, atCounty.currentStep);
        // county approval has no notice: decided the same day
        BenefitApplicationDTO approved = applications.decide(county, a.id,
                decision(StepDecision.PASSED, "同意", atCounty.version));
        assertEquals(ApplicationStatus.APPROVED, approved.status);
        assertNull(approved.currentStep);

        DecisionDTO pay = decision(StepDecision.PAID, null, approved.version);
        pay.paymentReference = "FF-2026-06";
        BenefitApplicationDTO paid = applications.decide(county, a.id, pay);
        assertEquals(ApplicationStatus.PAID, paid.status);
        assertEquals(LocalDate.of(2026, 6, 15), paid.paidOn);

        assertEquals(List.of(StepDecision.SUBMITTED, StepDecision.PASSED, StepDecision.PASSED, StepDecision.PASSED,
                StepDecision.PAID), applications.steps(street, a.id).stream().map(s -> s.decision).toList());
        assertEquals(List.of("c", "c", "s", "x", "x"), applications.steps(street, a.id).stream().map(s -> s.actor).toList());
        // another community sees nothing; the attempt is audited
        fails(RenkouException.Kind.NOT_FOUND, "id", () -> applications.find(otherCommunity, a.id));
        assertEquals(0, applications.search(otherCommunity, null, null, null, null, null, null).total);
        assertEquals(1, applications.search(county, "test-reward", ApplicationStatus.PAID, null, "440606901", null, null).total);
        long denied = audit.history(auditor, "benefit-application", a.id.toString()).stream()
                .filter(e -> e.action == AuditAction.DENIED).count();
        assertEquals(4, denied); // wrong level, wrong role, objection by the street, other community
    }

    @Test
    void ineligibleRejectedUpheldAndInactiveScheme() {
        RenkouException ineligible = assertThrowsConflict(() -> apply("44060619900101003", "小李"));
        assertTrue(ineligible.messageZh().contains("未满60周岁"), ineligible.messageZh());
        assertEquals(0, applications.search(community, null, null, null, null, null, null).total);

        BenefitApplicationDTO a = apply("44060619610101005", "老王");
        ObjectionDTO objection = new ObjectionDTO();
        objection.objector = "匿名";
        objection.content = "申请人户籍不在本村";
        ObjectionDTO raised = applications.raiseObjection(community, a.id, objection);
        ObjectionDTO uphold = new ObjectionDTO();
        uphold.status = ObjectionStatus.UPHELD;
        uphold.resolution = "经核实属实";
        uphold.version = raised.version;
        applications.resolveObjection(community, a.id, raised.id, uphold);
        clock.plusDays(10);
        fails(RenkouException.Kind.CONFLICT, "decision",
                () -> applications.decide(community, a.id, decision(StepDecision.PASSED, "通过", a.version)));
        fails(RenkouException.Kind.INVALID, "reason",
                () -> applications.decide(community, a.id, decision(StepDecision.REJECTED, " ", a.version)));

        // the province bundle stops: reads work, steps answer "not active", nothing changes
        schemes.removeScheme(scheme);
        RenkouException inactive = fails(RenkouException.Kind.UNAVAILABLE, null,
                () -> applications.decide(community, a.id, decision(StepDecision.REJECTED, "异议成立", a.version)));
        assertTrue(inactive.messageZh().contains("省级模块未启用"), inactive.messageZh());
        BenefitApplicationDTO read = applications.find(community, a.id).orElseThrow();
        assertFalse(read.schemeActive);
        assertEquals(a.version, read.version);
        assertEquals("测试奖励扶助", read.schemeNameZh);
        schemes.addScheme(scheme, Map.of(Province.PROPERTY, "44"));

        BenefitApplicationDTO rejected = applications.decide(community, a.id,
                decision(StepDecision.REJECTED, "异议成立：户籍不在本村", a.version));
        assertEquals(ApplicationStatus.REJECTED, rejected.status);
        fails(RenkouException.Kind.CONFLICT, "status",
                () -> applications.decide(community, a.id, decision(StepDecision.PASSED, "再审", rejected.version)));
        assertEquals("异议成立：户籍不在本村", applications.steps(community, a.id).get(1).reason);
        // a scheme whose service property names another province is not taken
        schemes.removeScheme(scheme);
        schemes.addScheme(scheme, Map.of(Province.PROPERTY, "53"));
        assertTrue(applications.schemes(null).isEmpty());
    }

    @Test
    void aFailingOrMalformedSchemeAnswersUnavailableOrIsIgnored() {
        schemes.addScheme(new Scheme() {
            @Override
            public String id() {
                return "broken";
            }

            @Override
            public Eligibility eligibility(ResidentDTO r, HouseholdDTO household, LocalDate date) {
                throw new IllegalStateException("policy file missing");
            }
        }, Map.of(Province.PROPERTY, "44"));
        schemes.addScheme(new Scheme() {
            @Override
            public String id() {
                return "Bad Id";
            }
        }, Map.of(Province.PROPERTY, "44"));
        assertEquals(List.of("broken", "test-reward"), applications.schemes("44").stream().map(d -> d.id).toList());

        ResidentDTO r = residents.create(community, person("44060619500101007", "老周", COMMUNITY_A));
        BenefitApplicationDTO in = new BenefitApplicationDTO();
        in.schemeId = "broken";
        in.applicantId = r.id;
        fails(RenkouException.Kind.UNAVAILABLE, null, () -> applications.submit(community, in));
        assertEquals(0, applications.search(community, null, null, r.id, null, null, null).total);
    }

    private static RenkouException assertThrowsConflict(org.junit.jupiter.api.function.Executable call) {
        return fails(RenkouException.Kind.CONFLICT, "applicantId", call);
    }
}
