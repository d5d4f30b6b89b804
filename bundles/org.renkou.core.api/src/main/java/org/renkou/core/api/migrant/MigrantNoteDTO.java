package org.renkou.core.api.migrant;

import java.time.Instant;

/**
 * A note on a migrant record (备注/回复), written by either side: how the registration place (户籍地) adds what it
 * knows without changing the stay data. On create give {@link #text} and optionally {@link #replyTo}.
 */
public class MigrantNoteDTO {
    public Long id;
    public String text;
    /** The note this one answers, if any. */
    public Long replyTo;
    /** Username of the author (read only). */
    public String by;
    /** Which side wrote it: the residence, responsible or registration code the author covers (read only). */
    public String side;
    public Instant at;
}
