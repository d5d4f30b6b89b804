package org.renkou.association.internal.organisation;


import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.association.internal.Association;
import org.renkou.association.internal.AssociationDTO.Assoc;
import org.renkou.association.internal.AssociationDTO.Decision;
import org.renkou.association.internal.AssociationDTO.Group;
import org.renkou.association.internal.AssociationDTO.Member;
import org.renkou.association.internal.AssociationDTO.MemberStatus;
import org.renkou.association.internal.AssociationDTO.Position;
import org.renkou.association.internal.AssociationDTO.Seat;
import org.renkou.association.internal.AssociationDTO.Term;
import org.renkou.association.internal.AssociationDatabase;
import org.renkou.association.internal.CoreLinks;
import org.renkou.association.internal.entities.organisation.AssociationEntity;
import org.renkou.association.internal.entities.organisation.GroupEntity;
import org.renkou.association.internal.entities.organisation.MemberEntity;
import org.renkou.association.internal.entities.organisation.SeatEntity;
import org.renkou.association.internal.entities.organisation.TermEntity;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.resident.NameOrder;

/**
 * Associations (计生协会) and their council terms (理事会, 换届 with history), members from application to council
 * approval and later status, and member groups (会员小组) with their leaders.
 */
@Component(service = OrganisationService.class, property = Association.CONDITION)
public class OrganisationService {
    private static final int MAX_SEATS = 60;
    private final AssociationDatabase db;
    private final CoreLinks core;

    @Activate
    public OrganisationService(@Reference AssociationDatabase db, @Reference CoreLinks core) {
        this.db = db;
        this.core = core;
    }

    // --- associations -------------------------------------------------------------------------------------

    public List<Assoc> associations(Caller caller) {
        caller.require("查看计生协会", "view associations", Association.READERS);
        return db.read(em -> em.createQuery("SELECT a FROM AssociationEntity a ORDER BY a.jurisdictionCode",
                AssociationEntity.class).getResultList().stream().filter(a -> caller.covers(a.jurisdictionCode))
                .map(this::dto).toList());
    }

    public Assoc association(Caller caller, long id) {
        caller.require("查看计生协会", "view associations", Association.READERS);
        return dto(db.read(em -> AssociationDatabase.association(em, caller, id, "id")));
    }

    /** A new association for a community/village, street/township or county; one per jurisdiction. */
    public Assoc create(Caller caller, Assoc in) {
        caller.require("设立协会", "set up an association", Association.WRITERS);
        Input.body(in);
        String name = Input.required(in.name(), "name", "协会名称", "name", 100);
        String code = Input.required(in.jurisdictionCode(), "jurisdictionCode", "所属辖区", "jurisdiction", 15);
        JurisdictionLevel level = JurisdictionLevel.ofCodeFor(code, "jurisdictionCode");
        if (level != JurisdictionLevel.COMMUNITY && level != JurisdictionLevel.STREET
                && level != JurisdictionLevel.COUNTY) {
            throw RenkouException.invalid("jurisdictionCode", "协会设在社区/村、街道/乡镇或县（区）。",
                    "An association belongs to a community/village, street/township or county.");
        }
        if (!caller.covers(code) || core.jurisdictionName(code) == null) {
            throw RenkouException.notFound("jurisdictionCode", "辖区 " + code + " 不存在或不在您的辖区内。",
                    "Jurisdiction " + code + " does not exist or lies outside your jurisdiction.");
        }
        String secretary = secretary(in.secretary(), code);
        return dto(db.tx(em -> {
            AssociationEntity a = new AssociationEntity();
            a.name = name;
            a.jurisdictionCode = code;
            a.secretary = secretary;
            a.foundedOn = in.foundedOn() == null ? db.today()
                    : db.date(in.foundedOn(), "foundedOn", "成立日期", "founding date", 0);
            em.persist(a);
            em.flush();
            db.audit(em, caller, AuditAction.CREATE, "Association", a.id, code, "{\"name\":\"" + name + "\"}");
            return a;
        }));
    }

    /** Changes the name or the secretary (the staff account whose cases the secretary may see). */
    public Assoc update(Caller caller, long id, Assoc in) {
        caller.require("修改协会", "change an association", Association.WRITERS);
        Input.body(in);
        Long version = Input.present(in.version(), "version", "版本号", "version");
        return dto(db.tx(em -> {
            AssociationEntity a = AssociationDatabase.association(em, caller, id, "id");
            if (!a.version.equals(version)) {
                throw RenkouException.conflict("version", "该记录已被他人修改，请刷新后重试。",
                        "The record was changed by someone else; reload it and try again.");
            }
            String old = a.secretary;
            a.name = Input.required(in.name(), "name", "协会名称", "name", 100);
            a.secretary = secretary(in.secretary(), a.jurisdictionCode);
            em.flush();
            db.audit(em, caller, AuditAction.UPDATE, "Association", a.id, a.jurisdictionCode,
                    "{\"secretary\":[\"" + old + "\",\"" + a.secretary + "\"]}");
            return a;
        }));
    }

    /** The secretary must be an active staff member with the secretary role who reaches the association. */
    private String secretary(String username, String code) {
        String s = Input.optional(username, "secretary", "协会秘书", "secretary", 60);
        if (s == null) {
            return null;
        }
        Caller c = core.staff(s).orElse(null);
        if (c == null || !c.has(Role.ASSOCIATION_SECRETARY) || !c.covers(code)) {
            throw RenkouException.invalid("secretary", "协会秘书必须是本辖区在职的协会秘书账户。",
                    "The secretary must be an active association-secretary account covering this jurisdiction.");
        }
        return s;
    }

    Assoc dto(AssociationEntity a) {
        return new Assoc(a.id, a.name, a.jurisdictionCode, core.jurisdictionName(a.jurisdictionCode), a.secretary,
                a.foundedOn, a.version, core.staffName(a.secretary));
    }

    // --- council terms --------------------------------------------------------------------------------------

    public List<Term> terms(Caller caller, long associationId) {
        caller.require("查看理事会", "view the council", Association.READERS);
        return db.read(em -> {
            AssociationDatabase.association(em, caller, associationId, "associationId");
            List<Term> out = new ArrayList<>();
            for (TermEntity t : em.createQuery("SELECT t FROM TermEntity t WHERE t.associationId = :a "
                    + "ORDER BY t.number DESC", TermEntity.class).setParameter("a", associationId).getResultList()) {
                out.add(term(em, t));
            }
            return out;
        });
    }

    /** A new council term (换届): ends the current term the day before, keeps it in the history. */
    public Term newTerm(Caller caller, long associationId, Term in) {
        caller.require("换届", "elect a new council", Association.WRITERS);
        Input.body(in);
        List<Seat> seats = in.seats() == null ? List.of() : in.seats();
        if (seats.isEmpty() || seats.size() > MAX_SEATS) {
            throw RenkouException.invalid("seats", "理事会须有 1 至 " + MAX_SEATS + " 名成员。",
                    "A council has 1 to " + MAX_SEATS + " members.");
        }
        long presidents = seats.stream().filter(s -> s != null && "PRESIDENT".equals(s.position())).count();
        if (presidents != 1) {
            throw RenkouException.invalid("seats", "理事会须有且仅有一名会长。", "A council has exactly one president.");
        }
        String note = Input.optional(in.note(), "note", "备注", "note", 500);
        return db.tx(em -> {
            AssociationEntity a = AssociationDatabase.association(em, caller, associationId, "associationId");
            java.time.LocalDate start = db.date(in.startedOn(), "startedOn", "换届日期", "start date", 31);
            TermEntity current = currentTerm(em, associationId);
            if (current != null && !start.isAfter(current.startedOn)) {
                throw RenkouException.invalid("startedOn", "换届日期须晚于本届开始日期。",
                        "The new term must start after the current one.");
            }
            if (current != null) {
                current.endedOn = start.minusDays(1);
            }
            TermEntity t = new TermEntity();
            t.associationId = associationId;
            t.number = current == null ? 1 : current.number + 1;
            t.startedOn = start;
            t.note = note;
            em.persist(t);
            em.flush();
            for (int i = 0; i < seats.size(); i++) {
                Seat s = seats.get(i);
                String f = "seats[" + i + "]";
                if (s == null) {
                    throw RenkouException.invalid(f, "理事会成员为空。", "A council seat is empty.");
                }
                SeatEntity e = new SeatEntity();
                e.termId = t.id;
                e.position = AssociationDatabase.oneOf(s.position(), f + ".position", "职务", "position",
                        Position.values());
                e.personName = Input.required(s.personName(), f + ".personName", "姓名", "name", 50);
                if (s.memberId() != null) {
                    e.memberId = AssociationDatabase.member(em, a, s.memberId(), f + ".memberId").id;
                }
                em.persist(e);
            }
            db.audit(em, caller, AuditAction.CREATE, "CouncilTerm", t.id, a.jurisdictionCode,
                    "{\"term\":" + t.number + ",\"seats\":" + seats.size() + "}");
            return term(em, t);
        });
    }

    private static TermEntity currentTerm(EntityManager em, long associationId) {
        return em.createQuery("SELECT t FROM TermEntity t WHERE t.associationId = :a AND t.endedOn IS NULL",
                TermEntity.class).setParameter("a", associationId).getResultStream().findFirst().orElse(null);
    }

    private static Term term(EntityManager em, TermEntity t) {
        List<Seat> seats = em.createQuery("SELECT s FROM SeatEntity s WHERE s.termId = :t ORDER BY s.id",
                SeatEntity.class).setParameter("t", t.id).getResultList().stream()
                .sorted(java.util.Comparator.comparing((SeatEntity s) -> Position.valueOf(s.position)))
                .map(s -> new Seat(s.position, s.personName, s.memberId)).toList(); // 会长 first, then by rank
        return new Term(t.id, t.number, t.startedOn, t.endedOn, t.note, seats);
    }

    // --- members --------------------------------------------------------------------------------------------

    /** The members, optionally of one status; phone numbers masked. */
    public List<Member> members(Caller caller, long associationId, String status) {
        caller.require("查看会员", "view members", Association.READERS);
        String st = status == null || status.isBlank() ? null
                : AssociationDatabase.oneOf(status, "status", "状态", "status", MemberStatus.values());
        return db.read(em -> {
            AssociationDatabase.association(em, caller, associationId, "associationId");
            javax.persistence.TypedQuery<MemberEntity> q = em.createQuery("SELECT m FROM MemberEntity m "
                    + "WHERE m.associationId = :a" + (st == null ? "" : " AND m.status = :s") + " ORDER BY m.id",
                    MemberEntity.class).setParameter("a", associationId);
            if (st != null) {
                q.setParameter("s", st);
            }
            // pinyin order, ties by id (a member list is read whole)
            return NameOrder.sorted(q.getResultList().stream().map(m -> member(m, true)).toList(), Member::name);
        });
    }

    public Member member(Caller caller, long associationId, long id) {
        caller.require("查看会员", "view members", Association.READERS);
        return db.read(em -> member(AssociationDatabase.member(em, AssociationDatabase.association(em, caller, associationId, "associationId"), id, "id"),
                !caller.hasAny(Association.WRITERS)));
    }

    /** An application to join (入会申请), waiting for the council's decision. */
    public Member apply(Caller caller, long associationId, Member in) {
        caller.require("登记入会申请", "record an application", Association.WRITERS);
        Input.body(in);
        String name = Input.required(in.name(), "name", "姓名", "name", 50);
        String phone = Input.optional(in.phone(), "phone", "电话", "phone", 20);
        if (phone != null && !phone.matches("[0-9+\\- ]{5,20}")) {
            throw RenkouException.invalid("phone", "电话号码格式不正确。", "The phone number is malformed.");
        }
        String skills = Input.optional(in.skills(), "skills", "志愿服务特长", "skills", 200);
        if (in.residentId() != null && !core.resident(caller, in.residentId())) {
            throw RenkouException.notFound("residentId", "居民 " + in.residentId() + " 不存在或不在您的辖区内。",
                    "Resident " + in.residentId() + " does not exist or lies outside your jurisdiction.");
        }
        return db.tx(em -> {
            AssociationEntity a = AssociationDatabase.association(em, caller, associationId, "associationId");
            MemberEntity m = new MemberEntity();
            m.associationId = a.id;
            m.name = name;
            m.phone = phone;
            m.skills = skills;
            m.residentId = in.residentId();
            m.status = MemberStatus.APPLIED.name();
            m.appliedOn = in.appliedOn() == null ? db.today()
                    : db.date(in.appliedOn(), "appliedOn", "申请日期", "application date", 0);
            if (in.groupId() != null) {
                m.groupId = group(em, a, in.groupId(), "groupId").id;
            }
            em.persist(m);
            em.flush();
            db.audit(em, caller, AuditAction.CREATE, "AssociationMember", m.id, a.jurisdictionCode, null);
            return member(m, false);
        });
    }

    /**
     * The council's decision on an application ({@code approve}), or a later status change of an admitted member
     * ({@code status}: ACTIVE, LAPSED, LEFT).
     */
    public Member decide(Caller caller, long associationId, long id, Decision in) {
        caller.require("审批会员", "decide on members", Association.WRITERS);
        Input.body(in);
        Long version = Input.present(in.version(), "version", "版本号", "version");
        String note = Input.optional(in.note(), "note", "说明", "note", 500);
        return db.tx(em -> {
            AssociationEntity a = AssociationDatabase.association(em, caller, associationId, "associationId");
            MemberEntity m = AssociationDatabase.member(em, a, id, "id");
            if (!m.version.equals(version)) {
                throw RenkouException.conflict("version", "该记录已被他人修改，请刷新后重试。",
                        "The record was changed by someone else; reload it and try again.");
            }
            String old = m.status;
            if (MemberStatus.APPLIED.name().equals(m.status)) {
                Boolean approve = Input.present(in.approve(), "approve", "审批结果", "decision");
                m.status = approve ? MemberStatus.ACTIVE.name() : MemberStatus.REJECTED.name();
                m.decidedOn = db.today();
                m.decidedBy = caller.username();
            } else if (MemberStatus.REJECTED.name().equals(m.status)) {
                throw RenkouException.invalid("status", "申请已被拒绝，请重新登记申请。",
                        "The application was rejected; record a new one.");
            } else {
                String st = AssociationDatabase.oneOf(in.status(), "status", "状态", "status",
                        new MemberStatus[] {MemberStatus.ACTIVE, MemberStatus.LAPSED, MemberStatus.LEFT});
                m.status = st;
            }
            m.decisionNote = note;
            em.flush(); // the answer carries the new version
            db.audit(em, caller, AuditAction.UPDATE, "AssociationMember", m.id, a.jurisdictionCode,
                    "{\"status\":[\"" + old + "\",\"" + m.status + "\"]}");
            return member(m, false);
        });
    }

    static Member member(MemberEntity m, boolean mask) {
        return new Member(m.id, m.associationId, m.name, mask ? mask(m.phone) : m.phone, m.residentId, m.skills,
                m.status, m.appliedOn, m.decidedOn, m.decidedBy, m.decisionNote, m.groupId, m.version);
    }

    /** 138****5678: the first three and last four digits; short numbers show only their last two. */
    public static String mask(String phone) {
        if (phone == null) {
            return null;
        }
        String p = phone.replace(" ", "");
        if (p.length() >= 8) {
            return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
        }
        return "****" + p.substring(Math.max(0, p.length() - 2));
    }

    // --- member groups --------------------------------------------------------------------------------------

    public List<Group> groups(Caller caller, long associationId) {
        caller.require("查看会员小组", "view member groups", Association.READERS);
        return db.read(em -> {
            AssociationDatabase.association(em, caller, associationId, "associationId");
            return em.createQuery("SELECT g FROM GroupEntity g WHERE g.associationId = :a ORDER BY g.residentGroupCode",
                    GroupEntity.class).setParameter("a", associationId).getResultList().stream().map(this::group)
                    .toList();
        });
    }

    /** A member group for a resident group within the association's jurisdiction; the leader a member of it. */
    public Group saveGroup(Caller caller, long associationId, Long id, Group in) {
        caller.require("设立会员小组", "set up member groups", Association.WRITERS);
        Input.body(in);
        String name = Input.required(in.name(), "name", "小组名称", "name", 100);
        String code = Input.required(in.residentGroupCode(), "residentGroupCode", "居民小组", "resident group", 15);
        if (JurisdictionLevel.ofCodeFor(code, "residentGroupCode") != JurisdictionLevel.GROUP) {
            throw RenkouException.invalid("residentGroupCode", "请选择居民小组（15 位代码）。",
                    "Choose a resident group (15-digit code).");
        }
        return group(db.tx(em -> {
            AssociationEntity a = AssociationDatabase.association(em, caller, associationId, "associationId");
            if (!code.startsWith(JurisdictionLevel.ofCode(a.jurisdictionCode).childPrefix(a.jurisdictionCode))
                    || core.jurisdictionName(code) == null) {
                throw RenkouException.notFound("residentGroupCode", "居民小组 " + code + " 不存在或不在协会辖区内。",
                        "Resident group " + code + " does not exist or lies outside the association's area.");
            }
            GroupEntity g;
            if (id == null) {
                g = new GroupEntity();
                g.associationId = a.id;
            } else {
                g = group(em, a, id, "id");
                if (!g.version.equals(Input.present(in.version(), "version", "版本号", "version"))) {
                    throw RenkouException.conflict("version", "该记录已被他人修改，请刷新后重试。",
                            "The record was changed by someone else; reload it and try again.");
                }
            }
            g.name = name;
            g.residentGroupCode = code;
            g.leaderMemberId = in.leaderMemberId() == null ? null
                    : AssociationDatabase.member(em, a, in.leaderMemberId(), "leaderMemberId").id;
            if (id == null) {
                em.persist(g);
                em.flush();
            }
            if (g.leaderMemberId != null) {
                em.find(MemberEntity.class, g.leaderMemberId).groupId = g.id;
            }
            em.flush();
            db.audit(em, caller, id == null ? AuditAction.CREATE : AuditAction.UPDATE, "MemberGroup", g.id,
                    a.jurisdictionCode, "{\"leader\":" + g.leaderMemberId + "}");
            return g;
        }));
    }

    public static GroupEntity group(EntityManager em, AssociationEntity a, Long id, String field) {
        GroupEntity g = id == null ? null : em.find(GroupEntity.class, id);
        if (g == null || !g.associationId.equals(a.id)) {
            throw RenkouException.notFound(field, "会员小组 " + id + " 不存在或不属于该协会。",
                    "Member group " + id + " does not exist or does not belong to this association.");
        }
        return g;
    }

    private Group group(GroupEntity g) {
        return new Group(g.id, g.associationId, g.name, g.residentGroupCode, core.jurisdictionName(g.residentGroupCode),
                g.leaderMemberId, g.version);
    }
}
