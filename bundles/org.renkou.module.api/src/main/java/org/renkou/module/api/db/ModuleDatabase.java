package org.renkou.module.api.db;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;
import org.renkou.core.api.audit.AuditAction;

/**
 * A module's persistence unit, migrated and ready: {@link #tx} runs work in one transaction (a stale version or a
 * taken key becomes a CONFLICT {@code RenkouException}, the database still starting a 503), {@link #read} runs a
 * read without one, {@link #report} runs a heavy report read where it burdens the office work least (a hot standby),
 * {@link #audit} writes an audit entry inside {@link #tx}'s transaction.
 */
@ProviderType
public interface ModuleDatabase {

    /**
     * Runs {@code work} in one transaction. The work may run more than once (after a rollback, when the database
     * could not hand out identity values at once under contention), so it should change nothing but the database.
     */
    <T> T tx(Function<EntityManager, T> work);

    <T> T read(Function<EntityManager, T> work);

    /**
     * Runs a heavy report read (报表查询: a period's figures over a jurisdiction and everything below it, a large
     * export) over plain JDBC on the module's tables: on the hot standby where the platform has one (热备库) and it
     * has caught up — it then holds every change committed before the read began, seen in one repeatable-read
     * transaction — else on the primary, in a transaction of this unit. The read may run twice (the standby failing
     * part-way, then the primary), so it only reads. Office work, small reads and any read right after the caller's
     * own write use {@link #tx} or {@link #read}; an audit entry for what was read is written through {@link #tx},
     * on the primary, never inside the report read.
     *
     * @param what for the log, e.g. "warehouse stock report"
     * @since 1.1
     */
    <T> T report(String what, JdbcRead<T> read);

    /**
     * Writes an audit entry (审计记录) through the open transaction of {@code em} — the one {@link #tx} gave — so the
     * module's change and its entry commit or roll back together, as the core's own services do. A read of sensitive
     * data records its entry the same way: if the entry cannot be written, the data is not returned.
     * {@code changes} is a JSON object {@code {"field": [old, new]}} or a short description; {@code reason} the
     * reason given, at most 500 characters.
     *
     * @throws IllegalStateException when {@code em} has no open transaction
     */
    void audit(EntityManager em, Caller caller, AuditAction action, String entityType, String entityId,
            String jurisdictionCode, String changes, String reason);

    /** Completes when the module's migrations have run (or fails with why they did not). */
    CompletableFuture<Void> whenReady();
}
