package org.renkou.module.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.EntityTransaction;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;

import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.module.api.db.JdbcRead;
import org.renkou.module.api.db.ModuleDatabase;

/**
 * The {@link ModuleDatabase} contract as the core keeps it, outside OSGi and without the core bundle, for a module's
 * unit tests (this bundle's test-jar): the module's migrations ({@code db/<id>}, in version order) run once on a
 * fresh database; a stale version or a taken key in {@link #tx} becomes a CONFLICT; audit entries are kept in a list
 * as {@code "ACTION EntityType id by username changes reason"}, and only from an open transaction — so a test can
 * check both that an entry was written and that no sensitive value is in it. {@link #report} runs each read twice
 * and keeps what it was called ({@link #reports}), so a test can tell a report read from one on the unit.
 */
public final class TestModuleDatabase implements ModuleDatabase {
    private final EntityManagerFactory emf;
    private final List<String> audit;
    private final List<String> reports = java.util.Collections.synchronizedList(new ArrayList<>());

    public TestModuleDatabase(EntityManagerFactory emf, Path migrations, List<String> audit) {
        this.emf = emf;
        this.audit = audit;
        migrate(migrations);
    }

    /** The statements of the scripts in {@code folder}, by version; each ends with {@code ;} at a line end. */
    public static List<String> statements(Path folder) {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b))).toList();
            for (Path f : scripts) {
                StringBuilder current = new StringBuilder();
                for (String line : Files.readAllLines(f)) {
                    String t = line.strip();
                    if (t.isEmpty() || t.startsWith("--")) {
                        continue;
                    }
                    if (t.endsWith(";")) {
                        out.add(current.append(t, 0, t.length() - 1).toString().strip());
                        current.setLength(0);
                    } else {
                        current.append(t).append('\n');
                    }
                }
                if (!current.toString().isBlank()) {
                    out.add(current.toString().strip()); // the last statement may go without its ;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static int version(Path script) {
        String name = script.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private void migrate(Path folder) {
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            Connection c = em.unwrap(Connection.class);
            try (Statement st = c.createStatement()) {
                for (String sql : statements(folder)) {
                    st.execute(sql);
                }
            }
            c.commit(); // EclipseLink commits only what it wrote itself
            em.getTransaction().commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Migration failed", e);
        } finally {
            em.close();
        }
    }

    @Override
    public <T> T tx(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        EntityTransaction t = em.getTransaction();
        try {
            t.begin();
            T result = work.apply(em);
            t.commit();
            return result;
        } catch (OptimisticLockException e) {
            throw RenkouException.conflict("version", "该记录已被他人修改，请刷新后重试。",
                    "The record was changed by someone else; reload it and try again.");
        } catch (PersistenceException e) {
            for (Throwable c = e; c != null; c = c.getCause()) {
                if (c instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                    throw RenkouException.conflict(null, "数据与已有记录冲突（编号或名称重复）。",
                            "The data clashes with an existing record (duplicate code or name).");
                }
            }
            throw e;
        } finally {
            if (t.isActive()) {
                t.rollback();
            }
            em.close();
        }
    }

    @Override
    public <T> T read(Function<EntityManager, T> work) {
        EntityManager em = emf.createEntityManager();
        try {
            return work.apply(em);
        } finally {
            em.close();
        }
    }

    /**
     * In a transaction on the test database, and twice, as when a hot standby fails part-way and the primary reads
     * again: the second result is given, so a read that keeps state between runs shows in the module's tests.
     */
    @Override
    public <T> T report(String what, JdbcRead<T> read) {
        reports.add(what);
        once(what, read);
        return once(what, read);
    }

    /** The {@code what} of every {@link #report} read so far, in order (each once, though run twice). */
    public List<String> reports() {
        return reports;
    }

    private <T> T once(String what, JdbcRead<T> read) {
        return tx(em -> {
            try {
                return read.apply(em.unwrap(Connection.class));
            } catch (SQLException e) {
                throw new IllegalStateException(what + ": reading failed: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public void audit(EntityManager em, Caller caller, AuditAction action, String entityType, String entityId,
            String jurisdictionCode, String changes, String reason) {
        if (!em.getTransaction().isActive()) {
            throw new IllegalStateException("audit outside a transaction");
        }
        audit.add(action + " " + entityType + " " + entityId + " by " + caller.username() + " " + changes + " " + reason);
    }

    @Override
    public CompletableFuture<Void> whenReady() {
        return CompletableFuture.completedFuture(null);
    }
}
