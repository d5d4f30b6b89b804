package org.renkou.school.internal.classes;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

import javax.persistence.EntityManager;

import org.renkou.core.api.RenkouException;

/**
 * Row-at-a-time JPA inserts with IDENTITY keys cost a round trip and a key read per row: a roster of 5,000 or the
 * attendance of 200 are written here as one JDBC batch on the transaction's own connection instead (no generated
 * ids are needed back). Rows written here are never in a persistence context, so nothing goes stale.
 */
final class Batch {
    private Batch() {
    }

    /** A new roster line: class, resident, name as the core gave it. */
    record Line(long classId, long residentId, String name) {
    }

    static void enrolments(EntityManager em, List<Line> lines, LocalDate on, String by) {
        Date day = Date.valueOf(on);
        insert(em, "INSERT INTO SC_ENROLMENT (CLASS_ID, RESIDENT_ID, RESIDENT_NAME, STATUS, ENROLLED_ON, ENROLLED_BY, "
                + "VERSION) VALUES ", "(?, ?, ?, 'ENROLLED', ?, ?, 1)", lines, (ps, i, l) -> {
                    ps.setLong(i, l.classId());
                    ps.setLong(i + 1, l.residentId());
                    ps.setString(i + 2, l.name());
                    ps.setDate(i + 3, day);
                    ps.setString(i + 4, by);
                    return 5;
                });
    }

    /** New marks {@code [sessionId, enrolmentId, mark]}. */
    static void marks(EntityManager em, long sessionId, List<Object[]> inserts, List<Object[]> updates) {
        insert(em, "INSERT INTO SC_ATTENDANCE (SESSION_ID, ENROLMENT_ID, MARK) VALUES ", "(?, ?, ?)", inserts,
                (ps, i, m) -> {
                    ps.setLong(i, sessionId);
                    ps.setLong(i + 1, (Long) m[0]);
                    ps.setString(i + 2, (String) m[1]);
                    return 3;
                });
        run(em, "UPDATE SC_ATTENDANCE SET MARK = ? WHERE SESSION_ID = ? AND ENROLMENT_ID = ?", updates, (ps, i, m) -> {
            ps.setString(1, (String) m[1]);
            ps.setLong(2, sessionId);
            ps.setLong(3, (Long) m[0]);
            return 3;
        });
    }

    /**
     * Applies the changes in attended marks {@code resident -> ±n} of one school and day to {@code SC_REACH}: new
     * residents inserted, the others changed relative to what is stored (a save of another session of the same
     * school and day at once adds its own change), rows left at 0 deleted.
     */
    static void reach(EntityManager em, LocalDate day, long schoolId, java.util.Map<Long, Integer> changes) {
        if (changes.isEmpty()) {
            return;
        }
        java.util.Set<Long> stored = new java.util.HashSet<>(em.createQuery("SELECT r.residentId FROM ReachEntity r "
                + "WHERE r.heldOn = :d AND r.schoolId = :s", Long.class).setParameter("d", day)
                .setParameter("s", schoolId).getResultList());
        List<Object[]> inserts = new java.util.ArrayList<>();
        List<Object[]> updates = new java.util.ArrayList<>();
        boolean fewer = false;
        for (java.util.Map.Entry<Long, Integer> c : changes.entrySet()) {
            if (c.getValue() == 0) {
                continue;
            }
            if (stored.contains(c.getKey())) {
                updates.add(new Object[] {c.getKey(), c.getValue()});
                fewer |= c.getValue() < 0;
            } else if (c.getValue() > 0) { // a fall with nothing stored cannot be: the row came with the mark
                inserts.add(new Object[] {c.getKey(), c.getValue()});
            }
        }
        Date d = Date.valueOf(day);
        insert(em, "INSERT INTO SC_REACH (HELD_ON, SCHOOL_ID, RESIDENT_ID, TIMES) VALUES ", "(?, ?, ?, ?)", inserts,
                (ps, i, r) -> {
                    ps.setDate(i, d);
                    ps.setLong(i + 1, schoolId);
                    ps.setLong(i + 2, (Long) r[0]);
                    ps.setInt(i + 3, (Integer) r[1]);
                    return 4;
                });
        run(em, "UPDATE SC_REACH SET TIMES = TIMES + ? WHERE HELD_ON = ? AND SCHOOL_ID = ? AND RESIDENT_ID = ?",
                updates, (ps, i, r) -> {
                    ps.setInt(1, (Integer) r[1]);
                    ps.setDate(2, d);
                    ps.setLong(3, schoolId);
                    ps.setLong(4, (Long) r[0]);
                    return 4;
                });
        if (fewer) {
            run(em, "DELETE FROM SC_REACH WHERE HELD_ON = ? AND SCHOOL_ID = ? AND TIMES <= 0", List.of(d),
                    (ps, i, x) -> {
                        ps.setDate(1, x);
                        ps.setLong(2, schoolId);
                        return 2;
                    });
        }
    }

    /** Binds one row's values from parameter {@code first} on; answers how many it bound. */
    interface Binder<T> {
        int bind(PreparedStatement ps, int first, T row) throws SQLException;
    }

    /** Rows a multi-row INSERT takes: Derby runs a JDBC batch statement by statement, a VALUES list as one. */
    static final int ROWS_PER_INSERT = 100;

    /**
     * Inserts as multi-row {@code VALUES} lists of {@link #ROWS_PER_INSERT}: the statement's set-up, lock release
     * and foreign-key checker close once per list rather than once per row (a third of a row's cost on Derby).
     */
    private static <T> void insert(EntityManager em, String head, String values, List<T> rows, Binder<T> binder) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<T> part = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            String sql = head + String.join(", ", java.util.Collections.nCopies(part.size(), values));
            run(em, sql, List.of(part), (ps, first, list) -> {
                int i = first;
                for (T row : list) {
                    i += binder.bind(ps, i, row);
                }
                return i - first;
            });
        }
    }

    private static <T> void run(EntityManager em, String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        Connection c = em.unwrap(Connection.class); // the transaction's connection: commits or rolls back with it
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (T row : rows) {
                binder.bind(ps, 1, row);
                ps.addBatch();
                if (++n % 500 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        } catch (SQLException e) {
            for (SQLException s = e; s != null; s = s.getNextException()) {
                if (s.getSQLState() != null && s.getSQLState().startsWith("23")) {
                    throw RenkouException.conflict(null, "其他工作人员同时修改了同一名单，请刷新后重试。",
                            "Someone else changed the same roster at the same time; reload and try again.");
                }
            }
            throw new IllegalStateException(e);
        }
    }
}
