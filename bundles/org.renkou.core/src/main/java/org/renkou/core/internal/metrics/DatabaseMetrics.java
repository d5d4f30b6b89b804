package org.renkou.core.internal.metrics;

import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.metrics.MetricSource;
import org.renkou.core.api.metrics.MetricsWriter;
import org.renkou.core.internal.db.DataSources;

/**
 * Which database this node uses, and on a database server its connection pool (连接池): HikariCP's connections in
 * use, idle, in all, at most, and the threads waiting for one. Embedded Derby has no pool to report: its DataSource
 * opens connections directly and EclipseLink pools on top of it internally, with nothing waiting worth a gauge on one
 * node (see docs/operations.md, "Metrics").
 */
@Component(service = MetricSource.class)
public class DatabaseMetrics implements MetricSource {
    private final String dialect;
    private final String location;
    private final DataSource dataSource;

    @Activate
    public DatabaseMetrics(@Reference(target = DataSources.TARGET) Map.Entry<Map<String, ?>, DataSource> database) {
        this.dialect = String.valueOf(database.getKey().get(DataSources.DIALECT));
        Object where = database.getKey().get(DataSources.LOCATION);
        this.location = where == null ? "" : where.toString();
        this.dataSource = database.getValue();
    }

    @Override
    public void write(MetricsWriter out) {
        out.gauge("renkou_database_info", "The database this node uses (always 1; the labels say which)")
                .sample("renkou_database_info", 1, "dialect", dialect, "location", location);
        if (!(dataSource instanceof HikariDataSource hikari)) {
            return;
        }
        pool(out, "renkou_db_pool", "(renkou.db.pool.size)", hikari);
    }

    /** The gauges of a HikariCP pool, named {@code <prefix>_active_connections} ...; nothing before it starts. */
    public static void pool(MetricsWriter out, String prefix, String sizeNote, HikariDataSource hikari) {
        HikariPoolMXBean pool = hikari.getHikariPoolMXBean();
        if (pool == null) {
            return; // not started yet
        }
        gauge(out, prefix + "_active_connections", "Pool connections in use", pool.getActiveConnections());
        gauge(out, prefix + "_idle_connections", "Pool connections idle", pool.getIdleConnections());
        gauge(out, prefix + "_connections", "Pool connections open (active + idle)", pool.getTotalConnections());
        gauge(out, prefix + "_max_connections", "The pool's size " + sizeNote, hikari.getMaximumPoolSize());
        gauge(out, prefix + "_pending_threads", "Threads waiting for a pool connection",
                pool.getThreadsAwaitingConnection());
    }

    private static void gauge(MetricsWriter out, String name, String help, double value) {
        out.gauge(name, help).sample(name, value);
    }
}
