package org.renkou.school.internal;

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
        run(em, "INSERT INTO SC_ENROLMENT (CLASS_ID, RESIDENT_ID, RESIDENT_NAME, STATUS, ENROLLED_ON, ENROLLED_BY, "
                + "VERSION) VALUES (?, ?, ?, 'ENROLLED', ?, ?, 1)", lines, (ps, l) -> {
                    ps.setLong(1, l.classId());
                    ps.setLong(2, l.residentId());
                    ps.setString(3, l.name());
                    ps.setDate(4, Date.valueOf(on));
                    ps.setString(5, by);
                });
    }

    /** New marks {@code [sessionId, enrolmentId, mark]}. */
    static void marks(EntityManager em, long sessionId, List<Object[]> inserts, List<Object[]> updates) {
        run(em, "INSERT INTO SC_ATTENDANCE (SESSION_ID, ENROLMENT_ID, MARK) VALUES (?, ?, ?)", inserts, (ps, m) -> {
            ps.setLong(1, sessionId);
            ps.setLong(2, (Long) m[0]);
            ps.setString(3, (String) m[1]);
        });
        run(em, "UPDATE SC_ATTENDANCE SET MARK = ? WHERE SESSION_ID = ? AND ENROLMENT_ID = ?", updates, (ps, m) -> {
            ps.setString(1, (String) m[1]);
            ps.setLong(2, sessionId);
            ps.setLong(3, (Long) m[0]);
        });
    }

    interface Binder<T> {
        void bind(PreparedStatement ps, T row) throws SQLException;
    }

    private static <T> void run(EntityManager em, String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        Connection c = em.unwrap(Connection.class); // the transaction's connection: commits or rolls back with it
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            int n = 0;
            for (T row : rows) {
                binder.bind(ps, row);
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
