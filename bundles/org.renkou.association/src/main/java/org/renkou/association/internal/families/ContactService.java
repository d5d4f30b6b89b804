package org.renkou.association.internal.families;

import static org.renkou.association.internal.AssociationDatabase.association;
import static org.renkou.association.internal.AssociationDatabase.member;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.association.internal.Association;
import org.renkou.association.internal.AssociationDTO.Contact;
import org.renkou.association.internal.AssociationDTO.MemberStatus;
import org.renkou.association.internal.AssociationDTO.Visit;
import org.renkou.association.internal.AssociationDTO.VisitKind;
import org.renkou.association.internal.AssociationDatabase;
import org.renkou.association.internal.CoreLinks;
import org.renkou.association.internal.entities.families.ContactEntity;
import org.renkou.association.internal.entities.families.VisitEntity;
import org.renkou.association.internal.entities.organisation.AssociationEntity;
import org.renkou.association.internal.entities.organisation.MemberEntity;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.audit.AuditAction;

/**
 * Contact households (会员联系户): each active member looks after one or two of the core's households within the
 * association's area, and logs visits — information, help, referral to a service, with the outcome. A service
 * record, not surveillance: no health, pregnancy or contraception fields.
 */
@Component(service = ContactService.class, property = Association.CONDITION)
public class ContactService {
    static final int MAX_HOUSEHOLDS_PER_MEMBER = 2;
    private final AssociationDatabase db;
    private final CoreLinks core;

    @Activate
    public ContactService(@Reference AssociationDatabase db, @Reference CoreLinks core) {
        this.db = db;
        this.core = core;
    }

    public List<Contact> contacts(Caller caller, long associationId, Long memberId) {
        caller.require("查看联系户", "view contact households", Association.READERS);
        return db.read(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            if (memberId != null) {
                member(em, a, memberId, "memberId");
            }
            javax.persistence.TypedQuery<ContactEntity> q = em.createQuery("SELECT c FROM ContactEntity c "
                    + "WHERE c.associationId = :a" + (memberId == null ? "" : " AND c.memberId = :m")
                    + " ORDER BY c.id", ContactEntity.class).setParameter("a", associationId);
            if (memberId != null) {
                q.setParameter("m", memberId);
            }
            return q.getResultList().stream().map(c -> dto(em, c)).toList();
        });
    }

    /** Assigns a household to an active member: at most two at a time, within the association's area. */
    public Contact assign(Caller caller, long associationId, Contact in) {
        caller.require("分配联系户", "assign contact households", Association.WRITERS);
        Input.body(in);
        Long memberId = Input.present(in.memberId(), "memberId", "会员", "member");
        Long householdId = Input.present(in.householdId(), "householdId", "家庭户", "household");
        String residence = core.household(caller, householdId).orElseThrow(() -> RenkouException.notFound(
                "householdId", "家庭户 " + householdId + " 不存在或不在您的辖区内。",
                "Household " + householdId + " does not exist or lies outside your jurisdiction."));
        return db.tx(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            if (residence == null || !residence.startsWith(prefix(a.jurisdictionCode))) {
                throw RenkouException.notFound("householdId", "家庭户 " + householdId + " 不在协会辖区内。",
                        "Household " + householdId + " lies outside the association's area.");
            }
            MemberEntity m = member(em, a, memberId, "memberId");
            if (!MemberStatus.ACTIVE.name().equals(m.status)) {
                throw RenkouException.invalid("memberId", "只有正式会员可以分配联系户。",
                        "Only active members look after contact households.");
            }
            List<ContactEntity> current = em.createQuery("SELECT c FROM ContactEntity c WHERE c.memberId = :m "
                    + "AND c.endedOn IS NULL", ContactEntity.class).setParameter("m", memberId).getResultList();
            if (current.stream().anyMatch(c -> c.householdId.equals(householdId))) {
                throw RenkouException.conflict("householdId", "该户已是此会员的联系户。",
                        "The household is already this member's contact household.");
            }
            if (current.size() >= MAX_HOUSEHOLDS_PER_MEMBER) {
                throw RenkouException.invalid("memberId", "每名会员联系 1 至 2 户。",
                        "A member looks after one or two households.");
            }
            ContactEntity c = new ContactEntity();
            c.associationId = a.id;
            c.memberId = m.id;
            c.householdId = householdId;
            c.assignedOn = in.assignedOn() == null ? db.today()
                    : db.date(in.assignedOn(), "assignedOn", "分配日期", "assignment date", 0);
            em.persist(c);
            em.flush();
            db.audit(em, caller, AuditAction.CREATE, "ContactHousehold", c.id, a.jurisdictionCode,
                    "{\"member\":" + m.id + ",\"household\":" + householdId + "}");
            return dto(em, c);
        });
    }

    /** Ends a contact (handed over to another member); its visits stay. */
    public Contact end(Caller caller, long associationId, long contactId) {
        caller.require("调整联系户", "change contact households", Association.WRITERS);
        return db.tx(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            ContactEntity c = contact(em, a, contactId, "contactId");
            if (c.endedOn == null) {
                c.endedOn = db.today();
                db.audit(em, caller, AuditAction.UPDATE, "ContactHousehold", c.id, a.jurisdictionCode,
                        "{\"ended\":true}");
            }
            return dto(em, c);
        });
    }

    public List<Visit> visits(Caller caller, long associationId, long contactId) {
        caller.require("查看走访记录", "view visits", Association.READERS);
        Function<String, String> names = core.staffNames();
        return db.read(em -> {
            ContactEntity c = contact(em, association(em, caller, associationId, "associationId"), contactId,
                    "contactId");
            return em.createQuery("SELECT v FROM VisitEntity v WHERE v.contactId = :c ORDER BY v.visitedOn DESC, "
                    + "v.id DESC", VisitEntity.class).setParameter("c", c.id).getResultList().stream()
                    .map(v -> dto(v, names)).toList();
        });
    }

    public Visit logVisit(Caller caller, long associationId, long contactId, Visit in) {
        caller.require("登记走访", "log visits", Association.WRITERS);
        Input.body(in);
        String kind = AssociationDatabase.oneOf(in.kind(), "kind", "走访类型", "kind of visit", VisitKind.values());
        String outcome = Input.optional(in.outcome(), "outcome", "走访结果", "outcome", 500);
        LocalDate on = db.date(in.visitedOn(), "visitedOn", "走访日期", "visit date", 0);
        return db.tx(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            ContactEntity c = contact(em, a, contactId, "contactId");
            if (on.isBefore(c.assignedOn)) {
                throw RenkouException.invalid("visitedOn", "走访日期不能早于分配日期。",
                        "The visit cannot be before the household was assigned.");
            }
            VisitEntity v = new VisitEntity();
            v.contactId = c.id;
            v.visitedOn = on;
            v.kind = kind;
            v.outcome = outcome;
            v.recordedBy = caller.username();
            em.persist(v);
            em.flush();
            db.audit(em, caller, AuditAction.CREATE, "ContactVisit", v.id, a.jurisdictionCode,
                    "{\"contact\":" + c.id + ",\"kind\":\"" + kind + "\"}");
            return dto(v, core.staffNames());
        });
    }

    private static ContactEntity contact(EntityManager em, AssociationEntity a, Long id, String field) {
        ContactEntity c = id == null ? null : em.find(ContactEntity.class, id);
        if (c == null || !c.associationId.equals(a.id)) {
            throw RenkouException.notFound(field, "联系户记录 " + id + " 不存在或不属于该协会。",
                    "Contact " + id + " does not exist or does not belong to this association.");
        }
        return c;
    }

    static String prefix(String code) {
        return org.renkou.core.api.JurisdictionLevel.ofCode(code).childPrefix(code);
    }

    private static Contact dto(EntityManager em, ContactEntity c) {
        Object[] last = em.createQuery("SELECT MAX(v.visitedOn), COUNT(v) FROM VisitEntity v WHERE v.contactId = :c",
                Object[].class).setParameter("c", c.id).getSingleResult();
        return new Contact(c.id, c.memberId, c.householdId, c.assignedOn, c.endedOn, (LocalDate) last[0],
                ((Number) last[1]).longValue());
    }

    private static Visit dto(VisitEntity v, Function<String, String> names) {
        return new Visit(v.id, v.contactId, v.visitedOn, v.kind, v.outcome, v.recordedBy, names.apply(v.recordedBy));
    }
}
