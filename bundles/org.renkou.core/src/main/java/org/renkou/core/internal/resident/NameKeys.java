package org.renkou.core.internal.resident;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.renkou.core.api.resident.NameOrder;
import org.renkou.core.internal.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sort key of a resident's name (姓名排序键), stored in {@code RESIDENT.NAME_KEY} so that the list walks an index
 * in pinyin order (李 before 王 before 张) on Derby and PostgreSQL alike, without a database collation.
 *
 * <p>The key is {@link NameOrder#key}, the API's, so that a module's list orders as the core's does (its Javadoc
 * says how it is made). Names equal at primary strength (Latin letters in another case) tie and the list orders
 * them by ID. The column is {@code COLLATE "C"} on PostgreSQL.
 */
public final class NameKeys {
    /** The column's width (V19). */
    public static final int MAX_LENGTH = NameOrder.MAX_LENGTH;
    private static final Logger LOG = LoggerFactory.getLogger(NameKeys.class);
    private static final int CHUNK = 1000;

    private NameKeys() {
    }

    /** The key of {@code name}; {@code null} for {@code null}. */
    public static String of(String name) {
        return NameOrder.key(name);
    }

    /**
     * Fills the key of every row written without one: the rows of before V19 (a SQL migration cannot compute it), and
     * rows an older node of a cluster writes during an upgrade. Idempotent, a chunk per transaction; a name changed
     * meanwhile is left to the write that changed it.
     *
     * @return how many rows were filled
     */
    public static long backfill(Database db) {
        // the usual start: every row has its key, and the index on NAME_KEY says so without reading the table
        Boolean any = db.tx(em -> !em.createNativeQuery("SELECT ID FROM RESIDENT --DERBY-PROPERTIES index=IX_RESIDENT_ORDER\n"
                + "WHERE NAME_KEY IS NULL FETCH FIRST 1 ROWS ONLY").getResultList().isEmpty());
        if (!any) {
            return 0;
        }
        long filled = 0;
        long[] after = {0}; // walks the primary key: each chunk one index range, whatever the table's size
        while (true) {
            int n = db.tx(em -> {
                Connection c = em.unwrap(Connection.class);
                try {
                    return fillChunk(c, after);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            if (n < 0) {
                break;
            }
            filled += n;
        }
        if (filled > 0) {
            LOG.info("Name sort keys filled for {} residents", filled);
        }
        return filled;
    }

    /** The rows after {@code after[0]} by ID, a chunk of them; how many had no key, or -1 at the end of the table. */
    private static int fillChunk(Connection c, long[] after) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        int seen = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT ID, NAME, NAME_KEY FROM RESIDENT WHERE ID > ? "
                + "ORDER BY ID FETCH FIRST " + CHUNK + " ROWS ONLY")) {
            ps.setLong(1, after[0]);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seen++;
                    after[0] = rs.getLong(1);
                    if (rs.getString(3) == null) {
                        rows.add(new Object[] {rs.getLong(1), rs.getString(2)});
                    }
                }
            }
        }
        if (seen == 0) {
            return -1;
        }
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE RESIDENT SET NAME_KEY = ? WHERE ID = ? AND NAME = ? AND NAME_KEY IS NULL")) {
            for (Object[] r : rows) {
                ps.setString(1, of((String) r[1]));
                ps.setLong(2, (Long) r[0]);
                ps.setString(3, (String) r[1]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
        return rows.size();
    }
}
