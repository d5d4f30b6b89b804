package org.renkou.core.internal.audit;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
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
import org.renkou.core.api.audit.AuditEntryDTO;
import org.renkou.core.api.audit.AuditQuery;
import org.renkou.core.api.audit.AuditService;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.PagedQuery;
import org.renkou.core.internal.jurisdiction.Scope;

/** Reads the audit log, scoped like everything else; entries without a jurisdiction are for ADMIN and AUDITOR. */
@Component
public class AuditServiceImpl implements AuditService {

    private final Database db;

    @Activate
    public AuditServiceImpl(@Reference CoreDatabase database) {
        this(database.database());
    }

    AuditServiceImpl(Database db) {
        this.db = db;
    }

    /** Outside OSGi (tests in other packages, tools): on a plain {@link Database}; SCR sees only the constructor above. */
    public static AuditServiceImpl on(Database db) {
        return new AuditServiceImpl(db);
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
