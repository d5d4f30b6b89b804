package org.renkou.core.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.renkou.core.internal.stats.Snapshot.ResidentCell;

/** The cells of a caller's reach found by ranges of the sorted copies are those the pass over all cells finds. */
class SnapshotTest {
    private static final String[] CODES = {"440606101001", "440606101002", "440606102001", "440605101001",
        "440103101001", "530102", "5301", "44060610"};

    @Test
    void cellsWithinAreThoseOfThePassOverAll() {
        Random random = new Random(7);
        List<ResidentCell> cells = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            cells.add(new ResidentCell(CODES[random.nextInt(CODES.length)], CODES[random.nextInt(CODES.length)],
                    random.nextInt(2), random.nextInt(11), random.nextInt(3), random.nextInt(5), 1 + random.nextInt(9)));
        }
        Snapshot s = new Snapshot(1, Instant.EPOCH, LocalDate.EPOCH, "TEST", 0, 0, null, cells, List.of());
        List<List<String>> reaches = List.of(List.of("440606"), List.of("440606101001"), List.of("4406", "440606"),
                List.of("440606101", "530102"), List.of("440103", "440606102001", "440103"), List.of("53"),
                List.of("9"), List.of());
        for (List<String> reach : reaches) {
            long expected = cells.stream().filter(c -> c.within(reach)).mapToLong(ResidentCell::n).sum();
            long cellsExpected = cells.stream().filter(c -> c.within(reach)).count();
            List<ResidentCell> found = s.residentCellsWithin(reach);
            assertEquals(expected, found.stream().mapToLong(ResidentCell::n).sum(), reach.toString());
            assertEquals(cellsExpected, found.size(), "each cell once: " + reach);
        }
        assertSame(s.residentCells(), s.residentCellsWithin(List.of("")));
    }
}
