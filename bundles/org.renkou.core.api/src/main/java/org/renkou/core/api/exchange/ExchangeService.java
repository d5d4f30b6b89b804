package org.renkou.core.api.exchange;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Page;

/**
 * The inter-region information exchange (信息交换): queries (查询/协查), notifications (通报) and assistance requests
 * (协助请求) between two jurisdictions, their replies (反馈), due dates, overdue escalation (督办) and reply figures.
 * A message is visible to callers covering its sender or its receiver, and is answered only by the receiver's side.
 * Sending and replying need the ADMIN, DIRECTOR or FAMILY_SERVICES role. Every change is audited.
 */
@ProviderType
public interface ExchangeService {

    /** A page of messages, newest first, each with its state computed as of today. */
    Page<ExchangeMessageDTO> search(Caller caller, ExchangeQuery query);

    Optional<ExchangeMessageDTO> find(Caller caller, long id);

    /** Days the receiver has to reply, by urgency, for a message sent to {@code receiverCode} now. */
    Map<Urgency, Integer> replyDays(String receiverCode);

    /** Sends a message; the due date follows from the urgency and the receiver's province. */
    ExchangeMessageDTO send(Caller caller, ExchangeMessageDTO message);

    /** Answers a message once; the caller must cover the receiver, {@code reply.version} must be the one read. */
    ExchangeMessageDTO reply(Caller caller, long id, ExchangeReplyDTO reply);

    /** Reply figures for messages sent to (and by) {@code jurisdictionCode} between {@code from} and {@code to}. */
    ExchangeStatsDTO stats(Caller caller, String jurisdictionCode, LocalDate from, LocalDate to);

    /**
     * Escalates every unanswered message past its due date that is not escalated yet; run by the scheduled check.
     * Needs the ADMIN role.
     *
     * @return how many were escalated
     */
    int escalateOverdue(Caller caller);
}
