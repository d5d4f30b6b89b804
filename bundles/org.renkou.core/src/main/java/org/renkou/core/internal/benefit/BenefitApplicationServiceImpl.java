package org.renkou.core.internal.benefit;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.Input;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.benefit.ApplicationStatus;
import org.renkou.core.api.benefit.ApprovalStep;
import org.renkou.core.api.benefit.BenefitApplicationDTO;
import org.renkou.core.api.benefit.BenefitApplicationService;
import org.renkou.core.api.benefit.BenefitScheme;
import org.renkou.core.api.benefit.BenefitSchemeDTO;
import org.renkou.core.api.benefit.BenefitStepDTO;
import org.renkou.core.api.benefit.DecisionDTO;
import org.renkou.core.api.benefit.Eligibility;
import org.renkou.core.api.benefit.ObjectionDTO;
import org.renkou.core.api.benefit.ObjectionStatus;
import org.renkou.core.api.benefit.ReviewLevel;
import org.renkou.core.api.benefit.StepDecision;
import org.renkou.core.api.household.HouseholdDTO;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.PagedQuery;
import org.renkou.core.internal.household.HouseholdEntity;
import org.renkou.core.internal.household.HouseholdServiceImpl;
import org.renkou.core.internal.jurisdiction.Scope;
import org.renkou.core.internal.resident.People;
import org.renkou.core.internal.resident.ResidentEntity;
import org.renkou.core.internal.resident.ResidentServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benefit applications through their scheme's approval chain. "Today" comes from the {@link Clock}, so that tests
 * can move time across a public notice.
 */
@Component
public class BenefitApplicationServiceImpl implements BenefitApplicationService {
    private static final Logger LOG = LoggerFactory.getLogger(BenefitApplicationServiceImpl.class);
    static final String TYPE = "benefit-application";
    static final String OBJECTION_TYPE = "benefit-objection";

    private final Database db;
    private final BenefitSchemes schemes;
    private final Clock clock;

    @Activate
    public BenefitApplicationServiceImpl(@Reference CoreDatabase database, @Reference BenefitSchemes schemes) {
        this(database.database(), schemes, ChinaTime.clock());
    }

    BenefitApplicationServiceImpl(Database db, BenefitSchemes schemes, Clock clock) {
        this.db = db;
        this.schemes = schemes;
        this.clock = clock;
    }

    /**
     * The same service on another clock, every rule and audit entry as usual: the living sample takes applications
     * through their steps on past days, so that they stand at different steps on the first day.
     */
    public static BenefitApplicationService at(Database db, BenefitSchemes schemes, Clock clock) {
        return new BenefitApplicationServiceImpl(db, schemes, clock);
    }

    @Override
    public List<BenefitSchemeDTO> schemes(String provinceCode) {
        String province = Input.trimToNull(provinceCode);
        LocalDate today = LocalDate.now(clock);
        return schemes.all().stream().filter(s -> province == null || province.equals(s.provinceCode())).map(s -> {
            BenefitSchemeDTO d = new BenefitSchemeDTO();
            d.id = s.id();
            d.provinceCode = s.provinceCode();
            d.nameZh = s.nameZh();
            d.nameEn = s.nameEn();
            d.approvalChain = new ArrayList<>(s.approvalChain());
            d.amount = s.amount(today);
            d.amountPeriod = s.amountPeriod();
            return d;
        }).collect(Collectors.toList());
    }

    @Override
    public Page<BenefitApplicationDTO> search(Caller caller, String schemeId, ApplicationStatus status,
            Long applicantId, String jurisdictionCode, Integer offset, Integer limit) {
        int[] paging = Page.check(offset, limit);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(Scope.condition(caller, params, "a.jurisdictionCode"));
        if (Input.trimToNull(schemeId) != null) {
            where.append(" AND a.schemeId = :scheme");
            params.put("scheme", schemeId.strip());
        }
        if (status != null) {
            where.append(" AND a.status = :status");
            params.put("status", status);
        }
        if (applicantId != null) {
            where.append(" AND a.applicantId = :applicant");
            params.put("applicant", applicantId);
        }
        String code = Input.trimToNull(jurisdictionCode);
        if (code != null) {
            where.append(" AND a.jurisdictionCode LIKE :jur");
            params.put("jur", JurisdictionLevel.ofCodeFor(code, "jurisdiction").childPrefix(code) + "%");
        }
        return db.tx(em -> PagedQuery.run(em, BenefitApplicationEntity.class, "BenefitApplicationEntity a",
                where.toString(), "a.id DESC", params, paging, this::toDTO));
    }

    @Override
    public Optional<BenefitApplicationDTO> find(Caller caller, long id) {
        return db.tx(em -> Optional.ofNullable(em.find(BenefitApplicationEntity.class, id)).map(a -> {
            requireVisible(caller, a);
            return toDTO(a);
        }));
    }

    @Override
    public BenefitApplicationDTO submit(Caller caller, BenefitApplicationDTO in) {
        caller.require("受理补助申请", "take benefit applications", Role.PEOPLE_WRITERS);
        Input.body(in);
        String schemeId = Input.required(in.schemeId, "schemeId", "扶助项目", "benefit scheme", 60);
        BenefitScheme scheme = schemes.find(schemeId).orElseThrow(() -> RenkouException.invalid("schemeId",
                "扶助项目“" + schemeId + "”不存在或其省级模块未启用。",
                "Benefit scheme '" + schemeId + "' is unknown or its province module is not active."));
        LocalDate today = LocalDate.now(clock);
        return db.tx(em -> {
            ResidentEntity applicant = People.reachable(db, em, caller, in.applicantId, "applicantId", "申请人",
                    "applicant");
            if (!caller.covers(applicant.residenceCode)) {
                throw deny(caller, "applicantId", ResidentServiceImpl.TYPE, applicant.id, applicant.residenceCode,
                        "申请人不住在您的辖区内，应由其现居住地受理。",
                        "The applicant does not live within your jurisdiction; their place of residence takes the application.");
            }
            if (!applicant.residenceCode.startsWith(scheme.provinceCode())
                    && !applicant.registrationCode.startsWith(scheme.provinceCode())) {
                throw RenkouException.invalid("applicantId", "申请人的现居住地和户籍地都不在该项目所属省份。",
                        "Neither the applicant's residence nor registration lies in the scheme's province.");
            }
            boolean pending = !em.createQuery("SELECT a.id FROM BenefitApplicationEntity a WHERE a.schemeId = :s "
                    + "AND a.applicantId = :p AND a.status <> :rejected", Long.class).setParameter("s", schemeId)
                    .setParameter("p", applicant.id).setParameter("rejected", ApplicationStatus.REJECTED)
                    .getResultList().isEmpty();
            if (pending) {
                throw RenkouException.conflict("applicantId", "申请人已有该项目的申请。",
                        "The applicant has an application for this scheme already.");
            }
            HouseholdDTO household = applicant.householdId == null ? null
                    : HouseholdServiceImpl.toDTO(em, em.find(HouseholdEntity.class, applicant.householdId));
            Eligibility eligibility;
            BigDecimal amount;
            try {
                eligibility = scheme.eligibility(ResidentServiceImpl.toDTO(applicant, false), household, today);
                amount = scheme.amount(today);
            } catch (RuntimeException e) {
                LOG.error("Benefit scheme {} failed", scheme.id(), e);
                throw RenkouException.unavailable("省级模块出错，暂不能受理该项目的申请，请联系管理员。",
                        "The province module failed on this scheme; an administrator should check the log.");
            }
            if (eligibility == null || amount == null || amount.signum() < 0) {
                throw RenkouException.unavailable("省级模块未给出资格结论或金额，暂不能受理。",
                        "The province module gave no eligibility decision or amount.");
            }
            if (!eligibility.eligible()) {
                throw RenkouException.conflict("applicantId", "不符合申请条件：" + eligibility.reasonZh(),
                        "Not eligible: " + eligibility.reasonEn());
            }
            List<ApprovalStep> chain = scheme.approvalChain();
            BenefitApplicationEntity a = new BenefitApplicationEntity();
            a.schemeId = scheme.id();
            a.schemeNameZh = scheme.nameZh();
            a.schemeNameEn = scheme.nameEn();
            a.provinceCode = scheme.provinceCode();
            a.applicantId = applicant.id;
            a.jurisdictionCode = community(applicant.residenceCode);
            a.appliedOn = today;
            a.amount = amount.setScale(2, java.math.RoundingMode.HALF_UP);
            a.amountPeriod = scheme.amountPeriod();
            a.eligibilityZh = cut(eligibility.reasonZh());
            a.eligibilityEn = cut(eligibility.reasonEn());
            a.approvalChain = chain.stream().map(s -> s.level() + ":" + s.noticeDays()).collect(Collectors.joining(","));
            a.status = ApplicationStatus.IN_REVIEW;
            startStep(a, 0, chain.get(0), today);
            a.createdAt = LocalDateTime.now(ZoneOffset.UTC);
            a.updatedAt = a.createdAt;
            em.persist(a);
            em.flush();
            step(em, caller, a, -1, null, StepDecision.SUBMITTED, a.eligibilityZh);
            AuditLog.write(em, caller, AuditAction.CREATE, TYPE, a.id, a.jurisdictionCode,
                    AuditLog.diff(Map.of(), a.auditView()), null);
            return toDTO(a);
        });
    }

    @Override
    public BenefitApplicationDTO decide(Caller caller, long id, DecisionDTO in) {
        Input.body(in);
        StepDecision decision = Input.present(in.decision, "decision", "审核结论", "decision");
        long version = Input.present(in.version, "version", "版本号", "version");
        if (decision == StepDecision.SUBMITTED) {
            throw RenkouException.invalid("decision", "审核结论应为 PASSED、REJECTED 或 PAID。",
                    "The decision must be PASSED, REJECTED or PAID.");
        }
        String reason = decision == StepDecision.PAID
                ? Input.optional(in.reason, "reason", "说明", "note", 500)
                : Input.required(in.reason, "reason", "审核意见", "reason", 500);
        String reference = Input.optional(in.paymentReference, "paymentReference", "发放凭证号", "payment reference", 60);
        LocalDate today = LocalDate.now(clock);
        return db.tx(em -> {
            BenefitApplicationEntity a = open(em, caller, id);
            if (a.version != version) {
                throw Database.staleVersion();
            }
            Map<String, Object> before = a.auditView();
            List<ApprovalStep> chain = chain(a);
            if (decision == StepDecision.PAID) {
                requireStatus(a, ApplicationStatus.APPROVED, "只有已批准的申请才能登记发放。",
                        "Only an approved application can be paid.");
                ApprovalStep last = chain.get(chain.size() - 1);
                requireReviewer(caller, a, last.level());
                LocalDate paidOn = in.paidOn == null ? today : in.paidOn;
                if (paidOn.isAfter(today) || paidOn.isBefore(a.appliedOn)) {
                    throw RenkouException.invalid("paidOn", "发放日期应在申请日期与今天之间。",
                            "The payment date must lie between the application date and today.");
                }
                a.status = ApplicationStatus.PAID;
                a.paidOn = paidOn;
                a.paymentReference = reference;
                step(em, caller, a, chain.size(), last.level(), decision, reason);
            } else {
                requireStatus(a, ApplicationStatus.IN_REVIEW, "该申请已审结。", "The application has been decided.");
                int index = a.currentStep;
                ApprovalStep current = chain.get(index);
                requireReviewer(caller, a, current.level());
                if (decision == StepDecision.PASSED) {
                    checkCanPass(em, a, today);
                    if (index + 1 < chain.size()) {
                        startStep(a, index + 1, chain.get(index + 1), today);
                    } else {
                        a.status = ApplicationStatus.APPROVED;
                        a.currentStep = null;
                        a.noticeFrom = null;
                        a.noticeUntil = null;
                    }
                } else {
                    a.status = ApplicationStatus.REJECTED;
                }
                step(em, caller, a, index, current.level(), decision, reason);
            }
            a.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
            em.flush();
            AuditLog.write(em, caller, AuditAction.UPDATE, TYPE, a.id, a.jurisdictionCode,
                    AuditLog.diff(before, a.auditView()), reason);
            return toDTO(a);
        });
    }

    @Override
    public List<BenefitStepDTO> steps(Caller caller, long id) {
        return db.tx(em -> {
            visible(em, caller, id);
            return em.createQuery("SELECT s FROM BenefitStepEntity s WHERE s.applicationId = :a ORDER BY s.id",
                    BenefitStepEntity.class).setParameter("a", id).getResultList().stream().map(s -> {
                        BenefitStepDTO d = new BenefitStepDTO();
                        d.stepIndex = s.stepIndex;
                        d.level = s.level;
                        d.decision = s.decision;
                        d.actor = s.actor;
                        d.at = s.at;
                        d.reason = s.reason;
                        return d;
                    }).collect(Collectors.toList());
        });
    }

    @Override
    public List<ObjectionDTO> objections(Caller caller, long id) {
        return db.tx(em -> {
            visible(em, caller, id);
            return objectionsOf(em, id).stream().map(BenefitApplicationServiceImpl::toDTO).collect(Collectors.toList());
        });
    }

    @Override
    public ObjectionDTO raiseObjection(Caller caller, long id, ObjectionDTO in) {
        caller.require("登记异议", "record objections", Role.PEOPLE_WRITERS);
        Input.body(in);
        String objector = Input.required(in.objector, "objector", "异议人", "objector", 50);
        String content = Input.required(in.content, "content", "异议内容", "objection", 1000);
        return db.tx(em -> {
            BenefitApplicationEntity a = open(em, caller, id);
            requireStatus(a, ApplicationStatus.IN_REVIEW, "该申请已审结，不能再登记异议。",
                    "The application has been decided; objections can no longer be recorded.");
            BenefitObjectionEntity o = new BenefitObjectionEntity();
            o.applicationId = a.id;
            o.stepIndex = a.currentStep;
            o.objector = objector;
            o.content = content;
            o.recordedBy = caller.username();
            o.recordedAt = LocalDateTime.now(ZoneOffset.UTC);
            o.status = ObjectionStatus.OPEN;
            em.persist(o);
            em.flush();
            AuditLog.write(em, caller, AuditAction.CREATE, OBJECTION_TYPE, o.id, a.jurisdictionCode,
                    AuditLog.diff(Map.of(), Map.of("applicationId", a.id, "stepIndex", o.stepIndex)), null);
            return toDTO(o);
        });
    }

    @Override
    public ObjectionDTO resolveObjection(Caller caller, long id, long objectionId, ObjectionDTO in) {
        Input.body(in);
        if (in.status != ObjectionStatus.UPHELD && in.status != ObjectionStatus.DISMISSED) {
            throw RenkouException.invalid("status", "处理结果应为 UPHELD（成立）或 DISMISSED（不成立）。",
                    "The status must be UPHELD or DISMISSED.");
        }
        String resolution = Input.required(in.resolution, "resolution", "处理理由", "reason", 500);
        long version = Input.present(in.version, "version", "版本号", "version");
        return db.tx(em -> {
            BenefitApplicationEntity a = open(em, caller, id);
            BenefitObjectionEntity o = em.find(BenefitObjectionEntity.class, objectionId);
            if (o == null || !o.applicationId.equals(a.id)) {
                throw Scope.notFound(OBJECTION_TYPE, objectionId);
            }
            requireStatus(a, ApplicationStatus.IN_REVIEW, "该申请已审结。", "The application has been decided.");
            requireReviewer(caller, a, chain(a).get(o.stepIndex).level());
            if (o.version != version) {
                throw Database.staleVersion();
            }
            if (o.status != ObjectionStatus.OPEN) {
                throw RenkouException.conflict("status", "该异议已处理。", "The objection has been resolved.");
            }
            o.status = in.status;
            o.resolution = resolution;
            o.resolvedBy = caller.username();
            o.resolvedAt = LocalDateTime.now(ZoneOffset.UTC);
            em.flush();
            AuditLog.write(em, caller, AuditAction.UPDATE, OBJECTION_TYPE, o.id, a.jurisdictionCode,
                    AuditLog.diff(Map.of("status", ObjectionStatus.OPEN), Map.of("status", o.status)), resolution);
            return toDTO(o);
        });
    }

    /** The application within reach whose scheme is active: every new step needs the province module. */
    private BenefitApplicationEntity open(EntityManager em, Caller caller, long id) {
        BenefitApplicationEntity a = visible(em, caller, id);
        schemes.active(a.schemeId, a.provinceCode);
        return a;
    }

    private BenefitApplicationEntity visible(EntityManager em, Caller caller, long id) {
        BenefitApplicationEntity a = em.find(BenefitApplicationEntity.class, id);
        if (a == null) {
            throw Scope.notFound(TYPE, id);
        }
        requireVisible(caller, a);
        return a;
    }

    private void requireVisible(Caller caller, BenefitApplicationEntity a) {
        if (!caller.covers(a.jurisdictionCode)) {
            throw AuditLog.denied(db, caller, TYPE, a.id, a.jurisdictionCode);
        }
    }

    /**
     * A step is decided by a DIRECTOR or FAMILY_SERVICES officer working in a jurisdiction of the step's level
     * that covers the application (the community's own office, its street, its county).
     */
    private void requireReviewer(Caller caller, BenefitApplicationEntity a, ReviewLevel level) {
        boolean atLevel = caller.jurisdictionCodes().stream().anyMatch(code -> !code.isEmpty()
                && JurisdictionLevel.ofCode(code) == level.jurisdictionLevel() && caller.hasAny(Role.CASEWORKERS)
                && a.jurisdictionCode.startsWith(JurisdictionLevel.ofCode(code).childPrefix(code)));
        if (!atLevel) {
            throw deny(caller, null, TYPE, a.id, a.jurisdictionCode,
                    "本步骤（" + level.nameZh() + "）须由该申请所属" + level.jurisdictionLevel().nameZh()
                            + "的主任或家庭服务专干办理。",
                    "This step (" + level.nameEn() + ") is for a director or family-services officer of the "
                            + level.jurisdictionLevel().nameEn() + " the application belongs to.");
        }
    }

    /** The public notice must have ended, and every objection of the step be dismissed. */
    private static void checkCanPass(EntityManager em, BenefitApplicationEntity a, LocalDate today) {
        if (today.isBefore(a.noticeUntil)) {
            throw RenkouException.conflict("decision", "公示期未满：" + a.noticeUntil + " 起才能通过本步骤。",
                    "The public notice has not ended: the step can pass from " + a.noticeUntil + ".");
        }
        for (BenefitObjectionEntity o : objectionsOf(em, a.id)) {
            if (o.stepIndex == a.currentStep && o.status == ObjectionStatus.OPEN) {
                throw RenkouException.conflict("decision", "公示期间的异议（" + o.id + "）尚未处理，不能通过。",
                        "Objection " + o.id + " raised during the notice is not resolved yet.");
            }
            if (o.stepIndex == a.currentStep && o.status == ObjectionStatus.UPHELD) {
                throw RenkouException.conflict("decision", "异议（" + o.id + "）成立，本步骤不能通过，请作不予通过处理。",
                        "Objection " + o.id + " was upheld: the step cannot pass; reject the application.");
            }
        }
    }

    private static void requireStatus(BenefitApplicationEntity a, ApplicationStatus status, String zh, String en) {
        if (a.status != status) {
            throw RenkouException.conflict("status", zh, en);
        }
    }

    private static void startStep(BenefitApplicationEntity a, int index, ApprovalStep step, LocalDate today) {
        a.currentStep = index;
        a.noticeFrom = today;
        a.noticeUntil = today.plusDays(step.noticeDays());
    }

    private static void step(EntityManager em, Caller caller, BenefitApplicationEntity a, int index,
            ReviewLevel level, StepDecision decision, String reason) {
        BenefitStepEntity s = new BenefitStepEntity();
        s.applicationId = a.id;
        s.stepIndex = index;
        s.level = level;
        s.decision = decision;
        s.actor = caller.username();
        s.at = LocalDateTime.now(ZoneOffset.UTC);
        s.reason = reason;
        em.persist(s);
    }

    /** A refusal by role or level: audited in its own transaction, then FORBIDDEN. */
    private RenkouException deny(Caller caller, String field, String type, Object id, String code, String zh,
            String en) {
        AuditLog.recordDenied(db, caller, type, id, code, en);
        return new RenkouException(RenkouException.Kind.FORBIDDEN, field, zh, en);
    }

    private static List<BenefitObjectionEntity> objectionsOf(EntityManager em, long applicationId) {
        return em.createQuery("SELECT o FROM BenefitObjectionEntity o WHERE o.applicationId = :a ORDER BY o.id",
                BenefitObjectionEntity.class).setParameter("a", applicationId).getResultList();
    }

    /** A province's reason, cut to fit its column. */
    private static String cut(String reason) {
        return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
    }

    /** The community (12 digits) of a residence code, which may be a resident group below it. */
    private static String community(String residenceCode) {
        return residenceCode.length() > 12 ? residenceCode.substring(0, 12) : residenceCode;
    }

    static List<ApprovalStep> chain(BenefitApplicationEntity a) {
        List<ApprovalStep> steps = new ArrayList<>();
        for (String part : a.approvalChain.split(",")) {
            String[] p = part.split(":");
            steps.add(new ApprovalStep(ReviewLevel.valueOf(p[0]), Integer.parseInt(p[1])));
        }
        return steps;
    }

    private BenefitApplicationDTO toDTO(BenefitApplicationEntity a) {
        BenefitApplicationDTO d = new BenefitApplicationDTO();
        d.id = a.id;
        d.schemeId = a.schemeId;
        d.schemeNameZh = a.schemeNameZh;
        d.schemeNameEn = a.schemeNameEn;
        d.provinceCode = a.provinceCode;
        d.applicantId = a.applicantId;
        d.jurisdictionCode = a.jurisdictionCode;
        d.appliedOn = a.appliedOn;
        d.amount = a.amount;
        d.amountPeriod = a.amountPeriod;
        d.eligibilityZh = a.eligibilityZh;
        d.eligibilityEn = a.eligibilityEn;
        d.status = a.status;
        d.approvalChain = chain(a);
        d.currentStep = a.currentStep;
        d.noticeFrom = a.noticeFrom;
        d.noticeUntil = a.noticeUntil;
        d.paidOn = a.paidOn;
        d.paymentReference = a.paymentReference;
        d.schemeActive = schemes.find(a.schemeId).isPresent();
        d.version = a.version;
        return d;
    }

    private static ObjectionDTO toDTO(BenefitObjectionEntity o) {
        ObjectionDTO d = new ObjectionDTO();
        d.id = o.id;
        d.applicationId = o.applicationId;
        d.stepIndex = o.stepIndex;
        d.objector = o.objector;
        d.content = o.content;
        d.recordedBy = o.recordedBy;
        d.recordedAt = o.recordedAt;
        d.status = o.status;
        d.resolution = o.resolution;
        d.resolvedBy = o.resolvedBy;
        d.resolvedAt = o.resolvedAt;
        d.version = o.version;
        return d;
    }
}
