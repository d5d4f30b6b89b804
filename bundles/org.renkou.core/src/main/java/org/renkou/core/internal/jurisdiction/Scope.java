package org.renkou.core.internal.jurisdiction;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.renkou.core.api.Caller;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.Database;

/**
 * Jurisdiction scoping in queries: a JPQL condition that keeps rows within the caller's code prefixes, and the
 * refusal (audited) for a single record out of reach.
 */
public final class Scope {
    private Scope() {
    }

    /**
     * A condition {@code (a.x LIKE :s0 OR a.y LIKE :s0 OR …)} over the given code columns, and its parameters put
     * into {@code params}; {@code "1=1"} for a caller covering everything.
     */
    public static String condition(Caller caller, Map<String, Object> params, String... columns) {
        Map<String, String> names = new HashMap<>(); // one parameter a prefix, shared by its columns
        return anyPrefix(caller, columns, prefix -> ":" + names.computeIfAbsent(prefix, p -> {
            String name = "scope" + names.size();
            params.put(name, p + "%");
            return name;
        }));
    }

    /**
     * The same condition for plain SQL: {@code (X LIKE ? OR Y LIKE ? OR …)}, its values added to {@code params} in
     * order of the placeholders.
     */
    public static String sqlCondition(Caller caller, List<Object> params, String... columns) {
        return anyPrefix(caller, columns, prefix -> {
            params.add(prefix + "%");
            return "?";
        });
    }

    /** {@code column LIKE <placeholder>} for each prefix and column, ORed; {@code placeholder} binds the prefix. */
    private static String anyPrefix(Caller caller, String[] columns, Function<String, String> placeholder) {
        if (caller.scopePrefixes().contains("")) {
            return "1=1";
        }
        List<String> parts = new ArrayList<>();
        for (String prefix : caller.scopePrefixes()) {
            for (String c : columns) {
                parts.add(c + " LIKE " + placeholder.apply(prefix));
            }
        }
        return parts.isEmpty() ? "1=0" : "(" + String.join(" OR ", parts) + ")";
    }

    /**
     * The one prefecture (地级, the first four code digits) all {@code prefixes} lie in, or null (a province, all, or
     * several prefectures). Named in a query as {@code SUBSTR(RESIDENCE_CODE, 1, 4) = ?} it changes no result, and on
     * PostgreSQL, where residents and households are partitioned by that expression, it reads one partition only.
     */
    public static String prefecture(Collection<String> prefixes) {
        String found = null;
        for (String p : prefixes) {
            if (p.length() < 4 || found != null && !found.equals(p.substring(0, 4))) {
                return null;
            }
            found = p.substring(0, 4);
        }
        return found;
    }

    public static RenkouException notFound(String entityType, Object id) {
        return RenkouException.notFound("id", "记录 " + entityType + "/" + id + " 不存在或不在您的辖区内。",
                "Record " + entityType + "/" + id + " does not exist or lies outside your jurisdiction.");
    }

    /**
     * The LIKE pattern for "at or below jurisdiction {@code code}" ({@code 4406%} for 佛山市); INVALID naming
     * {@code field} for a malformed code.
     */
    public static String below(String code, String field) {
        return JurisdictionLevel.ofCodeFor(code, field).childPrefix(code) + "%";
    }

    /** Whether {@code em} can see a jurisdiction with this code. */
    public static boolean jurisdictionExists(EntityManager em, String code) {
        return em.find(org.renkou.core.internal.jurisdiction.JurisdictionEntity.class, code) != null;
    }
}
