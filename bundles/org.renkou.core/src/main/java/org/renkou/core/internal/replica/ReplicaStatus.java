package org.renkou.core.internal.replica;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.renkou.core.api.HealthIndicator;
import org.renkou.core.api.metrics.MetricSource;
import org.renkou.core.api.metrics.MetricsWriter;
import org.renkou.core.internal.db.ReplicaSettings;
import org.renkou.core.internal.metrics.DatabaseMetrics;

/**
 * The check {@code replica} of {@code /api/health} and the standby's metrics, there only while a standby is
 * configured. Always UP: a standby that is down or behind costs the primary the report reads, not the platform its
 * service; the detail says whether the standby serves them. Registered by {@link ReadDatabase} while a standby pool
 * is bound — not a component of its own, which would stand unsatisfied on every node without a standby and mark the
 * core "not fully running" in {@code /api/modules}.
 */
final class ReplicaStatus implements HealthIndicator, MetricSource {
    private final ReadDatabase reads;
    private final DataSource pool;

    ReplicaStatus(ReadDatabase reads, DataSource pool) {
        this.reads = reads;
        this.pool = pool;
    }

    @Override
    public String name() {
        return "replica";
    }

    @Override
    public State state() {
        return State.UP;
    }

    @Override
    public String detail() {
        String problem = reads.problem();
        long standby = reads.readsOnStandby();
        long primary = reads.readsOnPrimary();
        String counts = " (report reads: " + standby + " on the standby, " + primary + " on the primary)";
        if (!problem.isEmpty()) {
            return "热备库未使用 / standby " + reads.location() + " not in use: " + problem + counts;
        }
        return (standby > 0 ? "热备库使用中 / standby " + reads.location() + " in use"
                : "热备库已配置 / standby " + reads.location() + " configured, no report read yet") + counts;
    }

    @Override
    public void write(MetricsWriter out) {
        out.counter("renkou_db_replica_reads_total", "Report reads by where they ran (a standby is configured)")
                .sample("renkou_db_replica_reads_total", reads.readsOnStandby(), "database", "standby")
                .sample("renkou_db_replica_reads_total", reads.readsOnPrimary(), "database", "primary");
        out.counter("renkou_db_replica_fallbacks_total", "Times the standby was passed over (down, behind, failing)")
                .sample("renkou_db_replica_fallbacks_total", reads.fallbacks());
        if (pool instanceof HikariDataSource hikari) {
            DatabaseMetrics.pool(out, "renkou_db_replica_pool", "(" + ReplicaSettings.POOL_SIZE + ")", hikari);
        }
    }
}
