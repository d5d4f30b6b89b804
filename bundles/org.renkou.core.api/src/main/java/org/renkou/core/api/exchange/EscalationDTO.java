package org.renkou.core.api.exchange;

import java.time.Instant;

/** An escalation (督办) raised by the scheduled check for a message left unanswered past its due date. */
public class EscalationDTO {
    public Instant raisedAt;
    /** The receiver's supervising office (its parent in the tree), which now sees the case as overdue. */
    public String escalatedTo;
    /** Days past the due date when it was raised. */
    public Integer daysOverdue;
}
