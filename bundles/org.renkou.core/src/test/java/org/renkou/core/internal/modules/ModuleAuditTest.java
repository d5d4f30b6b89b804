package org.renkou.core.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.audit.AuditEntryDTO;
import org.renkou.core.internal.audit.AuditServiceImpl;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.module.api.db.ModuleDatabase;

/** A module's audit entries go through its own transaction: they commit and roll back with its change. */
class ModuleAuditTest {
    private static final String COMMUNITY = "440606901001";

    private TestDatabase db;
    private ModuleDatabase module;
    private AuditServiceImpl audit;
    private final Caller keeper = new Caller("keeper", Set.of(Role.WAREHOUSE_KEEPER), Set.of(COMMUNITY));
    private final Caller auditor = new Caller("auditor", Set.of(Role.AUDITOR), Set.of("440606"));

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        // the module's unit here is the core's own database: the audit table is the same either way
        module = new ModuleDatabasesImpl.Unit(db.database);
        audit = AuditServiceImpl.on(db.database);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void anEntryCommitsWithTheModulesTransaction() {
        module.tx(em -> {
            module.audit(em, keeper, AuditAction.READ_SENSITIVE, "ContraceptiveCard", "7", COMMUNITY, null, "随访");
            return null;
        });
        List<AuditEntryDTO> history = audit.history(auditor, "ContraceptiveCard", "7");
        assertEquals(1, history.size(), history.toString());
        assertEquals("keeper", history.get(0).actor);
        assertEquals(AuditAction.READ_SENSITIVE, history.get(0).action);
        assertEquals("随访", history.get(0).reason);
    }

    @Test
    void anEntryRollsBackWithTheModulesTransaction() {
        assertThrows(RenkouException.class, () -> module.tx(em -> {
            module.audit(em, keeper, AuditAction.CREATE, "ContraceptiveScrap", "8", COMMUNITY, "{}", null);
            throw RenkouException.conflict(null, "冲突", "conflict");
        }));
        assertTrue(audit.history(auditor, "ContraceptiveScrap", "8").isEmpty(),
                "an entry written outside the module's transaction would have stayed");
    }

    @Test
    void anEntryNeedsAnOpenTransaction() {
        assertThrows(IllegalStateException.class, () -> module.read(em -> {
            module.audit(em, keeper, AuditAction.READ_SENSITIVE, "ContraceptiveCard", "9", COMMUNITY, null, "x");
            return null;
        }));
    }
}
