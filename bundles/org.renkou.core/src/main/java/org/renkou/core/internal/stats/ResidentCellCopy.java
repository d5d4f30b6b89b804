package org.renkou.core.internal.stats;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

import org.postgresql.PGConnection;
import org.renkou.core.internal.db.CopyText;
import org.renkou.core.internal.stats.SnapshotStore.ResidentKey;

/**
 * PostgreSQL: a snapshot's resident cells written with one {@code COPY … FROM STDIN} (批量复制) instead of JDBC
 * batches — millions of cells for a province, a minute and more as INSERTs (BENCHMARKS.md, "10 million residents on
 * PostgreSQL"). Only loaded on PostgreSQL, so the core needs pgjdbc there alone (its Import-Package is optional).
 */
final class ResidentCellCopy {
    private static final String COPY = "COPY STATS_RESIDENT_CELL (SNAPSHOT_ID, RESIDENCE_CODE, REGISTRATION_CODE, SEX, "
            + "AGE_BAND, STATUS, MARITAL_STATUS, N) FROM STDIN";
    /** Rows per COPY chunk: the text of one chunk is held in memory. */
    private static final int CHUNK = 100_000;

    private ResidentCellCopy() {
    }

    static void copy(Connection c, long snapshot, Map<ResidentKey, int[]> cells) throws SQLException {
        StringBuilder text = new StringBuilder(CHUNK * 48);
        int rows = 0;
        for (Map.Entry<ResidentKey, int[]> e : cells.entrySet()) {
            ResidentKey k = e.getKey();
            text.append(snapshot).append('\t');
            CopyText.field(text, k.residence());
            CopyText.field(text, k.registration());
            text.append(Snapshot.SEXES[k.sex()]).append('\t').append(k.band()).append('\t')
                    .append(Snapshot.STATUSES[k.status()]).append('\t')
                    .append(k.marital() == Snapshot.MARITAL.length - 1 ? "\\N" : Snapshot.MARITAL[k.marital()])
                    .append('\t').append(e.getValue()[0]).append('\n');
            if (++rows % CHUNK == 0) {
                send(c, text);
            }
        }
        send(c, text);
    }

    private static void send(Connection c, StringBuilder text) throws SQLException {
        if (text.length() == 0) {
            return;
        }
        try (Reader in = new StringReader(text.toString())) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY, in);
        } catch (IOException e) {
            throw new SQLException("COPY of statistics cells failed: " + e.getMessage(), e);
        }
        text.setLength(0);
    }
}
