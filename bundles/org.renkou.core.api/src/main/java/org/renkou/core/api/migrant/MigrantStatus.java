package org.renkou.core.api.migrant;

/** Whether a migrant still lives at the place of residence. */
public enum MigrantStatus {
    /** 在住. */
    PRESENT,
    /** 已离开: a departure date (and where known, a destination) is recorded. */
    DEPARTED
}
