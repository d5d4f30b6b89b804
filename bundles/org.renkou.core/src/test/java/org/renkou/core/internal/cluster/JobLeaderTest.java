package org.renkou.core.internal.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.metrics.MetricsWriter;
import org.renkou.core.internal.db.DataSources;

/**
 * The leadership of the scheduled jobs without a PostgreSQL server: two nodes on a stand-in for one server's
 * session-level advisory lock (held by a connection until it unlocks or closes, as PostgreSQL does).
 */
class JobLeaderTest {
    private final List<JobLeader> nodes = new ArrayList<>();

    @AfterEach
    void tearDown() {
        nodes.forEach(JobLeader::deactivate);
    }

    @Test
    void oneNodeLeadsAndAnotherTakesOverWhenItsConnectionDies() {
        AdvisoryLocks server = new AdvisoryLocks();
        JobLeader a = node(server.dataSource(), "postgresql");
        assertTrue(a.leads(), "the first node takes the lock as it starts");
        JobLeader b = node(server.dataSource(), "postgresql");
        b.check();
        assertFalse(b.leads(), "the lock is A's");

        AtomicInteger ran = new AtomicInteger();
        assertTrue(a.runIfLeader("statistics", ran::incrementAndGet));
        assertFalse(b.runIfLeader("statistics", ran::incrementAndGet));
        assertEquals(1, ran.get(), "once across the two nodes");
        assertEquals(Map.of("statistics", 1L), a.runs());
        assertEquals(Map.of(), b.runs());
        assertTrue(a.detail().contains("(leader); ran here: statistics=1"), a.detail());

        server.kill(); // A's connection died (its process, or the network): PostgreSQL releases the lock
        b.check();
        assertTrue(b.leads(), "B took over at its next try");
        a.check();
        assertFalse(a.leads(), "A, if still alive, finds its connection broken and the lock taken");
        assertTrue(b.runIfLeader("statistics", ran::incrementAndGet));
        assertEquals(2, ran.get());

        b.deactivate(); // a node stopped in order unlocks at once
        a.check();
        assertTrue(a.leads(), "A (restarted) leads again");
    }

    @Test
    void theOneNodeOnDerbyAlwaysLeads() {
        JobLeader only = node(null, "derby");
        AtomicInteger ran = new AtomicInteger();
        assertTrue(only.runIfLeader("warehouse-backup", ran::incrementAndGet));
        assertTrue(only.runIfLeader("warehouse-backup", ran::incrementAndGet));
        assertEquals(2, ran.get());
        assertEquals(Map.of("warehouse-backup", 2L), only.runs());
        StringBuilder metrics = new StringBuilder();
        only.write(new MetricsWriter(metrics));
        assertTrue(metrics.toString().contains("\nrenkou_job_leader 1\n")
                && metrics.toString().contains("\nrenkou_job_runs_total{job=\"warehouse-backup\"} 2\n"), metrics.toString());
    }

    @Test
    void whatTheJobThrowsReachesTheCallerAndTheRunCounts() {
        JobLeader only = node(null, "derby");
        assertThrows(IllegalStateException.class, () -> only.runIfLeader("statistics", () -> {
            throw new IllegalStateException("database starting");
        }));
        assertEquals(Map.of("statistics", 1L), only.runs());
        assertThrows(IllegalArgumentException.class, () -> only.runIfLeader(" ", () -> { }));
    }

    private JobLeader node(DataSource ds, String dialect) {
        JobLeader l = new JobLeader(Map.entry(Map.of(DataSources.DIALECT, dialect), ds == null ? new AdvisoryLocks()
                .dataSource() : ds));
        nodes.add(l);
        return l;
    }

    /** One server's advisory lock: which connection holds it; {@link #kill()} breaks the holder's connection. */
    private static final class AdvisoryLocks {
        private Object holder;
        private final List<Object> broken = new ArrayList<>();

        DataSource dataSource() {
            return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                    (p, m, args) -> m.getName().equals("getConnection") ? connection() : null);
        }

        synchronized void kill() {
            broken.add(holder);
            holder = null;
        }

        private Connection connection() {
            Object[] self = new Object[1];
            Connection c = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (p, m, args) -> switch (m.getName()) {
                        case "isValid" -> valid(self[0]);
                        case "createStatement" -> statement(self[0]);
                        case "close" -> release(self[0]);
                        case "hashCode" -> System.identityHashCode(p);
                        case "equals" -> p == args[0];
                        default -> null;
                    });
            self[0] = c;
            return c;
        }

        private synchronized boolean valid(Object c) {
            return !broken.contains(c);
        }

        private synchronized Object release(Object c) {
            if (holder == c) {
                holder = null;
            }
            return null;
        }

        private Statement statement(Object c) {
            return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Statement.class},
                    (p, m, args) -> {
                        if (m.getName().equals("executeQuery")) {
                            return result(tryLock(c));
                        }
                        if (m.getName().equals("execute")) { // pg_advisory_unlock
                            if (!valid(c)) {
                                throw new SQLException("connection broken");
                            }
                            return release(c) == null;
                        }
                        return null;
                    });
        }

        private synchronized boolean tryLock(Object c) throws SQLException {
            if (broken.contains(c)) {
                throw new SQLException("connection broken");
            }
            if (holder == null) {
                holder = c;
            }
            return holder == c;
        }

        private ResultSet result(boolean value) {
            boolean[] read = {false};
            return (ResultSet) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {ResultSet.class},
                    (p, m, args) -> switch (m.getName()) {
                        case "next" -> !read[0] && (read[0] = true);
                        case "getBoolean" -> value;
                        default -> null;
                    });
        }
    }
}
