package org.renkou.core.api.exchange;

/** Filters for {@link ExchangeService#search}; every field is optional, all given ones must match. */
public class ExchangeQuery {
    /** Sender or receiver at or below this jurisdiction (with {@link #direction}: only that side). */
    public String jurisdictionCode;
    public Direction direction;
    public MessageKind kind;
    /** OPEN (unanswered), OVERDUE (unanswered and past due, escalated or not), REPLIED (answered, late or not). */
    public MessageState state;
    public Long migrantId;
    public Integer offset;
    public Integer limit;

    /** Which side of a message {@link #jurisdictionCode} is on. */
    public enum Direction {
        SENT, RECEIVED
    }
}
