package org.renkou.association.internal.families;

import static org.renkou.association.internal.AssociationDatabase.association;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.association.internal.Association;
import org.renkou.association.internal.AssociationDTO.Case;
import org.renkou.association.internal.AssociationDTO.CaseEntry;
import org.renkou.association.internal.AssociationDTO.CaseEntryKind;
import org.renkou.association.internal.AssociationDTO.FamilyKind;
import org.renkou.association.internal.AssociationDatabase;
import org.renkou.association.internal.CoreLinks;
import org.renkou.association.internal.entities.families.CaseEntity;
import org.renkou.association.internal.entities.families.CaseEntryEntity;
import org.renkou.association.internal.entities.organisation.AssociationEntity;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;

/**
 * Special-family support (计生特殊家庭帮扶): a case per family whose only child died or is disabled, with two assigned
 * contacts (双岗联系人), a timeline of visits (at least monthly) and support given (心理慰藉, 就医绿色通道, 家庭医生签约,
 * 节日慰问 with 慰问金 amounts), linked to the family's special-support benefit application in the core.
 *
 * <p><b>Sensitive.</b> A case is visible only to its two contacts, the association's secretary (the account named
 * on the association) and the office's directors, all within reach of the association. Every read — a list too —
 * writes a READ_SENSITIVE entry in the transaction that reads; every refusal a DENIED entry. Out of reach answers
 * 404 exactly as a missing case; within reach without the right, 403. Audit entries name the rule and ids, never
 * a note or an amount.
 */
@Component(service = SpecialCaseService.class, property = Association.CONDITION)
public class SpecialCaseService {
    static final int CONTACT_EVERY_DAYS = 31;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");
    private static final String TYPE = "SpecialFamilyCase";
    private final AssociationDatabase db;
    private final CoreLinks core;

    @Activate
    public SpecialCaseService(@Reference AssociationDatabase db, @Reference CoreLinks core) {
        this.db = db;
        this.core = core;
    }

    /** Whether {@code caller} may see the cases of {@code a} as a whole (secretary of it, or a director). */
    private static boolean overseer(Caller caller, AssociationEntity a) {
        return caller.has(Role.DIRECTOR)
                || caller.has(Role.ASSOCIATION_SECRETARY) && caller.username().equals(a.secretary);
    }

    private static boolean mayRead(Caller caller, AssociationEntity a, CaseEntity c) {
        return overseer(caller, a) || caller.username().equals(c.contactA) || caller.username().equals(c.contactB);
    }

    /** The cases of the association the caller may see; the list read itself is audited. */
    public List<Case> cases(Caller caller, long associationId) {
        return db.tx(em -> {
            AssociationEntity a = reach(em, caller, associationId);
            List<Case> out = em.createQuery("SELECT c FROM CaseEntity c WHERE c.associationId = :a ORDER BY c.id",
                    CaseEntity.class).setParameter("a", associationId).getResultList().stream()
                    .filter(c -> mayRead(caller, a, c)).map(c -> dto(em, c, false)).toList();
            db.auditRead(em, caller, TYPE, "association:" + a.id, a.jurisdictionCode,
                    "list of " + out.size() + " cases");
            return out;
        });
    }

    /** One case with its timeline; audited as a sensitive read, refused (and audited) without the right. */
    public Case read(Caller caller, long associationId, long id, String reason) {
        String why = Input.optional(reason, "reason", "查阅原因", "reason", 500);
        return db.tx(em -> {
            CaseEntity c = allowed(em, caller, associationId, id, "read");
            AssociationEntity a = em.find(AssociationEntity.class, c.associationId);
            db.auditRead(em, caller, TYPE, c.id, a.jurisdictionCode, why);
            return dto(em, c, true);
        });
    }

    /** Opens a case: the association's secretary or a director; two distinct contacts who reach the family. */
    public Case open(Caller caller, long associationId, Case in) {
        Input.body(in);
        Long householdId = Input.present(in.householdId(), "householdId", "家庭户", "household");
        String kind = AssociationDatabase.oneOf(in.familyKind(), "familyKind", "家庭类别", "family kind",
                FamilyKind.values());
        String a1 = Input.required(in.contactA(), "contactA", "第一联系人", "first contact", 60);
        String a2 = Input.required(in.contactB(), "contactB", "第二联系人", "second contact", 60);
        if (a1.equals(a2)) {
            throw RenkouException.invalid("contactB", "两名联系人不能是同一人。", "The two contacts must be two people.");
        }
        String note = Input.optional(in.note(), "note", "备注", "note", 500);
        String residence = core.household(caller, householdId).orElseThrow(() -> RenkouException.notFound(
                "householdId", "家庭户 " + householdId + " 不存在或不在您的辖区内。",
                "Household " + householdId + " does not exist or lies outside your jurisdiction."));
        if (in.benefitApplicationId() != null && !core.benefitApplication(caller, in.benefitApplicationId())) {
            throw RenkouException.notFound("benefitApplicationId",
                    "扶助申请 " + in.benefitApplicationId() + " 不存在或不在您的辖区内。",
                    "Benefit application " + in.benefitApplicationId() + " does not exist or lies outside your "
                            + "jurisdiction.");
        }
        return db.tx(em -> {
            AssociationEntity a = reach(em, caller, associationId);
            if (!overseer(caller, a)) {
                throw forbidden();
            }
            if (residence == null || !residence.startsWith(ContactService.prefix(a.jurisdictionCode))) {
                throw RenkouException.notFound("householdId", "家庭户 " + householdId + " 不在协会辖区内。",
                        "Household " + householdId + " lies outside the association's area.");
            }
            checkContact(a1, "contactA", a);
            checkContact(a2, "contactB", a);
            CaseEntity c = new CaseEntity();
            c.associationId = a.id;
            c.householdId = householdId;
            c.familyKind = kind;
            c.contactA = a1;
            c.contactB = a2;
            c.benefitApplicationId = in.benefitApplicationId();
            c.openedOn = in.openedOn() == null ? db.today()
                    : db.date(in.openedOn(), "openedOn", "建档日期", "opening date", 0);
            c.note = note;
            em.persist(c);
            em.flush();
            db.audit(em, caller, AuditAction.CREATE, TYPE, c.id, a.jurisdictionCode,
                    "{\"contacts\":[\"" + a1 + "\",\"" + a2 + "\"]}");
            return dto(em, c, true);
        });
    }

    /** Logs a visit or support given; by the case's contacts, the secretary or a director. */
    public CaseEntry addEntry(Caller caller, long associationId, long id, CaseEntry in) {
        Input.body(in);
        String kind = AssociationDatabase.oneOf(in.kind(), "kind", "帮扶类型", "kind of entry",
                CaseEntryKind.values());
        LocalDate on = db.date(in.entryOn(), "entryOn", "日期", "date", 0);
        String note = Input.optional(in.note(), "note", "记录", "note", 500);
        BigDecimal amount = in.amount();
        if (amount != null && (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.scale() > 2)) {
            throw RenkouException.invalid("amount", "金额须在 0 至 100000 元之间，最多两位小数。",
                    "The amount must be between 0 and 100000 yuan, with at most two decimals.");
        }
        return db.tx(em -> {
            CaseEntity c = allowed(em, caller, associationId, id, "write");
            if (on.isBefore(c.openedOn)) {
                throw RenkouException.invalid("entryOn", "日期不能早于建档日期。", "The date cannot be before the case was opened.");
            }
            CaseEntryEntity e = new CaseEntryEntity();
            e.caseId = c.id;
            e.entryOn = on;
            e.kind = kind;
            e.note = note;
            e.amount = amount;
            e.recordedBy = caller.username();
            em.persist(e);
            em.flush();
            AssociationEntity a = em.find(AssociationEntity.class, c.associationId);
            db.audit(em, caller, AuditAction.CREATE, TYPE + "Entry", e.id, a.jurisdictionCode,
                    "{\"case\":" + c.id + ",\"kind\":\"" + kind + "\"}");
            return entry(e);
        });
    }

    /**
     * The case if the caller may see it. Out of reach or missing: 404; within reach without the right: 403. Both
     * refusals are audited in a transaction of their own, so they stay although this one rolls back.
     */
    private CaseEntity allowed(EntityManager em, Caller caller, long associationId, long id, String what) {
        AssociationEntity a = em.find(AssociationEntity.class, associationId);
        CaseEntity c = em.find(CaseEntity.class, id);
        if (a == null || c == null || !c.associationId.equals(a.id) || !caller.covers(a.jurisdictionCode)) {
            throw db.refuse(caller, TYPE, id, a == null ? null : a.jurisdictionCode, "not found or out of reach",
                    notFound(id));
        }
        if (!mayRead(caller, a, c)) {
            throw db.refuse(caller, TYPE, id, a.jurisdictionCode, what + ": not an assigned contact, the "
                    + "association's secretary or a director", forbidden());
        }
        return c;
    }

    private AssociationEntity reach(EntityManager em, Caller caller, long associationId) {
        try {
            return association(em, caller, associationId, "associationId");
        } catch (RenkouException e) {
            throw db.refuse(caller, TYPE, "association:" + associationId, null, "association out of reach", e);
        }
    }

    private void checkContact(String username, String field, AssociationEntity a) {
        Caller c = core.staff(username).orElse(null);
        if (c == null || !c.covers(a.jurisdictionCode)) {
            throw RenkouException.invalid(field, "联系人 " + username + " 不是本辖区在职的工作人员账户。",
                    "Contact " + username + " is not an active staff account covering this jurisdiction.");
        }
    }

    private static RenkouException notFound(long id) {
        return RenkouException.notFound("id", "帮扶档案 " + id + " 不存在或不在您的辖区内。",
                "Case " + id + " does not exist or lies outside your jurisdiction.");
    }

    private static RenkouException forbidden() {
        return RenkouException.forbidden("计生特殊家庭帮扶档案仅限双岗联系人、协会秘书和主任查阅。",
                "A special-family case is open only to its two contacts, the association's secretary and directors.");
    }

    private Case dto(EntityManager em, CaseEntity c, boolean withEntries) {
        LocalDate last = em.createQuery("SELECT MAX(e.entryOn) FROM CaseEntryEntity e WHERE e.caseId = :c",
                LocalDate.class).setParameter("c", c.id).getSingleResult();
        LocalDate since = last == null ? c.openedOn : last;
        boolean due = c.closedOn == null && since.plusDays(CONTACT_EVERY_DAYS).isBefore(db.today());
        List<CaseEntry> entries = !withEntries ? null
                : em.createQuery("SELECT e FROM CaseEntryEntity e WHERE e.caseId = :c ORDER BY e.entryOn DESC, e.id "
                        + "DESC", CaseEntryEntity.class).setParameter("c", c.id).getResultList().stream()
                        .map(this::entry).toList();
        return new Case(c.id, c.associationId, c.householdId, c.familyKind, c.contactA, c.contactB,
                c.benefitApplicationId, c.openedOn, c.closedOn, c.note, last, due, entries, c.version,
                core.staffName(c.contactA), core.staffName(c.contactB));
    }

    private CaseEntry entry(CaseEntryEntity e) {
        return new CaseEntry(e.id, e.entryOn, e.kind, e.note, e.amount, e.recordedBy, core.staffName(e.recordedBy));
    }
}
