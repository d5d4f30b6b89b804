package org.renkou.core.api.exchange;

import java.time.Instant;

/**
 * The reply (反馈) to an exchange message. On create give {@link #text} and/or {@link #notFound}, and the message's
 * {@link #version} as read.
 */
public class ExchangeReplyDTO {
    /** The answer, or the remark (备注) explaining why nothing could be found. */
    public String text;
    /** 查无此人: the person could not be found; the text (optional then) says why. */
    public Boolean notFound;
    /** Read only. */
    public String by;
    /** Read only. */
    public Instant at;
    /** Input only: the message's version as read. */
    public Long version;
}
