package org.renkou.association.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.association.internal.entities.organisation.AssociationEntity;
import org.renkou.association.internal.entities.organisation.MemberEntity;
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.module.api.db.JdbcRead;
import org.renkou.module.api.db.ModuleDatabase;
import org.renkou.module.api.db.ModuleDatabases;

/**
 * The association's own persistence unit {@code renkou.association}, migrated by {@code db/association} through the
 * core's {@link ModuleDatabases}, the clock (dates in China time) and the lookups every service shares: an
 * association or member by id within the caller's reach (out of reach answers exactly as "does not exist").
 */
@Component(service = AssociationDatabase.class, property = Association.CONDITION)
public class AssociationDatabase {
    private final ModuleDatabase db;
    private final Clock clock;

    @Activate
    public AssociationDatabase(@Reference(target = "(osgi.unit.name=renkou.association)") EntityManagerFactory emf,
            @Reference ModuleDatabases databases, BundleContext ctx) {
        this(databases.open(emf, ctx.getBundle()), Clock.systemUTC());
    }

    AssociationDatabase(ModuleDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public <T> T tx(Function<EntityManager, T> work) {
        return db.tx(work);
    }

    public <T> T read(Function<EntityManager, T> work) {
        return db.read(work);
    }

    /** A heavy report read over plain JDBC, on the hot standby where there is one ({@link ModuleDatabase#report}). */
    public <T> T report(String what, JdbcRead<T> read) {
        return db.report(what, read);
    }

    /** An audit entry in {@code em}'s open transaction: the change and its entry commit together. */
    public void audit(EntityManager em, Caller caller, AuditAction action, String entityType, Object entityId,
            String jurisdictionCode, String changes) {
        db.audit(em, caller, action, entityType, entityId == null ? null : entityId.toString(), jurisdictionCode,
                changes, null);
    }

    /** A read of sensitive data, recorded with the reason given, in the transaction that reads it. */
    public void auditRead(EntityManager em, Caller caller, String entityType, Object entityId, String jurisdictionCode,
            String reason) {
        db.audit(em, caller, AuditAction.READ_SENSITIVE, entityType, String.valueOf(entityId), jurisdictionCode,
                null, reason == null ? null : reason.length() > 500 ? reason.substring(0, 500) : reason);
    }

    /**
     * Records a refusal (DENIED) in a transaction of its own, so it stays even though the request fails, and
     * returns the exception to throw. {@code why} names the rule, never the data.
     */
    public RenkouException refuse(Caller caller, String entityType, Object entityId, String jurisdictionCode, String why,
            RenkouException answer) {
        db.tx(em -> {
            db.audit(em, caller, AuditAction.DENIED, entityType, String.valueOf(entityId), jurisdictionCode, why, null);
            return null;
        });
        return answer;
    }

    public LocalDate today() {
        return ChinaTime.today(clock);
    }

    /** The association, if it exists and the caller reaches its jurisdiction; else 404 naming {@code field}. */
    public static AssociationEntity association(EntityManager em, Caller caller, Long id, String field) {
        AssociationEntity a = id == null ? null : em.find(AssociationEntity.class, id);
        if (a == null || !caller.covers(a.jurisdictionCode)) {
            throw RenkouException.notFound(field, "协会 " + id + " 不存在或不在您的辖区内。",
                    "Association " + id + " does not exist or lies outside your jurisdiction.");
        }
        return a;
    }

    /** The member of {@code association}, else 404 naming {@code field} (a member elsewhere counts as absent). */
    public static MemberEntity member(EntityManager em, AssociationEntity association, Long id, String field) {
        MemberEntity m = id == null ? null : em.find(MemberEntity.class, id);
        if (m == null || !m.associationId.equals(association.id)) {
            throw RenkouException.notFound(field, "会员 " + id + " 不存在或不属于该协会。",
                    "Member " + id + " does not exist or does not belong to this association.");
        }
        return m;
    }

    /** {@code s} as one of {@code allowed} (an enum's names), else INVALID naming the field. */
    public static String oneOf(String s, String field, String labelZh, String labelEn, Enum<?>[] allowed) {
        if (s != null) {
            for (Enum<?> e : allowed) {
                if (e.name().equals(s.strip())) {
                    return e.name();
                }
            }
        }
        StringBuilder names = new StringBuilder();
        for (Enum<?> e : allowed) {
            names.append(names.length() == 0 ? "" : ", ").append(e.name());
        }
        throw RenkouException.invalid(field, labelZh + "必须是以下之一：" + names + "。",
                "The " + labelEn + " must be one of " + names + ".");
    }

    /** A date within plausible bounds: not before 1980, not more than {@code daysAhead} after today. */
    public LocalDate date(LocalDate d, String field, String labelZh, String labelEn, int daysAhead) {
        if (d == null) {
            throw RenkouException.invalid(field, "请填写" + labelZh + "。", "The " + labelEn + " is required.");
        }
        if (d.isBefore(LocalDate.of(1980, 1, 1)) || d.isAfter(today().plusDays(daysAhead))) {
            throw RenkouException.invalid(field, labelZh + "不在合理范围内。",
                    "The " + labelEn + " is out of the plausible range.");
        }
        return d;
    }

    /** A count between 0 and {@code max}; null counts as 0. */
    public static int count(Integer n, String field, String labelZh, String labelEn, int max) {
        if (n == null) {
            return 0;
        }
        if (n < 0 || n > max) {
            throw RenkouException.invalid(field, labelZh + "必须在 0 到 " + max + " 之间。",
                    "The " + labelEn + " must be between 0 and " + max + ".");
        }
        return n;
    }
}
