package org.renkou.core.internal.resident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.persistence.EntityManager;

import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.jurisdiction.Scope;

/**
 * Scoping of records that belong to residents (marriages, births, certificates): such a record is within reach
 * when one of its people lives or is registered within the caller's jurisdictions.
 */
public final class People {
    private People() {
    }

    /**
     * The resident a request body refers to ({@code field}: a spouse, parent, child, member, holder, applicant…),
     * under the same rule as a direct read: NOT_FOUND naming {@code field}, the same answer whether the resident
     * does not exist or lies out of the caller's reach (that refusal audited as DENIED), so that a reference
     * never reveals or changes a person the caller could not read.
     */
    public static ResidentEntity reachable(Database db, EntityManager em, Caller caller, Long id, String field,
            String labelZh, String labelEn) {
        Input.present(id, field, labelZh, labelEn);
        ResidentEntity r = em.find(ResidentEntity.class, id);
        if (r != null && !ResidentServiceImpl.visible(caller, r)) {
            AuditLog.recordDenied(db, caller, ResidentServiceImpl.TYPE, r.id, r.residenceCode,
                    "referenced as " + field + " outside the caller's jurisdictions " + caller.jurisdictionCodes());
            r = null;
        }
        if (r == null) {
            throw notFound(field, labelZh, labelEn, id);
        }
        return r;
    }

    /** The one answer for a referenced resident that is missing or out of reach. */
    public static RenkouException notFound(String field, String labelZh, String labelEn, Object id) {
        return RenkouException.notFound(field, labelZh + "（居民 " + id + "）不存在或不在您的辖区内。",
                "The " + labelEn + " (resident " + id + ") does not exist or lies outside your jurisdiction.");
    }

    /** Whether one of the residents with these ids (nulls ignored) is visible to the caller. */
    public static boolean anyVisible(EntityManager em, Caller caller, Long... ids) {
        for (Long id : ids) {
            ResidentEntity r = id == null ? null : em.find(ResidentEntity.class, id);
            if (r != null && ResidentServiceImpl.visible(caller, r)) {
                return true;
            }
        }
        return false;
    }

    /** The residence code of the first of these residents that exists (for audit entries). */
    public static String place(EntityManager em, Long... ids) {
        for (Long id : ids) {
            ResidentEntity r = id == null ? null : em.find(ResidentEntity.class, id);
            if (r != null) {
                return r.residenceCode;
            }
        }
        return null;
    }

    /**
     * A JPQL condition: one of the residents named by {@code idPaths} (e.g. {@code m.partyAId}) lies within the
     * caller's reach; {@code "1=1"} for a caller covering everything.
     */
    public static String visibleCondition(Caller caller, Map<String, Object> params, String... idPaths) {
        String scope = Scope.condition(caller, params, "p.residenceCode", "p.registrationCode");
        if ("1=1".equals(scope)) {
            return scope;
        }
        List<String> ids = new ArrayList<>();
        for (String path : idPaths) {
            ids.add("p.id = " + path);
        }
        return "EXISTS (SELECT p.id FROM ResidentEntity p WHERE (" + String.join(" OR ", ids) + ") AND " + scope + ")";
    }

    public static boolean same(Long a, Long b) {
        return a != null && Objects.equals(a, b);
    }
}
