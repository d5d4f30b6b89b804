package org.renkou.core.internal;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.persistence.EntityManager;

import org.renkou.core.api.AuditAction;
import org.renkou.core.api.Caller;
import org.renkou.core.internal.entities.AuditEntryEntity;

/**
 * Writes audit entries inside the caller's transaction, so a change and its entry commit or roll back together.
 * Changes are stored as a JSON object {@code {"field": [old, new]}}.
 */
public final class AuditLog {
    private static final int MAX_CHANGES = 32000;

    private AuditLog() {
    }

    public static void write(EntityManager em, Caller caller, AuditAction action, String entityType, Object entityId,
            String jurisdictionCode, String changes, String reason) {
        AuditEntryEntity a = new AuditEntryEntity();
        a.at = LocalDateTime.now(ZoneOffset.UTC);
        a.actor = caller.username();
        a.action = action;
        a.entityType = entityType;
        a.entityId = entityId == null ? null : entityId.toString();
        a.jurisdictionCode = jurisdictionCode;
        a.changes = changes == null || changes.length() <= MAX_CHANGES ? changes
                : changes.substring(0, MAX_CHANGES - 20) + "…(truncated)";
        a.reason = reason;
        em.persist(a);
    }

    /** {@code {"f": [old, new]}} for every field whose value differs; {@code old} or {@code after} may be empty. */
    public static String diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object[]> changed = new LinkedHashMap<>();
        for (String k : union(before, after)) {
            Object o = before.get(k);
            Object n = after.get(k);
            if (!Objects.equals(o, n)) {
                changed.put(k, new Object[] {o, n});
            }
        }
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, Object[]> e : changed.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            quote(sb, e.getKey()).append(":[");
            value(sb, e.getValue()[0]).append(',');
            value(sb, e.getValue()[1]).append(']');
        }
        return sb.append('}').toString();
    }

    private static Iterable<String> union(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        a.keySet().forEach(k -> keys.put(k, true));
        b.keySet().forEach(k -> keys.put(k, true));
        return keys.keySet();
    }

    private static StringBuilder value(StringBuilder sb, Object v) {
        if (v == null) {
            return sb.append("null");
        }
        if (v instanceof Number || v instanceof Boolean) {
            return sb.append(v);
        }
        return quote(sb, v.toString());
    }

    static StringBuilder quote(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"');
    }
}
