package org.renkou.core.api.migrant;

import java.time.Instant;

/**
 * A handover (移交) of a migrant record: on create give {@link #kind}, {@link #toCode}, {@link #reason} and the
 * migrant's {@link #version}; the rest is filled on read.
 */
public class HandoverDTO {
    public Long id;
    public HandoverKind kind;
    /** The jurisdiction that was responsible before (read only). */
    public String fromCode;
    /** The community moved to, or the office taking over; must exist in Renkou's tree. */
    public String toCode;
    /** Username of who made the handover (read only). */
    public String by;
    public Instant at;
    /** Why (required). */
    public String reason;
    /** Input only: the migrant record's version as read. */
    public Long version;
}
