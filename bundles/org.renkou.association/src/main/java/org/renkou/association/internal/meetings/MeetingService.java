package org.renkou.association.internal.meetings;

import static org.renkou.association.internal.AssociationDatabase.association;
import static org.renkou.association.internal.AssociationDatabase.member;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.association.internal.Association;
import org.renkou.association.internal.AssociationDTO.AttendanceStatus;
import org.renkou.association.internal.AssociationDTO.Attendee;
import org.renkou.association.internal.AssociationDTO.Download;
import org.renkou.association.internal.AssociationDTO.GroupMeetings;
import org.renkou.association.internal.AssociationDTO.Meeting;
import org.renkou.association.internal.AssociationDTO.MeetingFile;
import org.renkou.association.internal.AssociationDTO.MeetingKind;
import org.renkou.association.internal.AssociationDatabase;
import org.renkou.association.internal.CoreLinks;
import org.renkou.association.internal.entities.meetings.AttendanceEntity;
import org.renkou.association.internal.entities.meetings.MeetingEntity;
import org.renkou.association.internal.entities.meetings.MeetingFileEntity;
import org.renkou.association.internal.entities.organisation.AssociationEntity;
import org.renkou.association.internal.entities.organisation.GroupEntity;
import org.renkou.association.internal.organisation.OrganisationService;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.resident.NameOrder;

/**
 * Meetings (会议): the monthly meetings of the member groups (会员小组月例会) and the yearly commendation meeting
 * (年度表彰大会), with date, place, topic, each member's attendance (present, absent, excused), the minutes as text
 * and attachments (checked by {@link MeetingFiles}). Who came and what was discussed — no health, pregnancy or
 * contraception fields.
 */
@Component(service = MeetingService.class, property = Association.CONDITION)
public class MeetingService {
    static final int MAX_ATTENDEES = 2000;
    static final int MAX_MINUTES = 20_000;
    static final int MAX_FILES = 20;
    private final AssociationDatabase db;
    private final CoreLinks core;

    @Activate
    public MeetingService(@Reference AssociationDatabase db, @Reference CoreLinks core) {
        this.db = db;
        this.core = core;
    }

    /** The association's meetings of a year (newest first), optionally of one group; without minutes. */
    public List<Meeting> meetings(Caller caller, long associationId, Integer year, Long groupId) {
        caller.require("查看会议", "view meetings", Association.READERS);
        int y = year(year);
        return db.read(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            if (groupId != null) {
                OrganisationService.group(em, a, groupId, "groupId");
            }
            TypedQuery<MeetingEntity> q = em.createQuery("SELECT m FROM MeetingEntity m WHERE m.associationId = :a "
                    + "AND m.heldOn >= :from AND m.heldOn < :to" + (groupId == null ? "" : " AND m.groupId = :g")
                    + " ORDER BY m.heldOn DESC, m.id DESC", MeetingEntity.class).setParameter("a", a.id)
                    .setParameter("from", LocalDate.of(y, 1, 1)).setParameter("to", LocalDate.of(y + 1, 1, 1));
            if (groupId != null) {
                q.setParameter("g", groupId);
            }
            List<MeetingEntity> ms = q.getResultList();
            Map<Long, int[]> counts = counts(em, ms.stream().map(m -> m.id).toList());
            return ms.stream().map(m -> dto(m, null, counts.getOrDefault(m.id, new int[3]), null, false)).toList();
        });
    }

    public Meeting meeting(Caller caller, long associationId, long id) {
        caller.require("查看会议", "view meetings", Association.READERS);
        return db.read(em -> full(em, meeting(em, association(em, caller, associationId, "associationId"), id,
                "id")));
    }

    public Meeting create(Caller caller, long associationId, Meeting in) {
        caller.require("登记会议", "record meetings", Association.WRITERS);
        Input.body(in);
        String kind = AssociationDatabase.oneOf(in.kind(), "kind", "会议类型", "kind of meeting", MeetingKind.values());
        Fields f = fields(in);
        return db.tx(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            MeetingEntity m = new MeetingEntity();
            m.associationId = a.id;
            m.kind = kind;
            m.groupId = group(em, a, kind, in.groupId());
            m.recordedBy = caller.username();
            f.apply(m);
            em.persist(m);
            em.flush();
            attendance(em, a, m.id, f.attendance);
            db.audit(em, caller, AuditAction.CREATE, "AssociationMeeting", m.id, a.jurisdictionCode,
                    "{\"kind\":\"" + kind + "\",\"attendance\":" + f.attendance.size() + "}");
            return full(em, m);
        });
    }

    /** Corrects a meeting (the minutes written afterwards, attendance completed); kind and group stay. */
    public Meeting update(Caller caller, long associationId, long id, Meeting in) {
        caller.require("修改会议", "change meetings", Association.WRITERS);
        Input.body(in);
        Long version = Input.present(in.version(), "version", "版本号", "version");
        Fields f = fields(in);
        return db.tx(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            MeetingEntity m = meeting(em, a, id, "id");
            if (!m.version.equals(version)) {
                throw RenkouException.conflict("version", "该记录已被他人修改，请刷新后重试。",
                        "The record was changed by someone else; reload it and try again.");
            }
            f.apply(m);
            em.createQuery("DELETE FROM AttendanceEntity t WHERE t.meetingId = :m").setParameter("m", m.id)
                    .executeUpdate();
            attendance(em, a, m.id, f.attendance);
            em.flush(); // the answer carries the new version
            db.audit(em, caller, AuditAction.UPDATE, "AssociationMeeting", m.id, a.jurisdictionCode,
                    "{\"attendance\":" + f.attendance.size() + "}");
            return full(em, m);
        });
    }

    /** Attaches a file: its name and content checked by {@link MeetingFiles}, stored with its SHA-256. */
    public MeetingFile attach(Caller caller, long associationId, long meetingId, String fileName, InputStream body) {
        caller.require("上传会议附件", "attach files to meetings", Association.WRITERS);
        String name = MeetingFiles.name(fileName);
        byte[] content = MeetingFiles.read(body);
        String type = MeetingFiles.type(content, name);
        String sha256 = MeetingFiles.sha256(content);
        return db.tx(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            MeetingEntity m = meeting(em, a, meetingId, "meetingId");
            long n = em.createQuery("SELECT COUNT(f) FROM MeetingFileEntity f WHERE f.meetingId = :m", Long.class)
                    .setParameter("m", m.id).getSingleResult();
            if (n >= MAX_FILES) {
                throw RenkouException.invalid("file", "每次会议最多 " + MAX_FILES + " 个附件。",
                        "At most " + MAX_FILES + " attachments a meeting.");
            }
            MeetingFileEntity f = new MeetingFileEntity();
            f.meetingId = m.id;
            f.fileName = name;
            f.contentType = type;
            f.size = content.length;
            f.sha256 = sha256;
            f.content = content;
            f.uploadedBy = caller.username();
            f.uploadedOn = db.today();
            em.persist(f);
            em.flush();
            // type, size and checksum only: a file name may name people
            db.audit(em, caller, AuditAction.CREATE, "AssociationMeetingFile", f.id, a.jurisdictionCode,
                    "{\"meeting\":" + m.id + ",\"type\":\"" + type + "\",\"size\":" + f.size + ",\"sha256\":\""
                            + sha256 + "\"}");
            return file(f);
        });
    }

    public Download download(Caller caller, long associationId, long meetingId, long fileId) {
        caller.require("查看会议", "view meetings", Association.READERS);
        return db.read(em -> {
            MeetingFileEntity f = file(em, meeting(em, association(em, caller, associationId, "associationId"),
                    meetingId, "meetingId"), fileId);
            return new Download(f.fileName, f.contentType, f.content);
        });
    }

    public void removeFile(Caller caller, long associationId, long meetingId, long fileId) {
        caller.require("删除会议附件", "remove meeting attachments", Association.WRITERS);
        db.tx(em -> {
            AssociationEntity a = association(em, caller, associationId, "associationId");
            MeetingFileEntity f = file(em, meeting(em, a, meetingId, "meetingId"), fileId);
            em.remove(f);
            db.audit(em, caller, AuditAction.DELETE, "AssociationMeetingFile", f.id, a.jurisdictionCode,
                    "{\"meeting\":" + meetingId + ",\"sha256\":\"" + f.sha256 + "\"}");
            return null;
        });
    }

    /**
     * Per member group of the association, the months of {@code year} with a monthly meeting against the months
     * completed so far; for {@link org.renkou.association.internal.activities.ActivityService#progress}.
     */
    public static List<GroupMeetings> groupMeetings(EntityManager em, long associationId, int year, LocalDate today) {
        int due = year < today.getYear() ? 12 : year > today.getYear() ? 0 : today.getMonthValue() - 1;
        Map<Long, Set<Integer>> months = new LinkedHashMap<>();
        for (Object[] r : em.createQuery("SELECT m.groupId, m.heldOn FROM MeetingEntity m WHERE m.associationId = :a "
                + "AND m.kind = 'GROUP_MONTHLY' AND m.heldOn >= :from AND m.heldOn < :to", Object[].class)
                .setParameter("a", associationId).setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year + 1, 1, 1)).getResultList()) {
            months.computeIfAbsent((Long) r[0], k -> new TreeSet<>()).add(((LocalDate) r[1]).getMonthValue());
        }
        List<GroupMeetings> out = new ArrayList<>();
        for (GroupEntity g : em.createQuery("SELECT g FROM GroupEntity g WHERE g.associationId = :a ORDER BY "
                + "g.residentGroupCode", GroupEntity.class).setParameter("a", associationId).getResultList()) {
            int held = months.getOrDefault(g.id, Set.of()).size();
            out.add(new GroupMeetings(g.id, g.name, held, due, held >= due));
        }
        return out;
    }

    public static long commendationMeetings(EntityManager em, long associationId, int year) {
        return em.createQuery("SELECT COUNT(m) FROM MeetingEntity m WHERE m.associationId = :a AND "
                + "m.kind = 'YEARLY_COMMENDATION' AND m.heldOn >= :from AND m.heldOn < :to", Long.class)
                .setParameter("a", associationId).setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year + 1, 1, 1)).getSingleResult();
    }

    /** The checked fields of a create or an update, before the transaction. */
    private record Fields(LocalDate heldOn, String place, String topic, String minutes, List<Attendee> attendance) {
        void apply(MeetingEntity m) {
            m.heldOn = heldOn;
            m.place = place;
            m.topic = topic;
            m.minutes = minutes;
        }
    }

    private Fields fields(Meeting in) {
        LocalDate on = db.date(in.heldOn(), "heldOn", "会议日期", "meeting date", 0);
        String place = Input.optional(in.place(), "place", "地点", "place", 100);
        String topic = Input.required(in.topic(), "topic", "会议主题", "topic", 200);
        String minutes = Input.optional(in.minutes(), "minutes", "会议记录", "minutes", MAX_MINUTES);
        List<Attendee> list = in.attendance() == null ? List.of() : in.attendance();
        if (list.size() > MAX_ATTENDEES) {
            throw RenkouException.invalid("attendance", "参会人员不能超过 " + MAX_ATTENDEES + " 人。",
                    "At most " + MAX_ATTENDEES + " attendees.");
        }
        Set<Long> seen = new HashSet<>();
        List<Attendee> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Attendee t = list.get(i);
            String f = "attendance[" + i + "]";
            if (t == null) {
                throw RenkouException.invalid(f, "请填写参会会员。", "An attendee is required.");
            }
            Long memberId = Input.present(t.memberId(), f + ".memberId", "会员", "member");
            String status = AssociationDatabase.oneOf(t.status(), f + ".status", "出席情况", "attendance",
                    AttendanceStatus.values());
            if (!seen.add(memberId)) {
                throw RenkouException.invalid(f + ".memberId", "同一会员只能登记一次。",
                        "A member is listed only once.");
            }
            out.add(new Attendee(memberId, null, status));
        }
        return new Fields(on, place, topic, minutes, out);
    }

    /** The group of a monthly meeting (required, of this association); none for the commendation meeting. */
    private static Long group(EntityManager em, AssociationEntity a, String kind, Long groupId) {
        if (MeetingKind.GROUP_MONTHLY.name().equals(kind)) {
            if (groupId == null) {
                throw RenkouException.invalid("groupId", "小组例会须选择会员小组。",
                        "A group meeting names its member group.");
            }
            return OrganisationService.group(em, a, groupId, "groupId").id;
        }
        if (groupId != null) {
            throw RenkouException.invalid("groupId", "表彰大会属于整个协会，不选小组。",
                    "The commendation meeting belongs to the whole association, not a group.");
        }
        return null;
    }

    /** Writes the attendance; every member must belong to the association (else the same 404 as a direct read). */
    private static void attendance(EntityManager em, AssociationEntity a, long meetingId, List<Attendee> list) {
        for (int i = 0; i < list.size(); i++) {
            AttendanceEntity e = new AttendanceEntity();
            e.meetingId = meetingId;
            e.memberId = member(em, a, list.get(i).memberId(), "attendance[" + i + "].memberId").id;
            e.status = list.get(i).status();
            em.persist(e);
        }
    }

    private static MeetingEntity meeting(EntityManager em, AssociationEntity a, Long id, String field) {
        MeetingEntity m = id == null ? null : em.find(MeetingEntity.class, id);
        if (m == null || !m.associationId.equals(a.id)) {
            throw RenkouException.notFound(field, "会议 " + id + " 不存在或不属于该协会。",
                    "Meeting " + id + " does not exist or does not belong to this association.");
        }
        return m;
    }

    private static MeetingFileEntity file(EntityManager em, MeetingEntity m, long id) {
        MeetingFileEntity f = em.find(MeetingFileEntity.class, id);
        if (f == null || !f.meetingId.equals(m.id)) {
            throw RenkouException.notFound("fileId", "附件 " + id + " 不存在或不属于该会议。",
                    "Attachment " + id + " does not exist or does not belong to this meeting.");
        }
        return f;
    }

    /** Present, absent and excused per meeting. */
    private static Map<Long, int[]> counts(EntityManager em, List<Long> meetings) {
        Map<Long, int[]> out = new LinkedHashMap<>();
        if (meetings.isEmpty()) {
            return out;
        }
        for (Object[] r : em.createQuery("SELECT t.meetingId, t.status, COUNT(t) FROM AttendanceEntity t WHERE "
                + "t.meetingId IN :ms GROUP BY t.meetingId, t.status", Object[].class).setParameter("ms", meetings)
                .getResultList()) {
            out.computeIfAbsent((Long) r[0], k -> new int[3])[AttendanceStatus.valueOf((String) r[1]).ordinal()] +=
                    ((Number) r[2]).intValue();
        }
        return out;
    }

    private Meeting full(EntityManager em, MeetingEntity m) {
        Function<String, String> names = core.staffNames();
        List<Attendee> byId = em.createQuery("SELECT t.memberId, p.name, t.status FROM AttendanceEntity t, "
                + "MemberEntity p WHERE t.meetingId = :m AND p.id = t.memberId ORDER BY t.memberId",
                Object[].class).setParameter("m", m.id).getResultList().stream()
                .map(r -> new Attendee((Long) r[0], (String) r[1], (String) r[2])).toList();
        List<Attendee> list = NameOrder.sorted(byId, Attendee::name); // pinyin order, ties by member id
        int[] c = new int[3];
        list.forEach(t -> c[AttendanceStatus.valueOf(t.status()).ordinal()]++);
        List<MeetingFile> files = em.createQuery("SELECT f.id, f.fileName, f.contentType, f.size, f.sha256, "
                + "f.uploadedBy, f.uploadedOn FROM MeetingFileEntity f WHERE f.meetingId = :m ORDER BY f.id",
                Object[].class).setParameter("m", m.id).getResultList().stream().map(r -> new MeetingFile((Long) r[0],
                        m.id, (String) r[1], (String) r[2], (Integer) r[3], (String) r[4], (String) r[5],
                        (LocalDate) r[6], names.apply((String) r[5]))).toList();
        return dto(m, list, c, files, true);
    }

    private static Meeting dto(MeetingEntity m, List<Attendee> list, int[] c, List<MeetingFile> files,
            boolean minutes) {
        return new Meeting(m.id, m.associationId, m.kind, m.groupId, m.heldOn, m.place, m.topic,
                minutes ? m.minutes : null, list, c[0], c[1], c[2], files, m.version);
    }

    private MeetingFile file(MeetingFileEntity f) {
        return new MeetingFile(f.id, f.meetingId, f.fileName, f.contentType, f.size, f.sha256, f.uploadedBy,
                f.uploadedOn, core.staffName(f.uploadedBy));
    }

    private int year(Integer year) {
        int y = year == null ? db.today().getYear() : year;
        if (y < 2000 || y > db.today().getYear() + 1) {
            throw RenkouException.invalid("year", "年份不在合理范围内。", "The year is out of the plausible range.");
        }
        return y;
    }
}
