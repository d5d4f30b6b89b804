package org.renkou.core.internal.exchange;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.Input;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.exchange.EscalationDTO;
import org.renkou.core.api.exchange.ExchangeMessageDTO;
import org.renkou.core.api.exchange.ExchangeQuery;
import org.renkou.core.api.exchange.ExchangeReplyDTO;
import org.renkou.core.api.exchange.ExchangeService;
import org.renkou.core.api.exchange.ExchangeStatsDTO;
import org.renkou.core.api.exchange.MessageState;
import org.renkou.core.api.exchange.Urgency;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.PagedQuery;
import org.renkou.core.internal.jurisdiction.JurisdictionEntity;
import org.renkou.core.internal.jurisdiction.Scope;
import org.renkou.core.internal.migrant.MigrantEntity;
import org.renkou.core.internal.migrant.MigrantServiceImpl;
import org.renkou.core.internal.resident.ResidentServiceImpl;

/**
 * The information exchange on the core persistence unit. Dates that decide due, overdue and on-time are China
 * dates from the injected {@link Clock}; timestamps are stored in UTC like everywhere else.
 */
@Component
public class ExchangeServiceImpl implements ExchangeService {
    static final String TYPE = "exchange-message";
    static final String ESCALATION_TYPE = "exchange-escalation";

    private final Database db;
    private final ExchangeDeadlines deadlines;
    private final Clock clock;

    @Activate
    public ExchangeServiceImpl(@Reference CoreDatabase database, @Reference ExchangeDeadlines deadlines) {
        this(database.database(), deadlines, ChinaTime.clock());
    }

    ExchangeServiceImpl(Database db, ExchangeDeadlines deadlines, Clock clock) {
        this.db = db;
        this.deadlines = deadlines;
        this.clock = clock;
    }

    /**
     * The same service on another clock, every rule and audit entry as usual: the living sample sends its messages
     * dated in the past, so that one of them is overdue on the first day.
     */
    public static ExchangeService at(Database db, ExchangeDeadlines deadlines, Clock clock) {
        return new ExchangeServiceImpl(db, deadlines, clock);
    }

    @Override
    public Page<ExchangeMessageDTO> search(Caller caller, ExchangeQuery q) {
        ExchangeQuery query = q == null ? new ExchangeQuery() : q;
        int[] paging = Page.check(query.offset, query.limit);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ")
                .append(Scope.condition(caller, params, "m.senderCode", "m.receiverCode"));
        String code = Input.trimToNull(query.jurisdictionCode);
        if (code != null) {
            params.put("jur", Scope.below(code, "jurisdiction"));
            where.append(query.direction == ExchangeQuery.Direction.SENT ? " AND m.senderCode LIKE :jur"
                    : query.direction == ExchangeQuery.Direction.RECEIVED ? " AND m.receiverCode LIKE :jur"
                    : " AND (m.senderCode LIKE :jur OR m.receiverCode LIKE :jur)");
        }
        if (query.kind != null) {
            where.append(" AND m.kind = :kind");
            params.put("kind", query.kind);
        }
        if (query.migrantId != null) {
            where.append(" AND m.migrantId = :migrant");
            params.put("migrant", query.migrantId);
        }
        if (query.state != null) {
            switch (query.state) {
                case OPEN -> where.append(" AND m.repliedAt IS NULL");
                case OVERDUE -> where.append(" AND m.repliedAt IS NULL AND m.dueDate < :today");
                case ESCALATED -> where.append(" AND m.repliedAt IS NULL AND EXISTS"
                        + " (SELECT e FROM ExchangeEscalationEntity e WHERE e.messageId = m.id)");
                case REPLIED -> where.append(" AND m.repliedAt IS NOT NULL");
                default -> throw RenkouException.invalid("state", "可按 OPEN、OVERDUE、ESCALATED、REPLIED 筛选。",
                        "Filter by OPEN, OVERDUE, ESCALATED or REPLIED.");
            }
            if (query.state == MessageState.OVERDUE) {
                params.put("today", today());
            }
        }
        return db.tx(em -> {
            Page<ExchangeMessageEntity> rows = PagedQuery.run(em, ExchangeMessageEntity.class,
                    "ExchangeMessageEntity m", where.toString(), "m.id DESC", params, paging, Function.identity());
            return new Page<>(toDTOs(em, rows.items), rows.total, rows.offset, rows.limit);
        });
    }

    @Override
    public Optional<ExchangeMessageDTO> find(Caller caller, long id) {
        return db.tx(em -> Optional.ofNullable(em.find(ExchangeMessageEntity.class, id)).map(m -> {
            if (!visible(caller, m)) {
                throw AuditLog.denied(db, caller, TYPE, id, m.senderCode);
            }
            return toDTOs(em, List.of(m)).get(0);
        }));
    }

    @Override
    public Map<Urgency, Integer> replyDays(String receiverCode) {
        String code = Input.required(receiverCode, "receiver", "接收方", "receiver", 15);
        JurisdictionLevel.ofCodeFor(code, "receiver");
        Map<Urgency, Integer> days = new java.util.EnumMap<>(Urgency.class);
        for (Urgency u : Urgency.values()) {
            days.put(u, deadlines.days(code).of(u));
        }
        return days;
    }

    @Override
    public ExchangeMessageDTO send(Caller caller, ExchangeMessageDTO in) {
        caller.require("发送信息交换", "send exchange messages", Role.PEOPLE_WRITERS);
        Input.body(in);
        Input.present(in.kind, "kind", "信息类型", "kind of message");
        Urgency urgency = in.urgency == null ? Urgency.NORMAL : in.urgency;
        String sender = Input.trimToNull(in.senderCode);
        if (sender == null && !caller.jurisdictionCodes().isEmpty()) {
            sender = caller.jurisdictionCodes().iterator().next();
        }
        sender = Input.required(sender, "senderCode", "发送方", "sender", 15);
        JurisdictionLevel.ofCodeFor(sender, "senderCode");
        String receiver = Input.required(in.receiverCode, "receiverCode", "接收方", "receiver", 15);
        JurisdictionLevel.ofCodeFor(receiver, "receiverCode");
        if (!caller.covers(sender)) {
            throw RenkouException.invalid("senderCode", "发送方 " + sender + " 不在您的辖区内。",
                    "Sender " + sender + " lies outside your jurisdiction.");
        }
        if (receiver.equals(sender)) {
            throw RenkouException.invalid("receiverCode", "接收方不能是发送方本身。", "The receiver cannot be the sender.");
        }
        String subject = Input.required(in.subject, "subject", "标题", "subject", 200);
        String body = Input.required(in.body, "body", "内容", "body", 4000);
        String from = sender;
        return db.tx(em -> {
            if (em.find(JurisdictionEntity.class, from) == null) {
                throw RenkouException.invalid("senderCode", "发送方 " + from + " 不存在。", "Sender " + from + " does not exist.");
            }
            if (em.find(JurisdictionEntity.class, receiver) == null) {
                throw RenkouException.invalid("receiverCode", "接收方 " + receiver + " 不存在。",
                        "Receiver " + receiver + " does not exist.");
            }
            if (in.migrantId != null) {
                MigrantEntity migrant = em.find(MigrantEntity.class, in.migrantId);
                if (migrant == null || !MigrantServiceImpl.visible(caller, migrant)) {
                    throw RenkouException.invalid("migrantId", "流动人口记录 " + in.migrantId + " 不存在或不在您的辖区内。",
                            "Migrant record " + in.migrantId + " does not exist or lies outside your jurisdiction.");
                }
            }
            Instant now = clock.instant();
            ExchangeMessageEntity m = new ExchangeMessageEntity();
            m.kind = in.kind;
            m.urgency = urgency;
            m.senderCode = from;
            m.receiverCode = receiver;
            m.migrantId = in.migrantId;
            m.subject = subject;
            m.body = body;
            m.sentBy = caller.username();
            m.sentAt = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
            m.dueDate = deadlines.dueDate(receiver, urgency, LocalDate.ofInstant(now, ChinaTime.ZONE));
            em.persist(m);
            em.flush();
            AuditLog.write(em, caller, AuditAction.CREATE, TYPE, m.id, m.senderCode, AuditLog.diff(Map.of(),
                    Map.of("kind", m.kind, "urgency", m.urgency, "receiverCode", m.receiverCode,
                            "dueDate", m.dueDate, "migrantId", String.valueOf(m.migrantId))), null);
            return toDTOs(em, List.of(m)).get(0);
        });
    }

    @Override
    public ExchangeMessageDTO reply(Caller caller, long id, ExchangeReplyDTO in) {
        caller.require("反馈信息交换", "reply to exchange messages", Role.PEOPLE_WRITERS);
        long version = Input.present(in == null ? null : in.version, "version", "版本号", "version");
        boolean notFound = Boolean.TRUE.equals(in.notFound);
        String text = notFound ? Input.optional(in.text, "text", "备注", "remark", 4000)
                : Input.required(in.text, "text", "反馈内容", "reply", 4000);
        return db.tx(em -> {
            ExchangeMessageEntity m = em.find(ExchangeMessageEntity.class, id);
            if (m == null) {
                throw Scope.notFound(TYPE, id);
            }
            if (!visible(caller, m)) {
                throw AuditLog.denied(db, caller, TYPE, id, m.senderCode);
            }
            if (!caller.covers(m.receiverCode)) {
                throw RenkouException.forbidden("只有接收方（" + m.receiverCode + "）可以反馈。",
                        "Only the receiver (" + m.receiverCode + ") may reply.");
            }
            if (m.version != version) {
                throw Database.staleVersion();
            }
            if (m.repliedAt != null) {
                throw RenkouException.conflict("reply", "该信息已于 " + m.repliedAt.toLocalDate() + " 反馈。",
                        "The message was answered on " + m.repliedAt.toLocalDate() + ".");
            }
            m.replyText = text == null ? "查无此人 / person not found" : text;
            m.notFound = notFound;
            m.repliedBy = caller.username();
            m.repliedAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
            em.flush();
            AuditLog.write(em, caller, AuditAction.UPDATE, TYPE, id, m.receiverCode, AuditLog.diff(Map.of(),
                    Map.of("notFound", m.notFound, "repliedAt", m.repliedAt)), null);
            return toDTOs(em, List.of(m)).get(0);
        });
    }

    @Override
    public ExchangeStatsDTO stats(Caller caller, String jurisdictionCode, LocalDate from, LocalDate to) {
        String code = Input.trimToNull(jurisdictionCode);
        if (code == null && !caller.jurisdictionCodes().isEmpty()) {
            code = caller.jurisdictionCodes().iterator().next();
        }
        code = Input.required(code, "jurisdiction", "辖区", "jurisdiction", 15);
        String prefix = Scope.below(code, "jurisdiction");
        if (!caller.covers(code)) {
            throw RenkouException.invalid("jurisdiction", "辖区 " + code + " 不在您的辖区内。",
                    code + " lies outside your jurisdiction.");
        }
        LocalDate today = today();
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.withDayOfMonth(1) : from;
        if (first.isAfter(last)) {
            throw RenkouException.invalid("from", "开始日期不能晚于结束日期。", "The start date cannot be after the end date.");
        }
        ExchangeStatsDTO s = new ExchangeStatsDTO();
        s.jurisdictionCode = code;
        s.from = first;
        s.to = last;
        Map<String, Object> period = Map.of("p", prefix, "start", utc(first), "end", utc(last.plusDays(1)));
        db.tx(em -> {
            for (Object[] row : rows(em, "SELECT m.dueDate, m.repliedAt FROM ExchangeMessageEntity m"
                    + " WHERE m.receiverCode LIKE :p AND m.sentAt >= :start AND m.sentAt < :end", period)) {
                LocalDate due = (LocalDate) row[0];
                LocalDateTime replied = (LocalDateTime) row[1];
                s.received++;
                if (replied != null) {
                    s.replied++;
                }
                if (replied != null && !chinaDate(replied).isAfter(due)) {
                    s.repliedOnTime++;
                } else if (replied != null || today.isAfter(due)) {
                    s.overdue++;
                }
            }
            for (Object[] row : rows(em, "SELECT m.id, m.repliedAt FROM ExchangeMessageEntity m"
                    + " WHERE m.senderCode LIKE :p AND m.sentAt >= :start AND m.sentAt < :end", period)) {
                s.sent++;
                if (row[1] != null) {
                    s.sentReplied++;
                }
            }
            return null;
        });
        s.replyRate = rate(s.replied, s.received);
        s.onTimeRate = rate(s.repliedOnTime, s.received);
        return s;
    }

    @Override
    public int escalateOverdue(Caller caller) {
        caller.require("督办逾期信息", "escalate overdue messages", Role.ADMIN);
        LocalDate today = today();
        return db.tx(em -> {
            List<ExchangeMessageEntity> overdue = em.createNamedQuery(ExchangeMessageEntity.OVERDUE_NOT_ESCALATED,
                    ExchangeMessageEntity.class).setParameter("today", today).getResultList();
            for (ExchangeMessageEntity m : overdue) {
                JurisdictionEntity receiver = em.find(JurisdictionEntity.class, m.receiverCode);
                ExchangeEscalationEntity e = new ExchangeEscalationEntity();
                e.messageId = m.id;
                e.raisedAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
                e.escalatedTo = receiver == null || receiver.parentCode() == null ? m.receiverCode : receiver.parentCode();
                e.daysOverdue = (int) ChronoUnit.DAYS.between(m.dueDate, today);
                em.persist(e);
                AuditLog.write(em, caller, AuditAction.CREATE, ESCALATION_TYPE, m.id, m.receiverCode,
                        AuditLog.diff(Map.of(), Map.of("escalatedTo", e.escalatedTo, "daysOverdue", e.daysOverdue)),
                        "逾期未反馈 / overdue by " + e.daysOverdue + " days");
            }
            return overdue.size();
        });
    }

    /** Visible to the sender's side and the receiver's side. */
    static boolean visible(Caller caller, ExchangeMessageEntity m) {
        return caller.covers(m.senderCode) || caller.covers(m.receiverCode);
    }

    private LocalDate today() {
        return ChinaTime.today(clock);
    }

    private static LocalDate chinaDate(LocalDateTime utc) {
        return LocalDate.ofInstant(utc.toInstant(ZoneOffset.UTC), ChinaTime.ZONE);
    }

    /** Start of a China day as a UTC timestamp, to compare with stored times. */
    private static LocalDateTime utc(LocalDate chinaDay) {
        return LocalDateTime.ofInstant(chinaDay.atStartOfDay(ChinaTime.ZONE).toInstant(), ZoneOffset.UTC);
    }

    private static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 10000.0;
    }

    private static List<Object[]> rows(EntityManager em, String jpql, Map<String, Object> params) {
        javax.persistence.TypedQuery<Object[]> q = em.createQuery(jpql, Object[].class);
        params.forEach(q::setParameter);
        return q.getResultList();
    }

    private List<ExchangeMessageDTO> toDTOs(EntityManager em, List<ExchangeMessageEntity> rows) {
        Map<Long, ExchangeEscalationEntity> escalations = rows.isEmpty() ? Map.of()
                : em.createNamedQuery(ExchangeEscalationEntity.OF_MESSAGES, ExchangeEscalationEntity.class)
                        .setParameter("ids", rows.stream().map(m -> m.id).toList()).getResultList().stream()
                        .collect(Collectors.toMap(e -> e.messageId, e -> e));
        LocalDate today = today();
        return rows.stream().map(m -> toDTO(m, escalations.get(m.id), today)).toList();
    }

    static ExchangeMessageDTO toDTO(ExchangeMessageEntity m, ExchangeEscalationEntity e, LocalDate today) {
        ExchangeMessageDTO d = new ExchangeMessageDTO();
        d.id = m.id;
        d.kind = m.kind;
        d.urgency = m.urgency;
        d.senderCode = m.senderCode;
        d.receiverCode = m.receiverCode;
        d.migrantId = m.migrantId;
        d.subject = m.subject;
        d.body = m.body;
        d.sentBy = m.sentBy;
        d.sentAt = m.sentAt.toInstant(ZoneOffset.UTC);
        d.dueDate = m.dueDate;
        if (m.repliedAt != null) {
            d.reply = new ExchangeReplyDTO();
            d.reply.text = m.replyText;
            d.reply.notFound = m.notFound;
            d.reply.by = m.repliedBy;
            d.reply.at = m.repliedAt.toInstant(ZoneOffset.UTC);
            d.state = chinaDate(m.repliedAt).isAfter(m.dueDate) ? MessageState.REPLIED_LATE : MessageState.REPLIED;
        } else if (today.isAfter(m.dueDate)) {
            d.state = e != null ? MessageState.ESCALATED : MessageState.OVERDUE;
        } else {
            d.state = MessageState.OPEN;
        }
        if (e != null) {
            d.escalation = new EscalationDTO();
            d.escalation.raisedAt = e.raisedAt.toInstant(ZoneOffset.UTC);
            d.escalation.escalatedTo = e.escalatedTo;
            d.escalation.daysOverdue = e.daysOverdue;
        }
        d.overdue = d.state == MessageState.OVERDUE || d.state == MessageState.ESCALATED
                || d.state == MessageState.REPLIED_LATE;
        d.version = m.version;
        return d;
    }
}
