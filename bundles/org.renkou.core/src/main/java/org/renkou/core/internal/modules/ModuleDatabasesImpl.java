package org.renkou.core.internal.modules;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.renkou.core.api.Caller;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.SchemaMigrations;
import org.renkou.core.internal.replica.ReadDatabase;
import org.renkou.module.api.RenkouModules;
import org.renkou.module.api.db.JdbcRead;
import org.renkou.module.api.db.ModuleDatabase;
import org.renkou.module.api.db.ModuleDatabases;

/**
 * Gives modules the core's {@link Database} and {@link SchemaMigrations} for their own persistence units, and the
 * core's {@link ReadDatabase} for their report reads (a module's tables are in the same database, so on the
 * standby too).
 */
@Component
public class ModuleDatabasesImpl implements ModuleDatabases {
    /**
     * Optional and dynamic: the modules' units do not wait for, nor restart with, the core's report reads; without
     * them a report read runs on the module's own unit (the primary).
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ReadDatabase reads;

    @Override
    public ModuleDatabase open(EntityManagerFactory emf, Bundle module) {
        String id = module.getHeaders("").get(RenkouModules.MODULE_HEADER);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(module.getSymbolicName() + " has no " + RenkouModules.MODULE_HEADER
                    + " header (@RenkouModule): its migrations folder and schema history follow from the module id");
        }
        Database db = new Database(emf);
        db.startAsync(new SchemaMigrations(id.strip(), SchemaMigrations.inBundle(module, RenkouModules.migrationsFolder(id.strip()))));
        return new Unit(db, () -> reads);
    }

    /**
     * One module's unit: the core's {@link Database} plus the audit log written through its transactions, and its
     * report reads through the core's {@link ReadDatabase} (falling back to this unit, not the core's).
     */
    static final class Unit implements ModuleDatabase {
        private final Database db;
        private final Supplier<ReadDatabase> reads;

        Unit(Database db) {
            this(db, () -> null);
        }

        Unit(Database db, Supplier<ReadDatabase> reads) {
            this.db = db;
            this.reads = reads;
        }

        @Override
        public <T> T tx(Function<EntityManager, T> work) {
            return db.tx(work);
        }

        @Override
        public <T> T read(Function<EntityManager, T> work) {
            return db.read(work);
        }

        @Override
        public <T> T report(String what, JdbcRead<T> read) {
            ReadDatabase r = reads.get();
            return (r == null ? ReadDatabase.onPrimary(db) : r).read(what, read::apply, db);
        }

        @Override
        public void audit(EntityManager em, Caller caller, AuditAction action, String entityType, String entityId,
                String jurisdictionCode, String changes, String reason) {
            if (!em.getTransaction().isActive()) {
                throw new IllegalStateException("audit(em, …) writes within the transaction of tx(…); em has none");
            }
            AuditLog.write(em, caller, action, entityType, entityId, jurisdictionCode, changes, reason);
        }

        @Override
        public CompletableFuture<Void> whenReady() {
            return db.whenReady();
        }
    }
}
