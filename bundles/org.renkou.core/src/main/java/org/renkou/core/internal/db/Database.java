package org.renkou.core.internal.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import javax.sql.DataSource;

import org.renkou.core.api.HealthIndicator;
import org.renkou.core.api.RenkouException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core persistence unit, made ready off the start-up path: opening Derby (creating it on first start) and
 * migrating the schema run on a background thread, so the platform answers HTTP while the database comes up.
 * Callers get a transaction through {@link #tx}; until the database is ready they wait a bounded time and then get
 * a clear 503.
 */
public final class Database implements HealthIndicator {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final long READY_WAIT_SECONDS = 30;

    /** Plain JDBC connections kept for {@link #jdbc}: as many as EclipseLink's read pool (persistence.xml). */
    private static final int DIRECT_CONNECTIONS = 4;

    private final EntityManagerFactory emf;
    private final DataSource direct;
    /** The direct DataSource pools itself (HikariCP): take a connection per read and give it back. */
    private final boolean directPooled;
    private final Semaphore directPermits = new Semaphore(DIRECT_CONNECTIONS);
    private final BlockingQueue<Direct> idle = new ArrayBlockingQueue<>(DIRECT_CONNECTIONS);
    private final CompletableFuture<Void> ready = new CompletableFuture<>();
    private volatile Dialect dialect;

    public Database(EntityManagerFactory emf) {
        this(emf, null);
    }

    /** @param direct the same database for {@link #jdbc}, or null when this unit has no such read path */
    public Database(EntityManagerFactory emf, DataSource direct) {
        this(emf, direct, false);
    }

    /**
     * @param pooled {@code direct} is a pool (PostgreSQL): connections go back after each read rather than being
     *               kept here with their statements (pgjdbc keeps prepared statements per connection itself)
     */
    public Database(EntityManagerFactory emf, DataSource direct, boolean pooled) {
        this.emf = emf;
        this.direct = direct;
        this.directPooled = pooled;
    }

    /** Which database this is, asked once: for the few reads written differently for PostgreSQL. */
    public Dialect dialect() {
        Dialect d = dialect;
        if (d == null) {
            d = tx(em -> {
                try {
                    return SchemaMigrations.dialectOf(em.unwrap(Connection.class));
                } catch (SQLException e) {
                    throw new PersistenceException(e);
                }
            });
            dialect = d;
        }
        return d;
    }

    /** Migrates the schema on a new thread; {@link #whenReady()} completes when done. */
    public void startAsync(SchemaMigrations migrations) {
        Thread t = new Thread(() -> initialise(migrations), "renkou-database-init");
        t.setDaemon(true);
        t.start();
    }

    /** Migrates the schema on the calling thread. */
    public void initialise(SchemaMigrations migrations) {
        long start = System.nanoTime();
        try {
            InFlight.enter();
        } catch (RenkouException e) {
            ready.completeExceptionally(e);
            return;
        }
        try {
            EntityManager em = emf.createEntityManager();
            try {
                em.getTransaction().begin();
                List<Integer> applied = migrations.migrate(em.unwrap(Connection.class));
                em.getTransaction().commit();
                LOG.info("Database ready in {} ms{}", (System.nanoTime() - start) / 1_000_000,
                        applied.isEmpty() ? "" : " (applied schema migrations " + applied + ")");
            } finally {
                if (em.getTransaction().isActive()) {
                    em.getTransaction().rollback();
                }
                em.close();
            }
            ready.complete(null);
        } catch (RuntimeException | SQLException e) {
            LOG.error("Database could not be opened or migrated: {}", e.toString(), e);
            ready.completeExceptionally(e);
        } finally {
            InFlight.exit();
        }
    }

    public CompletableFuture<Void> whenReady() {
        return ready;
    }

    /**
     * Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. Database errors a
     * caller can act on (a stale version, a taken key) become {@link RenkouException}s with kind CONFLICT. The work
     * may run again when Derby's identity range was busy ({@link #RANGE_ATTEMPTS}), so it changes only the database.
     */
    public <T> T tx(Function<EntityManager, T> work) {
        awaitReady();
        InFlight.enter();
        try {
            for (int attempt = 1;; attempt++) {
                try {
                    return inTransaction(work);
                } catch (IdentityRangeBusy e) {
                    if (attempt == RANGE_ATTEMPTS) {
                        LOG.warn("Identity range still busy after {} attempts; answering 409", attempt);
                        throw busy();
                    }
                    pause(attempt);
                }
            }
        } finally {
            InFlight.exit();
        }
    }

    /**
     * Attempts of a transaction that failed only because Derby could not take the next range of identity values.
     * Derby takes a new range in a nested transaction that does not wait for the catalog row (SYSSEQUENCES), and
     * a transaction that just compiled an INSERT into the same table holds that row until it ends — so right
     * after a start (every statement compiled afresh) concurrent first inserts failed with a 409 (issue 19). The
     * holder is a short transaction; waiting a few milliseconds and running the work again succeeds. Work given
     * to {@link #tx} therefore only changes the database: it may run more than once.
     */
    static final int RANGE_ATTEMPTS = 6;

    /** The transaction failed on the identity range and was rolled back: nothing of it stays, run it again. */
    private static final class IdentityRangeBusy extends RuntimeException {
        private static final long serialVersionUID = 1L;

        IdentityRangeBusy() {
            super(null, null, false, false);
        }
    }

    private static void pause(int attempt) {
        try {
            // 10, 20, 40, 80, 160 ms plus jitter, so that the retries of several threads do not meet again
            Thread.sleep((10L << (attempt - 1)) + java.util.concurrent.ThreadLocalRandom.current().nextInt(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction t = em.getTransaction();
        try {
            t.begin();
            T result = work.apply(em);
            t.commit();
            return result;
        } catch (OptimisticLockException e) {
            throw staleVersion();
        } catch (PersistenceException e) {
            if (isUnstorableText(e)) {
                throw unstorableText();
            }
            if (isConstraintViolation(e)) {
                throw RenkouException.conflict(null, "数据与已有记录冲突（编号或名称重复）。",
                        "The data clashes with an existing record (duplicate code or name).");
            }
            if (isIdentityRangeBusy(e)) {
                throw new IdentityRangeBusy();
            }
            if (isLockTimeout(e)) {
                throw busy();
            }
            throw e;
        } catch (RuntimeException e) {
            // em.find raises EclipseLink's DatabaseException unwrapped; a report read wraps its SQLException
            if (isUnstorableText(e)) {
                throw unstorableText();
            }
            throw e;
        } finally {
            if (t.isActive()) {
                t.rollback();
            }
            em.close();
        }
    }

    /**
     * Runs a read without a transaction: one entity manager, no begin/commit round trip. For the hot read paths
     * (lookup by ID number); anything that writes uses {@link #tx}.
     */
    public <T> T read(Function<EntityManager, T> work) {
        awaitReady();
        InFlight.enter();
        try {
            EntityManager em = emf.createEntityManager();
            try {
                return work.apply(em);
            } catch (RuntimeException e) {
                if (isUnstorableText(e)) {
                    throw unstorableText();
                }
                throw e;
            } finally {
                em.close();
            }
        } finally {
            InFlight.exit();
        }
    }

    /** One query over plain JDBC (no entity manager, no transaction; Derby's autocommit ends it). */
    @FunctionalInterface
    public interface SqlRead<T> {
        /** @param ps the query, prepared once per pooled connection: bind its parameters and run it */
        T apply(PreparedStatement ps) throws SQLException;
    }

    /**
     * A pooled plain connection with the statements prepared on it. Kept, because Derby's statements have a
     * finalizer: one prepared per request put thousands of finalizable objects into each young collection, and
     * keeping them alive for the finalizer thread was most of the pause (BENCHMARKS.md, lookup p99).
     */
    private static final class Direct {
        final Connection connection;
        final Map<String, PreparedStatement> statements = new HashMap<>();

        Direct(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement prepared(String sql) throws SQLException {
            PreparedStatement ps = statements.get(sql);
            if (ps == null) {
                ps = connection.prepareStatement(sql);
                statements.put(sql, ps);
            }
            return ps;
        }
    }

    /**
     * Runs one query over a plain JDBC connection from a small pool of its own. Only for the hottest read (the
     * lookup by ID number): EclipseLink's query machinery there cost more than Derby's own work (BENCHMARKS.md).
     */
    public <T> T jdbc(String sql, SqlRead<T> work) {
        if (direct == null) {
            throw new IllegalStateException("this database has no direct JDBC reads");
        }
        awaitReady();
        InFlight.enter();
        try {
            return direct(sql, work);
        } finally {
            InFlight.exit();
        }
    }

    private <T> T direct(String sql, SqlRead<T> work) {
        if (directPooled) {
            try (Connection c = direct.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                return work.apply(ps);
            } catch (SQLException e) {
                throw directReadFailed(e);
            }
        }
        try {
            directPermits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RenkouException.unavailable("请求被中断。", "The request was interrupted.");
        }
        Direct d = idle.poll();
        try {
            if (d == null) {
                d = new Direct(direct.getConnection());
            }
            T result = work.apply(d.prepared(sql));
            idle.add(d);
            d = null;
            return result;
        } catch (SQLException e) {
            throw directReadFailed(e);
        } finally {
            if (d != null) {
                closeQuietly(d); // broken or failed: not reused
            }
            directPermits.release();
        }
    }

    /** Closes the direct connections (the unit itself belongs to Aries JPA). */
    public void close() {
        for (Direct d; (d = idle.poll()) != null;) {
            closeQuietly(d);
        }
    }

    private static void closeQuietly(Direct d) {
        try {
            d.connection.close(); // closes its statements too
        } catch (SQLException e) {
            // a broken connection; nothing to keep
        }
    }

    /** The 409 for an edit based on an old version: thrown by services that compare versions, and by {@link #tx}. */
    public static RenkouException staleVersion() {
        return RenkouException.conflict("version", "该记录已被他人修改，请刷新后重试。",
                "The record was changed by someone else; reload it and try again.");
    }

    private void awaitReady() {
        try {
            ready.get(READY_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw RenkouException.unavailable("数据库正在启动，请稍后再试。", "The database is still starting; try again shortly.");
        } catch (ExecutionException e) {
            throw RenkouException.unavailable("数据库无法打开，请联系管理员查看日志。",
                    "The database could not be opened; an administrator should check the log.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw RenkouException.unavailable("请求被中断。", "The request was interrupted.");
        }
    }

    /** A lock wait that timed out or a deadlock (Derby 40XL1/40XL2, 40001): the documented 409, to retry. */
    static boolean isLockTimeout(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40XL") || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Derby's "lock could not be obtained" raised by its identity range allocation (which does not wait), not by
     * a lock wait that timed out. Only the stack tells them apart: both carry SQLState 40XL1.
     */
    static boolean isIdentityRangeBusy(Throwable e) {
        if (!isLockTimeout(e)) {
            return false;
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            for (StackTraceElement frame : c.getStackTrace()) {
                if (frame.getClassName().startsWith("org.apache.derby.impl.sql.catalog.SequenceUpdater")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Text the database refuses to store: PostgreSQL answers a NUL in a parameter with SQLSTATE 22021 ("invalid byte
     * sequence for encoding UTF8: 0x00") and a character outside its encoding with 22P05; Derby takes both. The REST
     * host refuses such characters before any service runs (naming the field); this is the last line, for a path
     * that escaped it — bad input, so a 400, never a 500.
     */
    public static boolean isUnstorableText(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && ("22021".equals(sql.getSQLState())
                    || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A direct read's failure: a 400 for text the database refuses, else logged and a 503. */
    private static RenkouException directReadFailed(SQLException e) {
        if (isUnstorableText(e)) {
            return unstorableText();
        }
        LOG.warn("Direct read failed: {}", e.toString());
        return RenkouException.unavailable("数据库暂不可用，请稍后再试。", "The database is not available; try again shortly.");
    }

    /** The 400 for {@link #isUnstorableText}: which field is not known down here. */
    public static RenkouException unstorableText() {
        return RenkouException.invalid(null, "输入中含有数据库无法保存的字符（如 U+0000），请删除后重新输入。",
                "The input contains a character the database cannot store (such as U+0000); remove it.");
    }

    public static RenkouException busy() {
        return RenkouException.conflict(null, "该记录正被他人修改，请稍后重试。",
                "The record is being changed by someone else; try again in a moment.");
    }

    private static boolean isConstraintViolation(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public State state() {
        if (!ready.isDone()) {
            return State.STARTING;
        }
        return ready.isCompletedExceptionally() ? State.DOWN : State.UP;
    }

    @Override
    public String detail() {
        if (ready.isCompletedExceptionally()) {
            try {
                ready.join();
            } catch (RuntimeException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                return "数据库无法打开 / database could not be opened: " + cause.getMessage();
            }
        }
        return "";
    }
}
