package org.renkou.core.internal.exchange;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import org.renkou.core.api.exchange.MessageKind;
import org.renkou.core.api.exchange.Urgency;
import org.renkou.core.internal.db.VersionedEntity;

/** Row of an exchange message (信息交换) and its reply (反馈). */
@Entity
@Table(name = "EXCHANGE_MESSAGE")
@NamedQuery(name = ExchangeMessageEntity.OVERDUE_NOT_ESCALATED,
        query = "SELECT m FROM ExchangeMessageEntity m WHERE m.repliedAt IS NULL AND m.dueDate < :today"
                + " AND NOT EXISTS (SELECT e FROM ExchangeEscalationEntity e WHERE e.messageId = m.id) ORDER BY m.id")
public class ExchangeMessageEntity extends VersionedEntity {
    public static final String OVERDUE_NOT_ESCALATED = "ExchangeMessage.overdueNotEscalated";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Enumerated(EnumType.STRING)
    public MessageKind kind;
    @Enumerated(EnumType.STRING)
    public Urgency urgency;
    @Column(name = "SENDER_CODE")
    public String senderCode;
    @Column(name = "RECEIVER_CODE")
    public String receiverCode;
    @Column(name = "MIGRANT_ID")
    public Long migrantId;
    public String subject;
    public String body;
    @Column(name = "SENT_BY")
    public String sentBy;
    @Column(name = "SENT_AT")
    public LocalDateTime sentAt; // UTC
    @Column(name = "DUE_DATE")
    public LocalDate dueDate; // China date
    @Column(name = "REPLY_TEXT")
    public String replyText;
    @Column(name = "NOT_FOUND")
    public boolean notFound;
    @Column(name = "REPLIED_BY")
    public String repliedBy;
    @Column(name = "REPLIED_AT")
    public LocalDateTime repliedAt; // UTC
}
