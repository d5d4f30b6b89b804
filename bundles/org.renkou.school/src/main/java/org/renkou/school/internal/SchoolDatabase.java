package org.renkou.school.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.module.api.db.JdbcRead;
import org.renkou.module.api.db.ModuleDatabase;
import org.renkou.module.api.db.ModuleDatabases;

/**
 * The school's own persistence unit {@code renkou.school}, migrated by {@code db/school} through the core's
 * {@link ModuleDatabases}, and the clock the services go by (dates in China time). Opened once, here.
 */
@Component(service = SchoolDatabase.class, property = School.CONDITION)
public class SchoolDatabase {
    private final ModuleDatabase db;
    private final Clock clock;

    @Activate
    public SchoolDatabase(@Reference(target = "(osgi.unit.name=renkou.school)") EntityManagerFactory emf,
            @Reference ModuleDatabases databases, BundleContext ctx) {
        this(databases.open(emf, ctx.getBundle()), Clock.systemUTC());
    }

    SchoolDatabase(ModuleDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public <T> T tx(Function<EntityManager, T> work) {
        return db.tx(work);
    }

    /** {@link #tx} with the audit entry made from its result written in the same transaction (null: none). */
    public <T> T tx(Function<EntityManager, T> work, Function<T, Audit> audit) {
        return db.tx(em -> {
            T out = work.apply(em);
            Audit a = audit.apply(out);
            if (a != null) {
                db.audit(em, a.caller(), a.action(), a.entityType(), a.entityId(), a.jurisdictionCode(), a.changes(),
                        a.reason());
            }
            return out;
        });
    }

    /** An audit entry: who, what, which record, what changed (never a score) and why. */
    public record Audit(Caller caller, AuditAction action, String entityType, String entityId, String jurisdictionCode,
            String changes, String reason) {
    }

    public <T> T read(Function<EntityManager, T> work) {
        return db.read(work);
    }

    /** A heavy report read over plain JDBC, on the hot standby where there is one ({@link ModuleDatabase#report}). */
    public <T> T report(String what, JdbcRead<T> read) {
        return db.report(what, read);
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
    }
}
