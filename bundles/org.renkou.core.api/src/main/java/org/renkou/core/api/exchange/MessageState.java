package org.renkou.core.api.exchange;

/** Where an exchange message stands, computed on every read from its due date, reply and escalation. */
public enum MessageState {
    /** Not answered, not yet due. */
    OPEN,
    /** Not answered and past its due date; the scheduled check has not escalated it yet. */
    OVERDUE,
    /** Not answered, past due, and escalated (督办) to the receiver's supervising office. */
    ESCALATED,
    /** Answered by the due date. */
    REPLIED,
    /** Answered after the due date. */
    REPLIED_LATE
}
