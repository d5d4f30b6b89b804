package org.renkou.association.internal.notices;

import static org.renkou.association.internal.AssociationDatabase.association;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.association.internal.Association;
import org.renkou.association.internal.AssociationDTO.Board;
import org.renkou.association.internal.AssociationDTO.BoardCommendation;
import org.renkou.association.internal.AssociationDTO.BoardItem;
import org.renkou.association.internal.AssociationDTO.Commendation;
import org.renkou.association.internal.AssociationDTO.CommendationKind;
import org.renkou.association.internal.AssociationDTO.Decision;
import org.renkou.association.internal.AssociationDTO.Notice;
import org.renkou.association.internal.AssociationDTO.NoticeKind;
import org.renkou.association.internal.AssociationDatabase;
import org.renkou.association.internal.CoreLinks;
import org.renkou.association.internal.entities.notices.CommendationEntity;
import org.renkou.association.internal.entities.notices.NoticeEntity;
import org.renkou.association.internal.entities.organisation.AssociationEntity;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.audit.AuditAction;

/**
 * The notice board (公开栏 / 居务公开): staff publish items (policy notices, service commitments, activities,
 * commendations, the finance summary) with the dates they show, and withdraw them; commendations (表彰) go from
 * nomination through the council's review to approval and then show on the board. The public view is built from
 * what is published today and cached per association until a change or {@value #CACHE_SECONDS} s pass.
 */
@Component(service = NoticeService.class, property = Association.CONDITION)
public class NoticeService {
    public static final int CACHE_SECONDS = 60;
    private final AssociationDatabase db;
    private final CoreLinks core;
    private final Map<Long, Cached> boards = new ConcurrentHashMap<>();

    private record Cached(Board board, long until) {
    }

    @Activate
    public NoticeService(@Reference AssociationDatabase db, @Reference CoreLinks core) {
        this.db = db;
        this.core = core;
    }

    // --- notices ---------------------------------------------------------------------------------------------

    public List<Notice> notices(Caller caller, long associationId) {
        caller.require("查看公开栏", "view the notice board", Association.READERS);
        return db.read(em -> {
            association(em, caller, associationId, "associationId");
            return em.createQuery("SELECT n FROM NoticeEntity n WHERE n.associationId = :a ORDER BY n.publishFrom "
                    + "DESC, n.id DESC", NoticeEntity.class).setParameter("a", associationId).getResultList()
                    .stream().map(NoticeService::dto).toList();
        });
    }

    public Notice publish(Caller caller, long associationId, Notice in) {
        caller.require("发布公开栏信息", "publish on the notice board", Association.WRITERS);
        Input.body(in);
        String kind = AssociationDatabase.oneOf(in.kind(), "kind", "公开类别", "kind", NoticeKind.values());
        String title = Input.required(in.title(), "title", "标题", "title", 100);
        String body = Input.required(in.body(), "body", "内容", "text", 4000);
        LocalDate from = in.publishFrom() == null ? db.today()
                : db.date(in.publishFrom(), "publishFrom", "公开日期", "publication date", 366);
        LocalDate until = in.publishUntil();
        if (until != null && (until.isBefore(from) || until.isAfter(from.plusYears(5)))) {
            throw RenkouException.invalid("publishUntil", "截止日期须在公开日期之后五年内。",
                    "The end date must lie after the publication date, within five years.");
        }
        Notice out = db.tx(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            NoticeEntity n = new NoticeEntity();
            n.associationId = a.id;
            n.kind = kind;
            n.title = title;
            n.body = body;
            n.publishFrom = from;
            n.publishUntil = until;
            n.createdBy = caller.username();
            em.persist(n);
            em.flush();
            db.audit(em, caller, AuditAction.CREATE, "AssociationNotice", n.id, a.jurisdictionCode,
                    "{\"kind\":\"" + kind + "\"}");
            return dto(n);
        });
        boards.remove(associationId);
        return out;
    }

    /** Withdraws an item from today on; it stays in the staff's list with its dates. */
    public Notice withdraw(Caller caller, long associationId, long id) {
        caller.require("撤下公开栏信息", "withdraw from the notice board", Association.WRITERS);
        Notice out = db.tx(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            NoticeEntity n = em.find(NoticeEntity.class, id);
            if (n == null || !n.associationId.equals(a.id)) {
                throw RenkouException.notFound("id", "公开栏信息 " + id + " 不存在或不属于该协会。",
                        "Notice " + id + " does not exist or does not belong to this association.");
            }
            if (n.withdrawnOn == null) {
                n.withdrawnOn = db.today();
                em.flush();
                db.audit(em, caller, AuditAction.UPDATE, "AssociationNotice", n.id, a.jurisdictionCode,
                        "{\"withdrawn\":true}");
            }
            return dto(n);
        });
        boards.remove(associationId);
        return out;
    }

    private static Notice dto(NoticeEntity n) {
        return new Notice(n.id, n.associationId, n.kind, n.title, n.body, n.publishFrom, n.publishUntil,
                n.withdrawnOn, n.version);
    }

    // --- the public board --------------------------------------------------------------------------------------

    /**
     * What the public page shows, without login: the association's name, the items published today, and the
     * approved commendations of this year and last. Nothing else of the module leaves here. Empty when there is
     * no such association.
     */
    public java.util.Optional<Board> board(long associationId) {
        long now = System.nanoTime();
        Cached c = boards.get(associationId);
        if (c != null && now - c.until < 0) {
            return java.util.Optional.of(c.board);
        }
        Board b = db.read(em -> build(em, associationId));
        if (b == null) {
            return java.util.Optional.empty();
        }
        if (boards.size() > 10_000) {
            boards.clear(); // a bound, not an eviction policy: ids that exist are few
        }
        boards.put(associationId, new Cached(b, now + CACHE_SECONDS * 1_000_000_000L));
        return java.util.Optional.of(b);
    }

    private Board build(EntityManager em, long associationId) {
        AssociationEntity a = em.find(AssociationEntity.class, associationId);
        if (a == null) {
            return null;
        }
        LocalDate today = db.today();
        List<BoardItem> items = em.createQuery("SELECT n FROM NoticeEntity n WHERE n.associationId = :a AND "
                + "n.withdrawnOn IS NULL AND n.publishFrom <= :d AND (n.publishUntil IS NULL OR n.publishUntil >= :d) "
                + "ORDER BY n.publishFrom DESC, n.id DESC", NoticeEntity.class).setParameter("a", associationId)
                .setParameter("d", today).setMaxResults(100).getResultList().stream()
                .map(n -> new BoardItem(n.kind, n.title, n.body, n.publishFrom.toString(),
                        n.publishUntil == null ? null : n.publishUntil.toString())).toList();
        List<BoardCommendation> honours = em.createQuery("SELECT c FROM CommendationEntity c WHERE "
                + "c.associationId = :a AND c.status = 'APPROVED' AND c.year >= :y ORDER BY c.year DESC, c.id",
                CommendationEntity.class).setParameter("a", associationId).setParameter("y", today.getYear() - 1)
                .setMaxResults(100).getResultList().stream()
                .map(c -> new BoardCommendation(c.year, c.kind, c.nominee, c.reason)).toList();
        return new Board(a.id, a.name, core.jurisdictionName(a.jurisdictionCode), today.toString(), items, honours);
    }

    // --- commendations ---------------------------------------------------------------------------------------

    public List<Commendation> commendations(Caller caller, long associationId) {
        caller.require("查看表彰", "view commendations", Association.READERS);
        return db.read(em -> {
            association(em, caller, associationId, "associationId");
            return em.createQuery("SELECT c FROM CommendationEntity c WHERE c.associationId = :a ORDER BY c.year "
                    + "DESC, c.id DESC", CommendationEntity.class).setParameter("a", associationId).getResultList()
                    .stream().map(NoticeService::dto).toList();
        });
    }

    public Commendation nominate(Caller caller, long associationId, Commendation in) {
        caller.require("提名表彰", "nominate for commendation", Association.WRITERS);
        Input.body(in);
        String kind = AssociationDatabase.oneOf(in.kind(), "kind", "表彰类别", "kind", CommendationKind.values());
        String nominee = Input.required(in.nominee(), "nominee", "被提名人或单位", "nominee", 100);
        String reason = Input.required(in.reason(), "reason", "事迹", "reason", 500);
        int year = in.year() == null ? db.today().getYear() : in.year();
        if (year < 2000 || year > db.today().getYear()) {
            throw RenkouException.invalid("year", "年份不在合理范围内。", "The year is out of the plausible range.");
        }
        return db.tx(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            CommendationEntity c = new CommendationEntity();
            c.associationId = a.id;
            c.year = year;
            c.kind = kind;
            c.nominee = nominee;
            c.memberId = in.memberId() == null ? null
                    : AssociationDatabase.member(em, a, in.memberId(), "memberId").id;
            c.reason = reason;
            c.status = "NOMINATED";
            c.nominatedBy = caller.username();
            em.persist(c);
            em.flush();
            db.audit(em, caller, AuditAction.CREATE, "Commendation", c.id, a.jurisdictionCode,
                    "{\"kind\":\"" + kind + "\"}");
            return dto(c);
        });
    }

    /**
     * The next step: a nomination is reviewed by the council ({@code approve} true: REVIEWED, false: REJECTED),
     * a reviewed one approved or rejected. A rejection needs a note.
     */
    public Commendation decide(Caller caller, long associationId, long id, Decision in) {
        caller.require("审核表彰", "review commendations", Association.WRITERS);
        Input.body(in);
        Boolean approve = Input.present(in.approve(), "approve", "审核结果", "decision");
        String note = Input.optional(in.note(), "note", "说明", "note", 500);
        if (!approve && note == null) {
            throw RenkouException.invalid("note", "不予通过须说明理由。", "A rejection needs a reason.");
        }
        Commendation out = db.tx(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            CommendationEntity c = em.find(CommendationEntity.class, id);
            if (c == null || !c.associationId.equals(a.id)) {
                throw RenkouException.notFound("id", "表彰 " + id + " 不存在或不属于该协会。",
                        "Commendation " + id + " does not exist or does not belong to this association.");
            }
            if (in.version() != null && !in.version().equals(c.version)) {
                throw RenkouException.conflict("version", "该记录已被他人修改，请刷新后重试。",
                        "The record was changed by someone else; reload it and try again.");
            }
            String old = c.status;
            switch (c.status) {
                case "NOMINATED" -> {
                    c.status = approve ? "REVIEWED" : "REJECTED";
                    c.reviewedBy = caller.username();
                }
                case "REVIEWED" -> {
                    c.status = approve ? "APPROVED" : "REJECTED";
                    c.decidedBy = caller.username();
                }
                default -> throw RenkouException.invalid("status", "该表彰已审结。", "The commendation is already decided.");
            }
            c.decisionNote = note;
            em.flush();
            db.audit(em, caller, AuditAction.UPDATE, "Commendation", c.id, a.jurisdictionCode,
                    "{\"status\":[\"" + old + "\",\"" + c.status + "\"]}");
            return dto(c);
        });
        boards.remove(associationId);
        return out;
    }

    private static Commendation dto(CommendationEntity c) {
        return new Commendation(c.id, c.associationId, c.year, c.kind, c.nominee, c.memberId, c.reason, c.status,
                c.nominatedBy, c.reviewedBy, c.decidedBy, c.decisionNote, c.version);
    }
}
