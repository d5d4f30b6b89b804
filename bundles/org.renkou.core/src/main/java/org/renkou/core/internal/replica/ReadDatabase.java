package org.renkou.core.internal.replica;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.core.api.HealthIndicator;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.metrics.MetricSource;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.DataSources;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.ReplicaSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a heavy report read runs: on the hot standby when one is configured ({@link ReplicaSettings}) and has caught
 * up, else on the primary as before. Office work never comes here; it stays on {@link Database}.
 *
 * <p>Caught up means: the standby is in recovery and streams from the primary, is at most
 * {@code replica.max.lag.seconds} behind ({@code pg_last_xact_replay_timestamp()}), and has replayed the primary's
 * WAL position read just before — so the read sees every change committed before it began, as on the primary. The
 * read runs in one repeatable-read transaction there: one consistent view of all its tables. When the standby is
 * down, behind or fails the read, the read runs on the primary: a warning once (until the standby serves again),
 * and a count ({@link #fallbacks()}). After a failed connection the standby rests {@value #REST_SECONDS} s, so a
 * stopped standby does not cost each read the pool's connection timeout; after a conflict with the standby's replay
 * (a deadlock with it or a cancelled query, as when a new prefecture's partition is attached) only that read moves.
 */
@Component(service = ReadDatabase.class)
public class ReadDatabase {
    private static final Logger LOG = LoggerFactory.getLogger(ReadDatabase.class);
    static final int REST_SECONDS = 30;
    private static final long POLL_MILLIS = 50;

    /** A read over plain JDBC; it may run twice (standby, then primary), so it only reads. */
    @FunctionalInterface
    public interface Read<T> {
        T apply(Connection c) throws SQLException;
    }

    /** The standby's pool and how far behind it may be. */
    private record Standby(DataSource pool, String location, int maxLagSeconds) {
    }

    private final Database primary;
    private final BundleContext context;
    private volatile Standby standby;
    /** The standby's health check and metrics ({@link ReplicaStatus}), registered while a standby is bound. */
    private ServiceRegistration<?> status;
    private final AtomicLong onStandby = new AtomicLong();
    private final AtomicLong onPrimary = new AtomicLong();
    private final AtomicLong fallbacks = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();
    private volatile String problem = "";
    private volatile long restUntil = System.nanoTime();
    /** What {@link #onStandby} answers when the standby has not caught up. */
    private static final Object NOT_USED = new Object();

    @Activate
    public ReadDatabase(@Reference CoreDatabase core, BundleContext context) {
        this.primary = core.database();
        this.context = context;
    }

    /** Every read on {@code primary}: no standby (Derby, tests). */
    public static ReadDatabase onPrimary(Database primary) {
        return new ReadDatabase(primary, null);
    }

    private ReadDatabase(Database primary, Standby standby) {
        this.primary = primary;
        this.context = null;
        this.standby = standby;
    }

    @Reference(target = ReplicaSettings.TARGET, cardinality = ReferenceCardinality.OPTIONAL,
            policy = ReferencePolicy.DYNAMIC)
    void bindStandby(DataSource pool, Map<String, Object> properties) {
        Object lag = properties.get(ReplicaSettings.MAX_LAG);
        standby = new Standby(pool, String.valueOf(properties.get(DataSources.LOCATION)),
                lag instanceof Integer n ? n : ReplicaSettings.DEFAULT_MAX_LAG_SECONDS);
        synchronized (this) {
            if (context != null && status == null) {
                status = context.registerService(new String[] {HealthIndicator.class.getName(),
                    MetricSource.class.getName()}, new ReplicaStatus(this, pool), new Hashtable<String, Object>());
            }
        }
    }

    void unbindStandby(DataSource pool) {
        Standby s = standby;
        if (s != null && s.pool() == pool) {
            standby = null;
            synchronized (this) {
                if (status != null) {
                    try {
                        status.unregister();
                    } catch (IllegalStateException alreadyGone) {
                        // the bundle is stopping: its services are unregistered already
                    }
                    status = null;
                }
            }
        }
    }

    /**
     * Runs {@code read} on the standby when it has caught up, else on the primary (in a transaction of the core's
     * unit, as the report reads always ran there).
     *
     * @param what for the log and the exception, e.g. "statistics snapshot"
     */
    public <T> T read(String what, Read<T> read) {
        return read(what, read, primary);
    }

    /**
     * {@link #read(String, Read)} for another unit on the same database (a module's): on the standby as the core's
     * reads, else in a transaction of {@code unit}.
     */
    @SuppressWarnings("unchecked")
    public <T> T read(String what, Read<T> read, Database unit) {
        Standby s = standby;
        if (s != null) {
            if (System.nanoTime() - restUntil < 0) {
                fallbacks.incrementAndGet();
            } else {
                try {
                    Object result = onStandby(s, what, read);
                    if (result != NOT_USED) {
                        return (T) result;
                    }
                } catch (SQLException e) {
                    if (Database.isUnstorableText(e)) {
                        throw Database.unstorableText(); // the input's fault, not the standby's: no fallback
                    }
                    fellBack(s, what, e.getMessage(), restsAfter(e));
                }
            }
        }
        if (s != null) {
            onPrimary.incrementAndGet();
        }
        return unit.tx(em -> {
            try {
                return read.apply(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException(what + ": reading failed: " + e.getMessage(), e);
            }
        });
    }

    /** The read's result from the standby, or {@link #NOT_USED} when the standby has not caught up. */
    private Object onStandby(Standby s, String what, Read<?> read) throws SQLException {
        String position = primaryPosition();
        try (Connection c = s.pool().getConnection()) {
            String behind = caughtUp(c, position, s.maxLagSeconds());
            if (behind != null) {
                fellBack(s, what, behind, false);
                return NOT_USED;
            }
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Object result = read.apply(c);
                c.commit();
                onStandby.incrementAndGet();
                if (warned.compareAndSet(true, false)) {
                    LOG.info("Standby {} serves the report reads again", s.location());
                }
                problem = "";
                return result;
            } finally {
                if (!c.getAutoCommit()) {
                    c.rollback(); // after a commit a no-op; after a failure it ends the transaction
                }
            }
        }
    }

    /** The primary's WAL position now: everything committed so far lies before it. */
    private String primaryPosition() {
        try {
            return primary.jdbc("SELECT CAST(pg_current_wal_insert_lsn() AS VARCHAR(32))", ps -> {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getString(1);
                }
            });
        } catch (RenkouException e) {
            return null; // the primary is not there: the read on it fails with the usual answer
        }
    }

    /**
     * Null when the standby on {@code c} has replayed {@code position} (waiting for it at most the lag allowed),
     * else why it is not used.
     */
    static String caughtUp(Connection c, String position, int maxLagSeconds) throws SQLException {
        if (position == null) {
            return "the primary's WAL position is unknown";
        }
        long needed = needed(lsn(position));
        // lag 0 when it replayed all it received: an idle primary commits nothing to replay
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_is_in_recovery(), "
                + "EXISTS (SELECT 1 FROM pg_stat_wal_receiver), "
                + "CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
                + "ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0) END, "
                + "CAST(pg_last_wal_replay_lsn() AS VARCHAR(32))")) {
            long deadline = System.nanoTime() + maxLagSeconds * 1_000_000_000L;
            while (true) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (!rs.getBoolean(1)) {
                        return "it is not a standby (promoted?)";
                    }
                    if (!rs.getBoolean(2)) {
                        return "it does not stream from the primary";
                    }
                    double lag = rs.getDouble(3);
                    if (lag > maxLagSeconds) {
                        return String.format("it is %.0f s behind (more than %d s)", lag, maxLagSeconds);
                    }
                    if (rs.getString(4) != null && lsn(rs.getString(4)) >= needed) {
                        return null;
                    }
                }
                if (System.nanoTime() - deadline > 0) {
                    return "it did not replay the primary's changes within " + maxLagSeconds + " s";
                }
                sleep();
            }
        }
    }

    /** A WAL position {@code 16/B374D848} as a number. */
    static long lsn(String text) {
        int slash = text.indexOf('/');
        return Long.parseLong(text.substring(0, slash), 16) << 32 | Long.parseLong(text.substring(slash + 1), 16);
    }

    /**
     * The replay position that includes everything before insert position {@code insert}. Right after a page
     * header (24 bytes, 40 at a segment's start) the last record ended at the page's start, where the standby's
     * replay position stays: waiting for the header would wait for the next write.
     */
    static long needed(long insert) {
        long inPage = insert % WAL_PAGE;
        return inPage == 24 || inPage == 40 ? insert - inPage : insert;
    }

    /** PostgreSQL's XLOG_BLCKSZ, as built by every distribution. */
    private static final long WAL_PAGE = 8192;

    /**
     * Whether a failed standby read should keep the next reads off the standby for a while: yes when the standby
     * failed (down, refused, out of connections); no when the read met the standby's replay of the primary's WAL —
     * {@code 40P01} (a deadlock with the replay's locks) and {@code 40001} (cancelled for a conflict with recovery).
     * The next read then runs there again: a start that attached a partition once kept the statistics off a healthy
     * standby for 30 s (PostgresIT failed so in CI).
     */
    static boolean restsAfter(SQLException e) {
        String state = e.getSQLState();
        return !"40P01".equals(state) && !"40001".equals(state);
    }

    private void fellBack(Standby s, String what, String why, boolean rest) {
        fallbacks.incrementAndGet();
        problem = why;
        if (rest) {
            restUntil = System.nanoTime() + REST_SECONDS * 1_000_000_000L;
        }
        if (warned.compareAndSet(false, true)) {
            LOG.warn("Standby {} not used for the {}: {}; the report reads run on the primary until it serves again",
                    s.location(), what, why);
        } else {
            LOG.debug("Standby {} not used: {}", s.location(), why);
        }
    }

    private static void sleep() throws SQLException {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the standby", e);
        }
    }

    /** Whether a standby is configured (its DataSource is there). */
    public boolean configured() {
        return standby != null;
    }

    /** Where the standby is, or null. */
    public String location() {
        Standby s = standby;
        return s == null ? null : s.location();
    }

    /** The standby's pool, or null (metrics). */
    public DataSource standbyPool() {
        Standby s = standby;
        return s == null ? null : s.pool();
    }

    /** Why the last report read did not run on the standby; empty when it did. */
    public String problem() {
        return problem;
    }

    public long readsOnStandby() {
        return onStandby.get();
    }

    /** Report reads that ran on the primary although a standby is configured. */
    public long readsOnPrimary() {
        return onPrimary.get();
    }

    /** Times the standby was passed over: down, behind, resting after a failure, or failing the read. */
    public long fallbacks() {
        return fallbacks.get();
    }
}
