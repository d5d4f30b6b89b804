package org.renkou.core.api.exchange;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A message of the inter-region information exchange (信息交换) from one jurisdiction to another. On send give
 * {@link #kind}, {@link #urgency}, {@link #receiverCode}, {@link #subject}, {@link #body}, optionally
 * {@link #senderCode} (default: the caller's first jurisdiction) and {@link #migrantId}; the rest is filled on read.
 */
public class ExchangeMessageDTO {
    public Long id;
    public MessageKind kind;
    public Urgency urgency;
    /** A jurisdiction the caller covers. */
    public String senderCode;
    /** Any jurisdiction in Renkou's tree other than the sender. */
    public String receiverCode;
    /** The migrant record it is about, if any (must be visible to the sender). */
    public Long migrantId;
    public String subject;
    public String body;
    public String sentBy;
    public Instant sentAt;
    /** Sent date plus the days for the urgency in the receiver's province. */
    public LocalDate dueDate;
    /** Computed on read. */
    public MessageState state;
    /** Computed on read: not answered by the due date (open and past due, or answered late). */
    public Boolean overdue;
    public ExchangeReplyDTO reply;
    public EscalationDTO escalation;
    /** Optimistic-lock version: required on reply. */
    public Long version;
}
