package org.renkou.core.internal.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.audit.AuditEntryDTO;
import org.renkou.core.api.audit.AuditExport;
import org.renkou.core.api.audit.AuditQuery;
import org.renkou.core.internal.db.TestDatabase;

/**
 * The export's plain SQL (it runs on a hot standby where one is configured) gives what the JPA search gives: the same
 * entries field for field, the same scoping by jurisdiction, the same filters.
 */
class AuditExportTest {
    private TestDatabase db;
    private AuditServiceImpl audit;
    private final Caller officer = new Caller("officer", Set.of(Role.FAMILY_SERVICES), Set.of("440606901001"));
    private final Caller admin = new Caller("admin", Set.of(Role.ADMIN), Set.of(""));
    private final Caller local = new Caller("auditor", Set.of(Role.AUDITOR), Set.of("440606"));

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        audit = AuditServiceImpl.on(db.database);
        db.database.tx(em -> {
            AuditLog.write(em, officer, AuditAction.CREATE, "Resident", 1, "440606901001",
                    "{\"idNumber\":[null,\"440606199001010011\"]}", null);
            AuditLog.write(em, officer, AuditAction.READ_SENSITIVE, "Resident", 1, "440606901001", null, "随访服务");
            AuditLog.write(em, officer, AuditAction.UPDATE, "Resident", 2, "440104001001", "{\"name\":[\"a\",\"b\"]}",
                    null);
            AuditLog.write(em, admin, AuditAction.CONFIG, "Setting", "x", null, "on", null);
            return null;
        });
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void theExportGivesWhatTheSearchGives() {
        for (Caller c : List.of(admin, local)) {
            for (AuditQuery q : List.of(new AuditQuery(), query(null, AuditAction.READ_SENSITIVE, null),
                    query("officer", null, "1"), query(null, null, null, Instant.now().plusSeconds(60)))) {
                q.limit = Page.MAX_LIMIT;
                assertEquals(text(audit.search(c, q).items), text(export(c, q)), c.username() + " " + q.action);
            }
        }
        assertEquals(4, export(admin, new AuditQuery()).size(), "platform entries are for platform-wide auditors");
        assertEquals(2, export(local, new AuditQuery()).size(), "another place's and platform entries are not");
        assertEquals(0, export(admin, query(null, null, null, Instant.parse("2000-01-01T00:00:00Z"))).size());
    }

    @Test
    void theExportIsRefusedAsTheSearchIs() {
        assertThrows(RenkouException.class, () -> export(officer, new AuditQuery()));
    }

    private List<AuditEntryDTO> export(Caller c, AuditQuery q) {
        List<AuditEntryDTO> out = new ArrayList<>();
        long n = audit.export(c, q, new AuditExport() {
            @Override
            public void entry(AuditEntryDTO e) {
                out.add(e);
            }

            @Override
            public void restart() {
                out.clear();
            }
        });
        assertEquals(out.size(), n);
        return out;
    }

    private static AuditQuery query(String actor, AuditAction action, String entityId) {
        AuditQuery q = new AuditQuery();
        q.actor = actor;
        q.action = action;
        q.entityId = entityId;
        return q;
    }

    private static AuditQuery query(String actor, AuditAction action, String entityId, Instant to) {
        AuditQuery q = query(actor, action, entityId);
        q.from = Instant.parse("2020-01-01T00:00:00Z");
        q.to = to;
        return q;
    }

    private static List<String> text(List<AuditEntryDTO> entries) {
        return entries.stream().map(e -> e.id + "|" + e.at + "|" + e.actor + "|" + e.action + "|" + e.entityType + "|"
                + e.entityId + "|" + e.jurisdictionCode + "|" + e.changes + "|" + e.reason).toList();
    }
}
