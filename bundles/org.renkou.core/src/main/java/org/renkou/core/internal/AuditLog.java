package org.renkou.core.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

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
        a.changes = bounded(changes);
        a.reason = reason;
        em.persist(a);
    }

    /**
     * The same entry written with JDBC on {@code c}, for a module's transaction: the module's persistence unit does
     * not map the core's audit table, but its connection reaches the same database.
     */
    public static void write(Connection c, Caller caller, AuditAction action, String entityType, Object entityId,
            String jurisdictionCode, String changes, String reason) {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO AUDIT_ENTRY (AT_TIME, ACTOR, ACTION_NAME, "
                + "ENTITY_TYPE, ENTITY_ID, JURISDICTION_CODE, CHANGES, REASON) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setTimestamp(1, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
            ps.setString(2, caller.username());
            ps.setString(3, action.name());
            ps.setString(4, entityType);
            ps.setString(5, entityId == null ? null : entityId.toString());
            ps.setString(6, jurisdictionCode);
            ps.setString(7, bounded(changes));
            ps.setString(8, reason);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new PersistenceException("The audit entry could not be written: " + e.getMessage(), e);
        }
    }

    private static String bounded(String changes) {
        return changes == null || changes.length() <= MAX_CHANGES ? changes
                : changes.substring(0, MAX_CHANGES - 20) + "…(truncated)";
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
