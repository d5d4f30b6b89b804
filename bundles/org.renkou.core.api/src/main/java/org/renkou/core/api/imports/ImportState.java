package org.renkou.core.api.imports;

/** Where an {@link ImportJobDTO import job} stands. */
public enum ImportState {
    /** Reading and writing rows on a background thread. */
    RUNNING,
    /** Every row was read; the good ones are in, the bad ones are listed. */
    DONE,
    /**
     * Stopped before the end: a database error, a shutdown or a crash (a job found RUNNING at start-up). The
     * batches committed before stay in; re-importing the same file skips them.
     */
    FAILED
}
