package org.renkou.core.internal.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class ReadDatabaseTest {
    @Test
    void walPositionsAreNumbers() {
        assertEquals(0x16_B374_D848L, ReadDatabase.lsn("16/B374D848"));
        assertEquals(0x3_0000_0000L, ReadDatabase.lsn("3/0"));
    }

    /** A record ending at a page's start leaves the insert position after the next page's header. */
    @Test
    void thePageHeaderAfterTheLastRecordIsNotWaitedFor() {
        long page = 0x1_0000_2000L;
        assertEquals(page, ReadDatabase.needed(page + 24));
        assertEquals(page, ReadDatabase.needed(page + 40), "a segment's first page has the long header");
        assertEquals(page + 48, ReadDatabase.needed(page + 48));
        assertEquals(page + 8000, ReadDatabase.needed(page + 8000));
    }

    /** A conflict with the standby's replay moves one read; a standby that fails keeps the reads off it a while. */
    @Test
    void onlyAFailingStandbyRests() {
        assertFalse(ReadDatabase.restsAfter(new SQLException("deadlock detected", "40P01")));
        assertFalse(ReadDatabase.restsAfter(new SQLException("canceling statement due to conflict with recovery",
                "40001")));
        assertTrue(ReadDatabase.restsAfter(new SQLException("Connection refused", "08001")));
        assertTrue(ReadDatabase.restsAfter(new SQLException("Connection is not available, request timed out")));
        assertTrue(ReadDatabase.restsAfter(new SQLException("relation does not exist", "42P01")));
    }
}
