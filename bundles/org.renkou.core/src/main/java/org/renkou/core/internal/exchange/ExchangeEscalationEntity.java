package org.renkou.core.internal.exchange;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

/**
 * An escalation (督办) of an overdue exchange message: a row of its own, so that raising it does not change the
 * message's version under a receiver who is writing the reply.
 */
@Entity
@Table(name = "EXCHANGE_ESCALATION")
@NamedQuery(name = ExchangeEscalationEntity.OF_MESSAGES,
        query = "SELECT e FROM ExchangeEscalationEntity e WHERE e.messageId IN :ids")
public class ExchangeEscalationEntity {
    public static final String OF_MESSAGES = "ExchangeEscalation.ofMessages";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "MESSAGE_ID")
    public Long messageId;
    @Column(name = "RAISED_AT")
    public LocalDateTime raisedAt; // UTC
    @Column(name = "ESCALATED_TO")
    public String escalatedTo;
    @Column(name = "DAYS_OVERDUE")
    public int daysOverdue;
}
