package org.renkou.school.internal;

import javax.persistence.EntityManager;

import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.school.internal.entities.classes.ClassEntity;
import org.renkou.school.internal.entities.classes.EnrolmentEntity;
import org.renkou.school.internal.entities.classes.SessionEntity;
import org.renkou.school.internal.entities.exams.ExamEntity;
import org.renkou.school.internal.entities.schools.SchoolEntity;

/**
 * Who may do what at which school. Every id — in a path or a body — goes through the same reach rule as a direct
 * read: a record of a school outside the caller's jurisdictions answers 404, exactly as a missing one.
 * A TEACHER runs the classes of the school that lists them as its teacher; a DIRECTOR does everything in the
 * jurisdiction; a FAMILY_SERVICES officer may enrol residents of the jurisdiction.
 */
public final class Access {
    /** Who may read the school's lists (schools, courses, plan, classes). */
    public static final Role[] READERS = {Role.DIRECTOR, Role.ADMIN, Role.TEACHER, Role.FAMILY_SERVICES, Role.STATISTICIAN};
    /** Who may read a roster (names of residents). */
    public static final Role[] ROSTER = {Role.DIRECTOR, Role.ADMIN, Role.TEACHER, Role.FAMILY_SERVICES};

    private Access() {
    }

    public static SchoolEntity school(EntityManager em, Caller caller, Long id, String field) {
        SchoolEntity s = id == null ? null : em.find(SchoolEntity.class, id);
        if (s == null || !caller.covers(s.jurisdictionCode)) {
            throw RenkouException.notFound(field, "人口学校 " + id + " 不存在或不在您的辖区内。",
                    "School " + id + " does not exist or lies outside your jurisdiction.");
        }
        return s;
    }

    public static ClassEntity klass(EntityManager em, Caller caller, Long id, String field) {
        ClassEntity c = id == null ? null : em.find(ClassEntity.class, id);
        if (c == null || !caller.covers(em.find(SchoolEntity.class, c.schoolId).jurisdictionCode)) {
            throw RenkouException.notFound(field, "班次 " + id + " 不存在或不在您的辖区内。",
                    "Class " + id + " does not exist or lies outside your jurisdiction.");
        }
        return c;
    }

    public static SessionEntity session(EntityManager em, Caller caller, Long id, String field) {
        SessionEntity s = id == null ? null : em.find(SessionEntity.class, id);
        if (s == null || !caller.covers(em.find(SchoolEntity.class, s.schoolId).jurisdictionCode)) {
            throw RenkouException.notFound(field, "课时 " + id + " 不存在或不在您的辖区内。",
                    "Session " + id + " does not exist or lies outside your jurisdiction.");
        }
        return s;
    }

    public static ExamEntity exam(EntityManager em, Caller caller, Long id, String field) {
        ExamEntity e = id == null ? null : em.find(ExamEntity.class, id);
        if (e == null) {
            throw RenkouException.notFound(field, "考试 " + id + " 不存在或不在您的辖区内。",
                    "Exam " + id + " does not exist or lies outside your jurisdiction.");
        }
        klass(em, caller, e.classId, field);
        return e;
    }

    public static EnrolmentEntity enrolment(EntityManager em, Caller caller, Long id, String field) {
        EnrolmentEntity e = id == null ? null : em.find(EnrolmentEntity.class, id);
        if (e == null) {
            throw RenkouException.notFound(field, "学员 " + id + " 不存在或不在您的辖区内。",
                    "Roster line " + id + " does not exist or lies outside your jurisdiction.");
        }
        klass(em, caller, e.classId, field);
        return e;
    }

    /** Whether the caller is listed as a TEACHER of this school. */
    public static boolean teaches(EntityManager em, Caller caller, long schoolId) {
        return caller.has(Role.TEACHER) && !em.createQuery("SELECT t.id FROM TeacherEntity t WHERE t.schoolId = :s "
                + "AND t.username = :u", Long.class).setParameter("s", schoolId).setParameter("u", caller.username())
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** A director of the jurisdiction, or a teacher of this school; else 403. */
    public static void requireTeacher(EntityManager em, Caller caller, long schoolId, String zh, String en) {
        if (!caller.has(Role.DIRECTOR) && !teaches(em, caller, schoolId)) {
            throw RenkouException.forbidden("您的岗位无权" + zh + "（仅本校教师或主任）。",
                    "Your role does not allow you to " + en + " (teachers of this school or a director only).");
        }
    }

    /** {@link #requireTeacher}, or a family-services officer (who may enrol residents of the jurisdiction). */
    public static void requireEnroller(EntityManager em, Caller caller, long schoolId) {
        if (!caller.hasAny(Role.DIRECTOR, Role.FAMILY_SERVICES) && !teaches(em, caller, schoolId)) {
            throw RenkouException.forbidden("您的岗位无权为人口学校报名。",
                    "Your role does not allow you to enrol residents in the school.");
        }
    }
}
