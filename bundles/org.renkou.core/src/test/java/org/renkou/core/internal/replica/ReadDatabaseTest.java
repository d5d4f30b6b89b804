package org.renkou.core.internal.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
