package org.renkou.core.internal.audit;

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

import org.renkou.core.api.RenkouException;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.jurisdiction.Scope;
import org.renkou.core.api.Caller;
import org.renkou.core.api.audit.AuditAction;

/**
 * Writes audit entries inside the caller's transaction, so a change and its entry commit or roll back together.
 * Changes are stored as a JSON object {@code {"field": [old, new]}}.
 */
public final class AuditLog {
    private static final int MAX_CHANGES = 32000;

    private AuditLog() {
    }

    /**
     * Writes an entry in {@code em}'s open transaction, so that it commits or rolls back with the change it records.
     * The one way entries are written: through the transaction's JDBC connection, which works the same for the
     * core's unit and for a module's (whose unit does not map {@link AuditEntryEntity}), both on the same database.
     */
    public static void write(EntityManager em, Caller caller, AuditAction action, String entityType, Object entityId,
            String jurisdictionCode, String changes, String reason) {
        // EclipseLink hands out the connection of the open transaction (it begins it on the database if need be)
        Connection c = em.getTransaction().isActive() ? em.unwrap(Connection.class) : null;
        if (c == null) {
            throw new IllegalStateException("An audit entry needs the open transaction of the change it records.");
        }
        write(c, caller, action, entityType, entityId, jurisdictionCode, changes, reason);
    }

    /**
     * The answer for a record the caller may not see: audited as DENIED (in its own transaction, since the
     * caller's is rolled back), then NOT_FOUND, so that nobody learns whether the record exists.
     */
    public static RenkouException denied(Database db, Caller caller, String entityType, Object id, String code) {
        recordDenied(db, caller, entityType, id, code,
                "outside the caller's jurisdictions " + caller.jurisdictionCodes());
        return Scope.notFound(entityType, id);
    }

    /** Records a refusal as DENIED in its own transaction (the caller's is rolled back); never fails. */
    public static void recordDenied(Database db, Caller caller, String entityType, Object id, String code,
            String reason) {
        try {
            db.tx(em -> {
                write(em, caller, AuditAction.DENIED, entityType, id, code, null, reason);
                return null;
            });
        } catch (RuntimeException e) {
            // the refusal stands even if it could not be logged
        }
    }

    private static void write(Connection c, Caller caller, AuditAction action, String entityType, Object entityId,
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

    /**
     * A sensitive value (a health note…) in an audit view: {@link #diff} sees whether it changed, but the entry
     * only says "set" or "changed" — no hash, no length, nothing from which the value could be guessed.
     */
    public static Object sensitive(Object value) {
        return value == null ? null : new Sensitive(value);
    }

    private static final class Sensitive {
        private final Object value;

        Sensitive(Object value) {
            this.value = value;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Sensitive s && value.equals(s.value);
        }

        @Override
        public int hashCode() {
            return 0; // never derived from the value
        }

        @Override
        public String toString() {
            return "(已填写 / set)";
        }
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
