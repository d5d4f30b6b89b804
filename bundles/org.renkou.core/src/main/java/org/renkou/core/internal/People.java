package org.renkou.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.persistence.EntityManager;

import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.internal.entities.ResidentEntity;

/**
 * Scoping of records that belong to residents (marriages, births, certificates): such a record is within reach
 * when one of its people lives or is registered within the caller's jurisdictions.
 */
final class People {
    private People() {
    }

    /** The resident with this id; INVALID naming {@code field} when missing or unknown. */
    static ResidentEntity existing(EntityManager em, Long id, String field, String labelZh, String labelEn) {
        Input.present(id, field, labelZh, labelEn);
        ResidentEntity r = em.find(ResidentEntity.class, id);
        if (r == null) {
            throw RenkouException.invalid(field, labelZh + "（居民 " + id + "）不存在。",
                    "The " + labelEn + " (resident " + id + ") does not exist.");
        }
        return r;
    }

    /** Whether one of the residents with these ids (nulls ignored) is visible to the caller. */
    static boolean anyVisible(EntityManager em, Caller caller, Long... ids) {
        for (Long id : ids) {
            ResidentEntity r = id == null ? null : em.find(ResidentEntity.class, id);
            if (r != null && ResidentServiceImpl.visible(caller, r)) {
                return true;
            }
        }
        return false;
    }

    /** The residence code of the first of these residents that exists (for audit entries). */
    static String place(EntityManager em, Long... ids) {
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
    static String visibleCondition(Caller caller, Map<String, Object> params, String... idPaths) {
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

    static boolean same(Long a, Long b) {
        return a != null && Objects.equals(a, b);
    }
}
