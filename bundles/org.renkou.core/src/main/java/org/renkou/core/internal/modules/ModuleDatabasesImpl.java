package org.renkou.core.internal.modules;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.framework.Bundle;
import org.osgi.service.component.annotations.Component;
import org.renkou.core.api.Caller;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.SchemaMigrations;
import org.renkou.module.api.RenkouModules;
import org.renkou.module.api.db.ModuleDatabase;
import org.renkou.module.api.db.ModuleDatabases;

/** Gives modules the core's {@link Database} and {@link SchemaMigrations} for their own persistence units. */
@Component
public class ModuleDatabasesImpl implements ModuleDatabases {
    @Override
    public ModuleDatabase open(EntityManagerFactory emf, Bundle module) {
        String id = module.getHeaders("").get(RenkouModules.MODULE_HEADER);
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(module.getSymbolicName() + " has no " + RenkouModules.MODULE_HEADER
                    + " header (@RenkouModule): its migrations folder and schema history follow from the module id");
        }
        Database db = new Database(emf);
        db.startAsync(new SchemaMigrations(id.strip(), SchemaMigrations.inBundle(module, RenkouModules.migrationsFolder(id.strip()))));
        return new Unit(db);
    }

    /** One module's unit: the core's {@link Database} plus the audit log written through its transactions. */
    static final class Unit implements ModuleDatabase {
        private final Database db;

        Unit(Database db) {
            this.db = db;
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
