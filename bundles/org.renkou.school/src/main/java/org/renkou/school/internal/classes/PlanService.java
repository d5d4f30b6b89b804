package org.renkou.school.internal.classes;

import static org.renkou.school.internal.Access.klass;
import static org.renkou.school.internal.Access.school;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.school.internal.Access;
import org.renkou.school.internal.Curriculum;
import org.renkou.school.internal.School;
import org.renkou.school.internal.SchoolDTO.Mark;
import org.renkou.school.internal.SchoolDTO.Saved;
import org.renkou.school.internal.SchoolDTO.Session;
import org.renkou.school.internal.SchoolDatabase;
import org.renkou.school.internal.SchoolDatabase.Audit;
import org.renkou.school.internal.entities.classes.AttendanceEntity;
import org.renkou.school.internal.entities.classes.ClassEntity;
import org.renkou.school.internal.entities.classes.SessionEntity;
import org.renkou.school.internal.entities.schools.SchoolEntity;
import org.renkou.school.internal.entities.schools.TeacherEntity;

/**
 * The yearly teaching plan (年初教学计划): sessions with date, topic, teacher and target group; a session of a class
 * takes attendance (present / late / excused / absent) for the whole roster in one request and one transaction.
 */
@Component(service = PlanService.class, property = School.CONDITION)
public class PlanService {
    /** The most marks one request saves (a class of a few hundred, with room to spare). */
    public static final int MAX_MARKS = 2_000;

    private final SchoolDatabase db;

    @Activate
    public PlanService(@Reference SchoolDatabase db) {
        this.db = db;
    }

    public List<Session> plan(Caller caller, long schoolId, int year) {
        caller.require("查看教学计划", "read the teaching plan", Access.READERS);
        return db.read(em -> {
            school(em, caller, schoolId, "schoolId");
            return em.createQuery("SELECT s FROM SessionEntity s WHERE s.schoolId = :s AND s.planYear = :y "
                    + "ORDER BY s.heldOn, s.id", SessionEntity.class).setParameter("s", schoolId).setParameter("y", year)
                    .getResultList().stream().map(PlanService::dto).toList();
        });
    }

    public List<Session> sessionsOf(Caller caller, long classId) {
        caller.require("查看教学计划", "read the teaching plan", Access.READERS);
        return db.read(em -> {
            ClassEntity c = klass(em, caller, classId, "classId");
            return em.createQuery("SELECT s FROM SessionEntity s WHERE s.classId = :c ORDER BY s.heldOn, s.id",
                    SessionEntity.class).setParameter("c", c.id).getResultList().stream().map(PlanService::dto).toList();
        });
    }

    public Session addSession(Caller caller, long schoolId, Session in) {
        Input.body(in);
        SessionEntity s = new SessionEntity();
        s.heldOn = Input.present(in.heldOn(), "heldOn", "日期", "date");
        s.planYear = s.heldOn.getYear();
        if (in.year() != null && in.year() != s.planYear) {
            throw RenkouException.invalid("heldOn", "日期不在 " + in.year() + " 年的计划内。",
                    "The date lies outside the plan of " + in.year() + ".");
        }
        if (Math.abs(s.planYear - db.today().getYear()) > 1) {
            throw RenkouException.invalid("heldOn", "日期应在今年前后一年内。", "The date must lie within a year of this year.");
        }
        s.topic = Input.required(in.topic(), "topic", "主题", "topic", 200);
        s.targetGroup = Input.required(in.targetGroup(), "targetGroup", "对象", "target group", 100);
        SessionEntity out = db.tx(em -> {
            SchoolEntity school = school(em, caller, schoolId, "schoolId");
            Access.requireTeacher(em, caller, school.id, "制定教学计划", "plan sessions");
            s.schoolId = school.id;
            s.teacherId = ClassService.ofSchool(em, TeacherEntity.class, in.teacherId(), school.id, "teacherId", "教师",
                    "teacher").id;
            if (in.classId() != null) {
                ClassEntity c = klass(em, caller, in.classId(), "classId");
                if (!c.schoolId.equals(school.id)) {
                    throw RenkouException.notFound("classId", "班次 " + in.classId() + " 不属于本校。",
                            "Class " + in.classId() + " is not this school's.");
                }
                s.classId = c.id;
            }
            em.persist(s);
            em.flush();
            return s;
        }, o -> new Audit(caller, AuditAction.CREATE, "SchoolSession", o.id.toString(), null,
                o.heldOn + " " + o.topic, null));
        return dto(out);
    }

    // --- attendance ------------------------------------------------------------------------------------------

    public List<Mark> attendance(Caller caller, long sessionId) {
        caller.require("查看考勤", "read attendance", Access.ROSTER);
        return db.read(em -> {
            Access.session(em, caller, sessionId, "sessionId");
            return em.createQuery("SELECT a FROM AttendanceEntity a WHERE a.sessionId = :s ORDER BY a.enrolmentId",
                    AttendanceEntity.class).setParameter("s", sessionId).getResultList().stream()
                    .map(a -> new Mark(a.enrolmentId, a.mark)).toList();
        });
    }

    /**
     * Saves the marks of one session (考勤), all or none: each roster line of the session's class once, with one of
     * the four marks; a line given again replaces its earlier mark. Declined residents take no mark.
     */
    public Saved saveAttendance(Caller caller, long sessionId, List<Mark> marks) {
        if (marks == null || marks.isEmpty()) {
            throw RenkouException.invalid("marks", "请至少记录一名学员的考勤。", "Record the attendance of at least one person.");
        }
        if (marks.size() > MAX_MARKS) {
            throw RenkouException.invalid("marks", "一次最多记录 " + MAX_MARKS + " 条考勤。",
                    "At most " + MAX_MARKS + " marks a request.");
        }
        Map<Long, String> byLine = new HashMap<>();
        for (int i = 0; i < marks.size(); i++) {
            Mark m = marks.get(i);
            String f = "marks[" + i + "]";
            if (m == null) {
                throw RenkouException.invalid(f, "考勤记录为空。", "The mark is empty.");
            }
            Long line = Input.present(m.enrolmentId(), f + ".enrolmentId", "学员", "roster line");
            String mark = Curriculum.oneOf(m.mark(), Curriculum.MARKS, f + ".mark", "考勤", "mark");
            if (byLine.put(line, mark) != null) {
                throw RenkouException.invalid(f + ".enrolmentId", "同一学员出现了两次。", "The same person appears twice.");
            }
        }
        int saved = db.tx(em -> {
            SessionEntity s = Access.session(em, caller, sessionId, "sessionId");
            Access.requireTeacher(em, caller, s.schoolId, "记录考勤", "take attendance");
            // two phones taking one big class's attendance at once: the second save waits for the first (and then
            // counts its marks) instead of failing on the session's version, which the kept person-times change
            em.refresh(s, javax.persistence.LockModeType.PESSIMISTIC_WRITE);
            if (s.classId == null) {
                throw RenkouException.invalid("sessionId", "该课时未关联班次，无法考勤。",
                        "This session belongs to no class: there is no roster to take.");
            }
            Map<Long, Long> roster = residentsOf(em, s.classId);
            for (int i = 0; i < marks.size(); i++) {
                if (!roster.containsKey(marks.get(i).enrolmentId())) {
                    throw RenkouException.invalid("marks[" + i + "].enrolmentId", "学员 " + marks.get(i).enrolmentId()
                            + " 不在本班花名册中。", "Roster line " + marks.get(i).enrolmentId() + " is not on this class's roster.");
                }
            }
            Map<Long, String> existing = new HashMap<>();
            for (Object[] a : em.createQuery("SELECT a.enrolmentId, a.mark FROM AttendanceEntity a "
                    + "WHERE a.sessionId = :s", Object[].class).setParameter("s", s.id).getResultList()) {
                existing.put((Long) a[0], (String) a[1]);
            }
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            Map<Long, Integer> reach = new HashMap<>(); // resident -> change in marks that count as attended
            for (Map.Entry<Long, String> m : byLine.entrySet()) {
                String was = existing.get(m.getKey());
                if (!m.getValue().equals(was)) { // a mark saved again unchanged costs no write
                    (was != null ? updates : inserts).add(new Object[] {m.getKey(), m.getValue()});
                    int change = (attended(m.getValue()) ? 1 : 0) - (attended(was) ? 1 : 0);
                    if (change != 0) {
                        reach.merge(roster.get(m.getKey()), change, Integer::sum);
                    }
                }
            }
            // the figures the coverage report reads, kept with the marks (a declined line's earlier marks count on)
            existing.putAll(byLine);
            s.personTimes = (int) existing.values().stream().filter(PlanService::attended).count();
            Batch.reach(em, s.heldOn, s.schoolId, reach);
            Batch.marks(em, s.id, inserts, updates);
            return byLine.size();
        }, n -> new Audit(caller, AuditAction.UPDATE, "SchoolAttendance", Long.toString(sessionId), null,
                "考勤 " + n + " 人", null));
        return new Saved(saved);
    }

    /** Marks that count as attended in the figures (person-times, people reached): present or late. */
    static boolean attended(String mark) {
        return "PRESENT".equals(mark) || "LATE".equals(mark);
    }

    /** The roster lines of a class that take part (not declined), with their resident. */
    private static Map<Long, Long> residentsOf(javax.persistence.EntityManager em, long classId) {
        Map<Long, Long> m = new HashMap<>();
        for (Object[] r : em.createQuery("SELECT e.id, e.residentId FROM EnrolmentEntity e WHERE e.classId = :c "
                + "AND e.status <> 'DECLINED'", Object[].class).setParameter("c", classId).getResultList()) {
            m.put((Long) r[0], (Long) r[1]);
        }
        return m;
    }

    static Session dto(SessionEntity s) {
        return new Session(s.id, s.schoolId, s.planYear, s.classId, s.heldOn, s.topic, s.teacherId, s.targetGroup);
    }

    /** The roster lines of a class that take part (not declined). */
    public static Set<Long> rosterOf(javax.persistence.EntityManager em, long classId) {
        return new HashSet<>(em.createQuery("SELECT e.id FROM EnrolmentEntity e WHERE e.classId = :c "
                + "AND e.status <> 'DECLINED'", Long.class).setParameter("c", classId).getResultList());
    }

    /** ABSENT marks per roster line of a class: the roster's over-limit flag and graduation read them. */
    public static Map<Long, Long> absences(javax.persistence.EntityManager em, long classId) {
        Map<Long, Long> out = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT a.enrolmentId, COUNT(a) FROM AttendanceEntity a, EnrolmentEntity e "
                + "WHERE a.enrolmentId = e.id AND e.classId = :c AND a.mark = 'ABSENT' GROUP BY a.enrolmentId",
                Object[].class).setParameter("c", classId).getResultList()) {
            out.put((Long) row[0], ((Number) row[1]).longValue());
        }
        return out;
    }
}
