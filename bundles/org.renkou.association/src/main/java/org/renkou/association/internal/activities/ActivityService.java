package org.renkou.association.internal.activities;

import static org.renkou.association.internal.AssociationDatabase.association;
import static org.renkou.association.internal.AssociationDatabase.member;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.association.internal.Association;
import org.renkou.association.internal.AssociationDTO.Activity;
import org.renkou.association.internal.AssociationDTO.ActivityKind;
import org.renkou.association.internal.AssociationDTO.Participant;
import org.renkou.association.internal.AssociationDTO.Progress;
import org.renkou.association.internal.AssociationDTO.YearRow;
import org.renkou.association.internal.AssociationDTO.YearStats;
import org.renkou.association.internal.AssociationDatabase;
import org.renkou.association.internal.CoreLinks;
import org.renkou.association.internal.entities.activities.ActivityEntity;
import org.renkou.association.internal.entities.activities.ParticipantEntity;
import org.renkou.association.internal.entities.organisation.AssociationEntity;
import org.renkou.association.internal.meetings.MeetingService;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.resident.NameOrder;

/**
 * Activities and trainings (活动与培训): kind, date, place, organisers, participants (members, residents, or names)
 * and output counts; the yearly rules shown as progress per association (at least {@value #LARGE_REQUIRED} large
 * activities a year, every active member trained at least {@value #TRAININGS_REQUIRED} times), and the yearly
 * statistics (协会统计年报) per level. The progress also shows each member group's monthly meetings held
 * ({@link MeetingService}).
 */
@Component(service = ActivityService.class, property = Association.CONDITION)
public class ActivityService {
    static final int LARGE_REQUIRED = 2;
    static final int TRAININGS_REQUIRED = 2;
    static final int MAX_PARTICIPANTS = 2000;
    static final int MAX_COUNT = 1_000_000;
    private final AssociationDatabase db;
    private final CoreLinks core;

    @Activate
    public ActivityService(@Reference AssociationDatabase db, @Reference CoreLinks core) {
        this.db = db;
        this.core = core;
    }

    public List<Activity> activities(Caller caller, long associationId, Integer year) {
        caller.require("查看活动", "view activities", Association.READERS);
        int y = year(year);
        return db.read(em -> {
            association(em, caller, associationId, "associationId");
            return em.createQuery("SELECT a FROM ActivityEntity a WHERE a.associationId = :a AND a.heldOn >= :from "
                    + "AND a.heldOn < :to ORDER BY a.heldOn DESC, a.id DESC", ActivityEntity.class)
                    .setParameter("a", associationId).setParameter("from", LocalDate.of(y, 1, 1))
                    .setParameter("to", LocalDate.of(y + 1, 1, 1)).getResultList().stream()
                    .map(a -> dto(a, null)).toList();
        });
    }

    public Activity activity(Caller caller, long associationId, long id) {
        caller.require("查看活动", "view activities", Association.READERS);
        return db.read(em -> {
            ActivityEntity a = activity(em, association(em, caller, associationId, "associationId"), id);
            return dto(a, participants(em, a.id));
        });
    }

    public Activity create(Caller caller, long associationId, Activity in) {
        caller.require("登记活动", "record activities", Association.WRITERS);
        Input.body(in);
        String kind = AssociationDatabase.oneOf(in.kind(), "kind", "活动类型", "kind", ActivityKind.values());
        String title = Input.required(in.title(), "title", "活动名称", "title", 100);
        LocalDate on = db.date(in.heldOn(), "heldOn", "活动日期", "date", 366);
        String place = Input.optional(in.place(), "place", "地点", "place", 100);
        String organisers = Input.optional(in.organisers(), "organisers", "组织者", "organisers", 200);
        List<Participant> ps = in.participants() == null ? List.of() : in.participants();
        if (ps.size() > MAX_PARTICIPANTS) {
            throw RenkouException.invalid("participants", "参加人员不能超过 " + MAX_PARTICIPANTS + " 人。",
                    "At most " + MAX_PARTICIPANTS + " participants.");
        }
        for (int i = 0; i < ps.size(); i++) {
            Participant p = ps.get(i);
            String f = "participants[" + i + "]";
            if (p == null || p.memberId() == null && p.residentId() == null && Input.trimToNull(p.name()) == null) {
                throw RenkouException.invalid(f, "参加人员须为会员、居民或填写姓名。",
                        "A participant is a member, a resident or a name.");
            }
            Input.optional(p.name(), f + ".name", "姓名", "name", 50);
            if (p.residentId() != null && !core.resident(caller, p.residentId())) {
                throw RenkouException.notFound(f + ".residentId", "居民 " + p.residentId() + " 不存在或不在您的辖区内。",
                        "Resident " + p.residentId() + " does not exist or lies outside your jurisdiction.");
            }
        }
        int leaflets = AssociationDatabase.count(in.leaflets(), "leaflets", "发放资料", "leaflets", MAX_COUNT);
        int items = AssociationDatabase.count(in.items(), "items", "发放物品", "items handed out", MAX_COUNT);
        int personTimes = in.personTimes() == null ? ps.size()
                : AssociationDatabase.count(in.personTimes(), "personTimes", "服务人次", "person-times", MAX_COUNT);
        boolean large = in.large() == null ? ActivityKind.MEMBER_DAY.name().equals(kind) : in.large();
        return db.tx(em -> {
            AssociationEntity as = association(em, caller, associationId, "associationId");
            ActivityEntity a = new ActivityEntity();
            a.associationId = as.id;
            a.kind = kind;
            a.title = title;
            a.heldOn = on;
            a.place = place;
            a.organisers = organisers;
            a.large = (short) (large ? 1 : 0);
            a.leaflets = leaflets;
            a.items = items;
            a.personTimes = personTimes;
            em.persist(a);
            em.flush();
            for (int i = 0; i < ps.size(); i++) {
                Participant p = ps.get(i);
                ParticipantEntity e = new ParticipantEntity();
                e.activityId = a.id;
                e.memberId = p.memberId() == null ? null
                        : member(em, as, p.memberId(), "participants[" + i + "].memberId").id;
                e.residentId = p.residentId();
                e.name = Input.trimToNull(p.name());
                em.persist(e);
            }
            db.audit(em, caller, AuditAction.CREATE, "AssociationActivity", a.id, as.jurisdictionCode,
                    "{\"kind\":\"" + kind + "\",\"participants\":" + ps.size() + "}");
            return dto(a, ps);
        });
    }

    /** The association's progress against the yearly rules. */
    public Progress progress(Caller caller, long associationId, Integer year) {
        caller.require("查看活动", "view activities", Association.READERS);
        int y = year(year);
        return db.read(em -> {
            association(em, caller, associationId, "associationId");
            LocalDate from = LocalDate.of(y, 1, 1);
            LocalDate to = LocalDate.of(y + 1, 1, 1);
            long large = em.createQuery("SELECT COUNT(a) FROM ActivityEntity a WHERE a.associationId = :a AND "
                    + "a.large = 1 AND a.heldOn >= :from AND a.heldOn < :to", Long.class)
                    .setParameter("a", associationId).setParameter("from", from).setParameter("to", to)
                    .getSingleResult();
            long trainings = em.createQuery("SELECT COUNT(a) FROM ActivityEntity a WHERE a.associationId = :a AND "
                    + "a.kind = 'TRAINING' AND a.heldOn >= :from AND a.heldOn < :to", Long.class)
                    .setParameter("a", associationId).setParameter("from", from).setParameter("to", to)
                    .getSingleResult();
            long active = em.createQuery("SELECT COUNT(m) FROM MemberEntity m WHERE m.associationId = :a AND "
                    + "m.status = 'ACTIVE'", Long.class).setParameter("a", associationId).getSingleResult();
            long trained = em.createQuery("SELECT p.memberId FROM ParticipantEntity p, ActivityEntity a, "
                    + "MemberEntity m WHERE p.activityId = a.id AND m.id = p.memberId AND m.status = 'ACTIVE' AND "
                    + "a.associationId = :a AND a.kind = 'TRAINING' AND a.heldOn >= :from AND a.heldOn < :to "
                    + "GROUP BY p.memberId HAVING COUNT(DISTINCT a.id) >= " + TRAININGS_REQUIRED, Long.class)
                    .setParameter("a", associationId).setParameter("from", from).setParameter("to", to)
                    .getResultList().size();
            return new Progress(associationId, y, (int) large, LARGE_REQUIRED, (int) trainings, (int) active,
                    (int) trained, large >= LARGE_REQUIRED, active > 0 && trained >= active,
                    MeetingService.groupMeetings(em, associationId, y, db.today()),
                    (int) MeetingService.commendationMeetings(em, associationId, y));
        });
    }

    /**
     * The yearly statistics of every association at or below {@code code} (the caller's reach), one row per level:
     * active members, groups, contact households in care during the year, activities and person-times of the year,
     * special families with an open case during the year. Grouped counts in the database, no rows loaded: a report
     * read over plain JDBC ({@link AssociationDatabase#report}, on the hot standby where there is one).
     */
    public YearStats yearly(Caller caller, String code, Integer year) {
        caller.require("查看协会统计", "view association statistics", Association.READERS);
        String c = Input.required(code, "jurisdictionCode", "辖区", "jurisdiction", 15);
        JurisdictionLevel.ofCodeFor(c, "jurisdictionCode");
        if (!caller.covers(c)) {
            throw RenkouException.notFound("jurisdictionCode", "辖区 " + c + " 不存在或不在您的辖区内。",
                    "Jurisdiction " + c + " does not exist or lies outside your jurisdiction.");
        }
        int y = year(year);
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = LocalDate.of(y + 1, 1, 1);
        String like = JurisdictionLevel.ofCode(c).childPrefix(c) + "%";
        // a report read over plain JDBC, on the hot standby where there is one; the name is asked of the core after
        Map<JurisdictionLevel, long[]> by = db.report("association yearly statistics",
                con -> yearFigures(con, c, like, from, to));
        List<YearRow> rows = new ArrayList<>();
        long[] total = new long[7];
        for (Map.Entry<JurisdictionLevel, long[]> e : by.entrySet()) {
            long[] v = e.getValue();
            rows.add(row(e.getKey().name(), e.getKey().nameZh(), v));
            for (int i = 0; i < v.length; i++) {
                total[i] += v[i];
            }
        }
        return new YearStats(c, core.jurisdictionName(c), y, rows, row("TOTAL", "合计", total));
    }

    /**
     * The year's figures per level of the associations at {@code code} or with a code starting {@code like}
     * ({@code prefix%}): {@code [associations, members, groups, contact households, activities, person-times,
     * special families]}. Six grouped queries, each joined with the associations and grouped by their code; the
     * days {@code from} (first of the year) to {@code to} (first of the next, excluded). Starts afresh each time: it
     * may run twice (a standby failing part-way, then the primary).
     */
    static Map<JurisdictionLevel, long[]> yearFigures(Connection con, String code, String like, LocalDate from,
            LocalDate to) throws SQLException {
        Map<JurisdictionLevel, long[]> by = new EnumMap<>(JurisdictionLevel.class);
        grouped(con, by, 0, "SELECT a.JURISDICTION_CODE, COUNT(a.ID) FROM AS_ASSOCIATION a", "", code, like);
        grouped(con, by, 1, "SELECT a.JURISDICTION_CODE, COUNT(m.ID) FROM AS_MEMBER m, AS_ASSOCIATION a",
                " AND m.ASSOCIATION_ID = a.ID AND m.STATUS = 'ACTIVE'", code, like);
        grouped(con, by, 2, "SELECT a.JURISDICTION_CODE, COUNT(g.ID) FROM AS_GROUP g, AS_ASSOCIATION a",
                " AND g.ASSOCIATION_ID = a.ID", code, like);
        grouped(con, by, 3, "SELECT a.JURISDICTION_CODE, COUNT(DISTINCT k.HOUSEHOLD_ID) FROM AS_CONTACT k, "
                + "AS_ASSOCIATION a", " AND k.ASSOCIATION_ID = a.ID AND k.ASSIGNED_ON < ? AND (k.ENDED_ON IS NULL "
                + "OR k.ENDED_ON >= ?)", code, like, to, from);
        grouped(con, by, 4, "SELECT a.JURISDICTION_CODE, COUNT(v.ID), SUM(v.PERSON_TIMES) FROM AS_ACTIVITY v, "
                + "AS_ASSOCIATION a", " AND v.ASSOCIATION_ID = a.ID AND v.HELD_ON >= ? AND v.HELD_ON < ?",
                code, like, from, to);
        grouped(con, by, 6, "SELECT a.JURISDICTION_CODE, COUNT(DISTINCT k.HOUSEHOLD_ID) FROM AS_CASE k, "
                + "AS_ASSOCIATION a", " AND k.ASSOCIATION_ID = a.ID AND k.OPENED_ON < ? AND (k.CLOSED_ON IS NULL "
                + "OR k.CLOSED_ON >= ?)", code, like, to, from);
        return by;
    }

    /**
     * Runs {@code select} for the associations of {@code code} and below, with its further conditions {@code and}
     * ({@code days} bound in order), grouped by code, and adds each row's counts (code, n[, n2]) into its level's
     * sums at {@code index} (and the next).
     */
    private static void grouped(Connection con, Map<JurisdictionLevel, long[]> by, int index, String select,
            String and, String code, String like, LocalDate... days) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement(select + " WHERE (a.JURISDICTION_CODE = ? OR "
                + "a.JURISDICTION_CODE LIKE ?)" + and + " GROUP BY a.JURISDICTION_CODE")) {
            ps.setString(1, code);
            ps.setString(2, like);
            for (int i = 0; i < days.length; i++) {
                ps.setDate(i + 3, Date.valueOf(days[i]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    long[] v = by.computeIfAbsent(JurisdictionLevel.ofCode(rs.getString(1)), k -> new long[7]);
                    for (int i = 2; i <= n; i++) {
                        v[index + i - 2] += rs.getLong(i); // a SUM of nothing is NULL: read as 0
                    }
                }
            }
        }
    }

    private static YearRow row(String level, String name, long[] v) {
        return new YearRow(level, name, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    private int year(Integer year) {
        int y = year == null ? db.today().getYear() : year;
        if (y < 2000 || y > db.today().getYear() + 1) {
            throw RenkouException.invalid("year", "年份不在合理范围内。", "The year is out of the plausible range.");
        }
        return y;
    }

    private static ActivityEntity activity(EntityManager em, AssociationEntity as, long id) {
        ActivityEntity a = em.find(ActivityEntity.class, id);
        if (a == null || !a.associationId.equals(as.id)) {
            throw RenkouException.notFound("id", "活动 " + id + " 不存在或不属于该协会。",
                    "Activity " + id + " does not exist or does not belong to this association.");
        }
        return a;
    }

    private static List<Participant> participants(EntityManager em, long activityId) {
        return NameOrder.sorted(em.createQuery("SELECT p FROM ParticipantEntity p WHERE p.activityId = :a ORDER BY "
                + "p.id", ParticipantEntity.class).setParameter("a", activityId).getResultList().stream()
                .map(p -> new Participant(p.memberId, p.residentId, p.name)).toList(), Participant::name);
    }

    private static Activity dto(ActivityEntity a, List<Participant> ps) {
        return new Activity(a.id, a.associationId, a.kind, a.title, a.heldOn, a.place, a.organisers, a.large == 1,
                a.leaflets, a.personTimes, a.items, ps, a.version);
    }
}
