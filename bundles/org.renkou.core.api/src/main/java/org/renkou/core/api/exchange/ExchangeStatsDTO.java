package org.renkou.core.api.exchange;

import java.time.LocalDate;

/**
 * Reply figures (反馈率/及时率) a jurisdiction is assessed on, for the messages sent to it (at or below it) in a
 * period: {@code received = repliedOnTime + overdue + still open and not yet due}.
 */
public class ExchangeStatsDTO {
    public String jurisdictionCode;
    /** First and last day (inclusive, China time) of the period, by the day the messages were sent. */
    public LocalDate from;
    public LocalDate to;
    public long received;
    public long replied;
    public long repliedOnTime;
    /** Not answered by the due date: still open past due, or answered late. */
    public long overdue;
    /** replied / received, 4 decimals; null when nothing was received. */
    public Double replyRate;
    /** repliedOnTime / received, 4 decimals; null when nothing was received. */
    public Double onTimeRate;
    /** Messages the jurisdiction sent in the period, and how many of them have a reply. */
    public long sent;
    public long sentReplied;
}
