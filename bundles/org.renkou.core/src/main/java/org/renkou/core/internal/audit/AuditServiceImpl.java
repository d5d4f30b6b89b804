package org.renkou.core.internal.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.Page;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.audit.AuditExport;
import org.renkou.core.api.audit.AuditEntryDTO;
import org.renkou.core.api.audit.AuditQuery;
import org.renkou.core.api.audit.AuditService;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.PagedQuery;
import org.renkou.core.internal.jurisdiction.Scope;
import org.renkou.core.internal.replica.ReadDatabase;

/**
 * Reads the audit log, scoped like everything else; entries without a jurisdiction are for ADMIN and AUDITOR. The
 * export is a report read ({@link ReadDatabase}: on a hot standby where one is configured); writing stays on the
 * primary.
 */
@Component
public class AuditServiceImpl implements AuditService {
    /** Rows a round trip while exporting (PostgreSQL reads through a cursor inside the transaction). */
    static final int EXPORT_FETCH = 1000;

    private final Database db;
    private final ReadDatabase reads;

    @Activate
    public AuditServiceImpl(@Reference CoreDatabase database, @Reference ReadDatabase reads) {
        this(database.database(), reads);
    }

    AuditServiceImpl(Database db, ReadDatabase reads) {
        this.db = db;
        this.reads = reads;
    }

    /** Outside OSGi (tests in other packages, tools): on a plain {@link Database}; SCR sees only the constructor above. */
    public static AuditServiceImpl on(Database db) {
        return new AuditServiceImpl(db, ReadDatabase.onPrimary(db));
    }

    @Override
    public List<AuditEntryDTO> history(Caller caller, String entityType, String entityId) {
        caller.require("查看审计记录", "read the audit log", Role.AUDIT_READERS);
        return db.tx(em -> em.createNamedQuery(AuditEntryEntity.HISTORY, AuditEntryEntity.class)
                .setParameter("type", entityType).setParameter("id", entityId).getResultList().stream()
                .filter(a -> visible(caller, a)).map(AuditServiceImpl::toDTO).collect(Collectors.toList()));
    }

    @Override
    public Page<AuditEntryDTO> search(Caller caller, AuditQuery q) {
        caller.require("查看审计记录", "read the audit log", Role.AUDIT_READERS);
        AuditQuery query = q == null ? new AuditQuery() : q;
        int[] paging = Page.check(query.offset, query.limit);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ");
        String scope = Scope.condition(caller, params, "a.jurisdictionCode");
        // an entry without a jurisdiction (platform operations) is for platform-wide auditors only: a local
        // auditor must not read another place's entries through a missing code
        where.append(scope);
        add(where, params, "a.actor = :actor", "actor", Input.trimToNull(query.actor));
        add(where, params, "a.action = :action", "action", query.action);
        add(where, params, "a.entityType = :type", "type", Input.trimToNull(query.entityType));
        add(where, params, "a.entityId = :eid", "eid", Input.trimToNull(query.entityId));
        add(where, params, "a.at >= :from", "from",
                query.from == null ? null : LocalDateTime.ofInstant(query.from, ZoneOffset.UTC));
        add(where, params, "a.at < :to", "to",
                query.to == null ? null : LocalDateTime.ofInstant(query.to, ZoneOffset.UTC));
        return db.tx(em -> PagedQuery.run(em, AuditEntryEntity.class, "AuditEntryEntity a", where.toString(), "a.id DESC",
                params, paging, AuditServiceImpl::toDTO));
    }

    @Override
    public long export(Caller caller, AuditQuery q, AuditExport out) {
        caller.require("查看审计记录", "read the audit log", Role.AUDIT_READERS);
        AuditQuery query = q == null ? new AuditQuery() : q;
        List<Object> params = new ArrayList<>();
        // the conditions of search(), in SQL: the export runs on a plain connection, maybe the standby's
        StringBuilder sql = new StringBuilder("SELECT ID, AT_TIME, ACTOR, ACTION_NAME, ENTITY_TYPE, ENTITY_ID, "
                + "JURISDICTION_CODE, CHANGES, REASON FROM AUDIT_ENTRY WHERE ")
                .append(Scope.sqlCondition(caller, params, "JURISDICTION_CODE"));
        add(sql, params, "ACTOR = ?", Input.trimToNull(query.actor));
        add(sql, params, "ACTION_NAME = ?", query.action == null ? null : query.action.name());
        add(sql, params, "ENTITY_TYPE = ?", Input.trimToNull(query.entityType));
        add(sql, params, "ENTITY_ID = ?", Input.trimToNull(query.entityId));
        add(sql, params, "AT_TIME >= ?",
                query.from == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(query.from, ZoneOffset.UTC)));
        add(sql, params, "AT_TIME < ?",
                query.to == null ? null : Timestamp.valueOf(LocalDateTime.ofInstant(query.to, ZoneOffset.UTC)));
        sql.append(" ORDER BY ID DESC");
        int[] attempts = {0};
        return reads.read("audit log export", c -> {
            try {
                if (attempts[0]++ > 0) {
                    out.restart(); // the standby failed part-way: the primary sends them all again
                }
                long n = 0;
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    ps.setFetchSize(EXPORT_FETCH);
                    for (int i = 0; i < params.size(); i++) {
                        ps.setObject(i + 1, params.get(i));
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.entry(entry(rs));
                            n++;
                        }
                    }
                }
                return n;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static void add(StringBuilder sql, List<Object> params, String clause, Object v) {
        if (v != null) {
            sql.append(" AND ").append(clause);
            params.add(v);
        }
    }

    /** One row of the export's query as {@link #toDTO} makes it from the entity. */
    private static AuditEntryDTO entry(ResultSet rs) throws SQLException {
        AuditEntryDTO d = new AuditEntryDTO();
        d.id = rs.getLong(1);
        d.at = rs.getTimestamp(2).toLocalDateTime().toInstant(ZoneOffset.UTC);
        d.actor = rs.getString(3);
        d.action = AuditAction.valueOf(rs.getString(4));
        d.entityType = rs.getString(5);
        d.entityId = rs.getString(6);
        d.jurisdictionCode = rs.getString(7);
        d.changes = rs.getString(8);
        d.reason = rs.getString(9);
        return d;
    }

    @Override
    public void record(Caller caller, AuditAction action, String entityType, String entityId, String jurisdictionCode,
            String changes, String reason) {
        db.tx(em -> {
            AuditLog.write(em, caller, action, entityType, entityId, jurisdictionCode, changes, reason);
            return null;
        });
    }

    private static void add(StringBuilder where, Map<String, Object> params, String clause, String name, Object v) {
        if (v != null) {
            where.append(" AND ").append(clause);
            params.put(name, v);
        }
    }

    private static boolean visible(Caller caller, AuditEntryEntity a) {
        return a.jurisdictionCode == null ? caller.coversEverything() : caller.covers(a.jurisdictionCode);
    }

    static AuditEntryDTO toDTO(AuditEntryEntity a) {
        AuditEntryDTO d = new AuditEntryDTO();
        d.id = a.id;
        d.at = a.at.toInstant(ZoneOffset.UTC);
        d.actor = a.actor;
        d.action = a.action;
        d.entityType = a.entityType;
        d.entityId = a.entityId;
        d.jurisdictionCode = a.jurisdictionCode;
        d.changes = a.changes;
        d.reason = a.reason;
        return d;
    }
}
