package org.renkou.core.api.stats;

import java.time.Instant;

/** One aggregate snapshot (统计快照): when it was taken, how big it is, what triggered it. */
public class SnapshotDTO {
    /** Null before the first snapshot exists. */
    public Long id;
    /** The moment the residents were read ("统计截至"); null before the first snapshot. */
    public Instant asOf;
    /** Residents counted in the whole database. */
    public long residents;
    /** Rows of the resident aggregate (one per populated combination of places, sex, age band, statuses). */
    public long cells;
    public long buildMillis;
    /** START, SCHEDULE, IMPORT, MANUAL. */
    public String trigger;
    /** Whether a newer snapshot is being built right now. */
    public boolean refreshing;
}
