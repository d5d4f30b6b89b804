package org.renkou.core.internal.cluster;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.HealthIndicator;
import org.renkou.core.api.cluster.ClusterJobs;
import org.renkou.core.api.metrics.MetricSource;
import org.renkou.core.api.metrics.MetricsWriter;
import org.renkou.core.internal.db.DataSources;
import org.renkou.core.internal.db.Dialect;
import org.renkou.core.internal.db.QuietShutdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which node runs the scheduled jobs (定时任务) when several share a PostgreSQL database: the one holding the
 * session-level advisory lock {@value #LOCK}, on a connection kept for it. The others try again every
 * {@value #RETRY_SECONDS} s, so when the leader dies (its connection closes, PostgreSQL releases the lock) another
 * takes over within that time. On embedded Derby there is one node, and it leads. Every scheduled job of the core
 * and the modules runs through {@link ClusterJobs#runIfLeader}; {@code /api/health} says whether this node leads
 * ("jobs") and how often each job ran here.
 */
@Component(service = {ClusterJobs.class, JobLeader.class, HealthIndicator.class, MetricSource.class}, immediate = true)
public class JobLeader implements ClusterJobs, HealthIndicator, MetricSource {
    /** The advisory lock key ("RKJB"). */
    static final long LOCK = 0x524b4a42L;
    static final int RETRY_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(JobLeader.class);

    private final DataSource dataSource;
    private final boolean shared;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "renkou-job-leader");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean leads;
    private Connection held;
    /** Runs on this node since it started, per job name. */
    private final Map<String, AtomicLong> runs = new ConcurrentHashMap<>();

    @Activate
    public JobLeader(@Reference(target = DataSources.TARGET) Map.Entry<Map<String, ?>, DataSource> database) {
        this.dataSource = database.getValue();
        this.shared = Dialect.of(database.getKey().get(DataSources.DIALECT)) == Dialect.POSTGRESQL;
        if (shared) {
            check(); // now, so that the jobs run at start on the node that gets the lock
            timer.scheduleWithFixedDelay(this::check, RETRY_SECONDS, RETRY_SECONDS, TimeUnit.SECONDS);
        } else {
            leads = true;
        }
    }

    @Override
    public boolean leads() {
        return leads;
    }

    @Override
    public boolean runIfLeader(String jobName, Runnable job) {
        if (jobName == null || jobName.isBlank()) {
            throw new IllegalArgumentException("a job needs a name");
        }
        if (!leads) {
            return false; // another node runs the scheduled jobs
        }
        runs.computeIfAbsent(jobName, n -> new AtomicLong()).incrementAndGet();
        job.run();
        return true;
    }

    /** Runs on this node per job name, sorted by name. */
    public Map<String, Long> runs() {
        Map<String, Long> out = new TreeMap<>();
        runs.forEach((name, n) -> out.put(name, n.get()));
        return out;
    }

    synchronized void check() {
        try {
            if (held != null && !held.isValid(2)) {
                closeHeld();
            }
            if (held == null) {
                Connection c = dataSource.getConnection();
                c.setAutoCommit(true);
                boolean got;
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                        "SELECT pg_try_advisory_lock(" + LOCK + ")")) {
                    got = rs.next() && rs.getBoolean(1);
                }
                if (got) {
                    held = c;
                    LOG.info("This node now runs the scheduled jobs (job leader)");
                } else {
                    c.close();
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Job leader check failed: {}", e.toString());
            closeHeld();
        }
        leads = held != null;
    }

    private void closeHeld() {
        if (held != null) {
            try {
                held.close();
            } catch (SQLException e) {
                // broken already
            }
            held = null;
        }
    }

    @Deactivate
    synchronized void deactivate() {
        QuietShutdown.stop(timer, "renkou-job-leader", 5);
        if (held != null) {
            try (Statement st = held.createStatement()) {
                st.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
            } catch (SQLException e) {
                // the lock goes with the connection anyway
            }
            closeHeld();
        }
        leads = false;
    }

    @Override
    public void write(MetricsWriter out) {
        out.gauge("renkou_job_leader", "1 when this node runs the scheduled jobs (job leader), else 0")
                .sample("renkou_job_leader", leads ? 1 : 0);
        out.counter("renkou_job_runs_total", "Runs of each scheduled job on this node since it started");
        runs().forEach((name, n) -> out.sample("renkou_job_runs_total", n, "job", name));
    }

    @Override
    public String name() {
        return "jobs";
    }

    @Override
    public State state() {
        return State.UP;
    }

    @Override
    public String detail() {
        StringBuilder ran = new StringBuilder();
        runs().forEach((name, n) -> ran.append(ran.length() == 0 ? "; ran here: " : ", ").append(name).append('=')
                .append(n));
        return (leads ? "本节点执行定时任务 / this node runs the scheduled jobs (leader)"
                : "另一节点执行定时任务 / another node runs the scheduled jobs") + ran;
    }
}
