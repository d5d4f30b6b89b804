package org.renkou.warehouse.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.PersistenceException;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.module.api.db.JdbcRead;
import org.renkou.module.api.db.ModuleDatabase;
import org.renkou.module.api.db.ModuleDatabases;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.warehouse.internal.entities.StoreEntity;

/**
 * The warehouse's own persistence unit {@code renkou.warehouse}, migrated by {@code db/warehouse} (from the module id)
 * through the core's {@link ModuleDatabases}, and the clock the services go by (dates in China time). Opened once, here, so the
 * migrations run once; the services share it.
 */
@Component(service = WarehouseDatabase.class, property = Warehouse.CONDITION)
public class WarehouseDatabase {

    private final ModuleDatabase db;
    private final Clock clock;

    @Activate
    public WarehouseDatabase(@Reference(target = "(osgi.unit.name=renkou.warehouse)") EntityManagerFactory emf,
            @Reference ModuleDatabases databases, BundleContext ctx) {
        this(databases.open(emf, ctx.getBundle()), Clock.systemUTC());
    }

    WarehouseDatabase(ModuleDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * One transaction; a deadlock or lock timeout between two staff at once becomes a 409 "try again", never a 500
     * (the guarded balance update itself never lets stock go negative).
     */
    <T> T tx(Function<EntityManager, T> work) {
        try {
            return db.tx(work);
        } catch (PersistenceException e) {
            if (isLockConflict(e)) {
                throw RenkouException.conflict(null, "其他工作人员正在操作同一库存，请重试。",
                        "Another staff member is moving the same stock; try again.");
            }
            throw e;
        }
    }

    /**
     * {@link #tx} that also writes the audit entry made from its result, in the same transaction (null: none), so a
     * change is never without its entry, and sensitive data is never returned without one.
     */
    <T> T tx(Function<EntityManager, T> work, Function<T, Audit> audit) {
        return tx(em -> {
            T out = work.apply(em);
            Audit a = audit.apply(out);
            if (a != null) {
                db.audit(em, a.caller(), a.action(), a.entityType(), a.entityId(), a.jurisdictionCode(), a.changes(),
                        a.reason());
            }
            return out;
        });
    }

    /** An audit entry to write: who, what, which record, what changed (or was read) and why. */
    record Audit(Caller caller, AuditAction action, String entityType, String entityId, String jurisdictionCode,
            String changes, String reason) {
    }

    <T> T read(Function<EntityManager, T> work) {
        return db.read(work);
    }

    /** A heavy report read over plain JDBC, on the hot standby where there is one ({@link ModuleDatabase#report}). */
    <T> T report(String what, JdbcRead<T> read) {
        return db.report(what, read);
    }

    /** The same read on the primary, in one transaction: for figures that must be the latest (a sign-off). */
    <T> T onPrimary(String what, JdbcRead<T> read) {
        return db.tx(em -> {
            try {
                return read.apply(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException(what + ": reading failed: " + e.getMessage(), e);
            }
        });
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
    }

    LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** The store, if it exists and lies within the caller's jurisdictions; else 404 naming {@code field}. */
    static StoreEntity store(EntityManager em, Caller caller, Long id, String field) {
        StoreEntity s = id == null ? null : em.find(StoreEntity.class, id);
        if (s == null || !caller.covers(s.jurisdictionCode)) {
            throw RenkouException.notFound(field, "药具库 " + id + " 不存在或不在您的辖区内。",
                    "Store " + id + " does not exist or lies outside your jurisdiction.");
        }
        return s;
    }

    private static boolean isLockConflict(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("40")) {
                return true;
            }
        }
        return false;
    }
}
