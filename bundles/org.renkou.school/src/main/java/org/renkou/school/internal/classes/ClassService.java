package org.renkou.school.internal.classes;

import static org.renkou.school.internal.Access.klass;
import static org.renkou.school.internal.Access.school;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Sex;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.resident.NameOrder;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.ResidentQuery;
import org.renkou.core.api.resident.ResidentRef;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.school.internal.Access;
import org.renkou.school.internal.Curriculum;
import org.renkou.school.internal.School;
import org.renkou.school.internal.SchoolDTO.EnrolResult;
import org.renkou.school.internal.SchoolDTO.Enrolment;
import org.renkou.school.internal.SchoolDTO.SchoolClass;
import org.renkou.school.internal.SchoolDatabase;
import org.renkou.school.internal.SchoolDatabase.Audit;
import org.renkou.school.internal.entities.classes.ClassEntity;
import org.renkou.school.internal.entities.classes.EnrolmentEntity;
import org.renkou.school.internal.entities.schools.CourseEntity;
import org.renkou.school.internal.entities.schools.SchoolEntity;
import org.renkou.school.internal.entities.schools.TeacherEntity;

/**
 * Classes (班次) and their rosters (花名册): residents enrolled one by one or by a target-group query over the
 * core's residents (the caller's reach applies: the core answers only residents the caller may see); a resident may
 * decline, nobody is penalised for it. Rosters refer to residents by id.
 */
@Component(service = ClassService.class, property = School.CONDITION)
public class ClassService {
    /** The most residents one group enrolment takes (a county-wide query is not a class). */
    static final int MAX_GROUP = 20_000;

    private final SchoolDatabase db;
    private final ResidentService residents;

    @Activate
    public ClassService(@Reference SchoolDatabase db, @Reference ResidentService residents) {
        this.db = db;
        this.residents = residents;
    }

    public List<SchoolClass> classes(Caller caller, long schoolId) {
        caller.require("查看班次", "read the classes", Access.READERS);
        return db.read(em -> {
            school(em, caller, schoolId, "schoolId");
            Map<Long, Long> counts = new HashMap<>();
            for (Object[] row : em.createQuery("SELECT e.classId, COUNT(e) FROM EnrolmentEntity e, ClassEntity c "
                    + "WHERE e.classId = c.id AND c.schoolId = :s AND e.status <> 'DECLINED' GROUP BY e.classId",
                    Object[].class).setParameter("s", schoolId).getResultList()) {
                counts.put((Long) row[0], ((Number) row[1]).longValue());
            }
            return em.createQuery("SELECT c FROM ClassEntity c WHERE c.schoolId = :s ORDER BY c.startsOn DESC, c.id",
                    ClassEntity.class).setParameter("s", schoolId).getResultList().stream()
                    .map(c -> dto(c, counts.getOrDefault(c.id, 0L))).toList();
        });
    }

    public SchoolClass classOf(Caller caller, long classId) {
        caller.require("查看班次", "read the classes", Access.READERS);
        return db.read(em -> {
            ClassEntity c = klass(em, caller, classId, "classId");
            return dto(c, em.createQuery("SELECT COUNT(e) FROM EnrolmentEntity e WHERE e.classId = :c "
                    + "AND e.status <> 'DECLINED'", Long.class).setParameter("c", c.id).getSingleResult());
        });
    }

    public SchoolClass createClass(Caller caller, long schoolId, SchoolClass in) {
        Input.body(in);
        ClassEntity c = new ClassEntity();
        c.name = Input.required(in.name(), "name", "班次名称", "name", 100);
        c.startsOn = Input.present(in.startsOn(), "startsOn", "开班日期", "start date");
        if (Math.abs(c.startsOn.getYear() - db.today().getYear()) > 1) {
            throw RenkouException.invalid("startsOn", "开班日期应在今年前后一年内。",
                    "The start date must lie within a year of this year.");
        }
        ClassEntity out = db.tx(em -> {
            SchoolEntity s = school(em, caller, schoolId, "schoolId");
            Access.requireTeacher(em, caller, s.id, "开设班次", "open classes");
            c.schoolId = s.id;
            c.courseId = ofSchool(em, CourseEntity.class, in.courseId(), s.id, "courseId", "课程", "course").id;
            c.teacherId = ofSchool(em, TeacherEntity.class, in.teacherId(), s.id, "teacherId", "教师", "teacher").id;
            em.persist(c);
            em.flush();
            return c;
        }, o -> new Audit(caller, AuditAction.CREATE, "SchoolClass", o.id.toString(), null, o.name, null));
        return dto(out, 0);
    }

    /** A course or teacher of the given school; 404 naming {@code field} otherwise (never another school's). */
    static <T> T ofSchool(EntityManager em, Class<T> type, Long id, long schoolId, String field, String zh, String en) {
        T t = id == null ? null : em.find(type, id);
        Long owner = t instanceof CourseEntity c ? c.schoolId : t instanceof TeacherEntity te ? te.schoolId : null;
        if (t == null || owner == null || owner != schoolId) {
            throw RenkouException.notFound(field, zh + " " + id + " 不存在或不属于本校。",
                    "The " + en + " " + id + " does not exist or is not this school's.");
        }
        return t;
    }

    // --- roster ----------------------------------------------------------------------------------------------

    public List<Enrolment> roster(Caller caller, long classId) {
        caller.require("查看花名册", "read a roster", Access.ROSTER);
        return db.read(em -> {
            ClassEntity c = klass(em, caller, classId, "classId");
            CourseEntity course = em.find(CourseEntity.class, c.courseId);
            Map<Long, Long> absences = PlanService.absences(em, c.id);
            // pinyin order (a code-point ORDER BY put 张 before 李); a class is small and read whole
            return NameOrder.sorted(em.createQuery("SELECT e FROM EnrolmentEntity e WHERE e.classId = :c ORDER BY e.id",
                    EnrolmentEntity.class).setParameter("c", c.id).getResultList().stream()
                    .map(e -> dto(e, absences.getOrDefault(e.id, 0L), course.maxAbsences)).toList(),
                    Enrolment::residentName);
        });
    }

    /** The classes a resident is (or was) on, for the resident's page; the resident must be visible to the caller. */
    public List<Enrolment> ofResident(Caller caller, long residentId) {
        caller.require("查看学员课程", "read a resident's courses", Access.ROSTER);
        visible(caller, residentId);
        return db.read(em -> em.createQuery("SELECT e FROM EnrolmentEntity e WHERE e.residentId = :r ORDER BY e.id",
                EnrolmentEntity.class).setParameter("r", residentId).getResultList().stream()
                .filter(e -> caller.covers(em.find(SchoolEntity.class,
                        em.find(ClassEntity.class, e.classId).schoolId).jurisdictionCode))
                .map(e -> dto(e, 0, Integer.MAX_VALUE)).toList());
    }

    public Enrolment enrol(Caller caller, long classId, Long residentId) {
        long id = Input.present(residentId, "residentId", "居民", "resident");
        ResidentDTO r = visible(caller, id);
        EnrolmentEntity out = db.tx(em -> {
            ClassEntity c = klass(em, caller, classId, "classId");
            Access.requireEnroller(em, caller, c.schoolId);
            if (!em.createQuery("SELECT e.id FROM EnrolmentEntity e WHERE e.classId = :c AND e.residentId = :r",
                    Long.class).setParameter("c", c.id).setParameter("r", id).getResultList().isEmpty()) {
                throw RenkouException.conflict("residentId", "该居民已在本班花名册中。",
                        "The resident is on this class's roster already.");
            }
            EnrolmentEntity e = enrolment(c.id, r.id, r.name, caller);
            em.persist(e);
            em.flush();
            return e;
        }, o -> new Audit(caller, AuditAction.CREATE, "SchoolEnrolment", o.id.toString(), null,
                "班次 " + classId + " 报名", null));
        return dto(out, 0, Integer.MAX_VALUE);
    }

    /**
     * Enrols the target group of the school's jurisdiction as the core finds it for this caller (its reach applies),
     * read in one pass through {@link ResidentService#matches} and written as one batch in one transaction;
     * residents on the roster already (declined ones too) are left as they are.
     */
    public EnrolResult enrolGroup(Caller caller, long classId, String group) {
        String g = Curriculum.oneOf(group, Curriculum.GROUPS.keySet(), "targetGroup", "目标人群", "target group");
        String code = db.read(em -> {
            ClassEntity c = klass(em, caller, classId, "classId");
            Access.requireEnroller(em, caller, c.schoolId);
            return em.find(SchoolEntity.class, c.schoolId).jurisdictionCode;
        });
        LocalDate today = db.today();
        ResidentQuery q = new ResidentQuery();
        q.jurisdictionCode = code;
        if (g.equals("WOMEN_15_49")) {
            q.sex = Sex.FEMALE;
            q.bornFrom = today.minusYears(50).plusDays(1);
            q.bornTo = today.minusYears(15);
        } else {
            q.marriedFrom = today.withDayOfYear(1);
            q.marriedTo = today;
        }
        // id, name and residence of the whole group in one pass (not pages of full records, each sorted and counted)
        List<ResidentRef> found = residents.matches(caller, q, MAX_GROUP);
        if (found.size() > MAX_GROUP) {
            throw RenkouException.invalid("targetGroup", "目标人群超过 " + MAX_GROUP + " 人，请按社区分班。",
                    "The target group has more than " + MAX_GROUP + " people; enrol by community.");
        }
        int[] added = new int[1];
        db.tx(em -> {
            ClassEntity c = klass(em, caller, classId, "classId");
            Set<Long> on = new HashSet<>(em.createQuery("SELECT e.residentId FROM EnrolmentEntity e "
                    + "WHERE e.classId = :c", Long.class).setParameter("c", c.id).getResultList());
            List<Batch.Line> lines = new ArrayList<>();
            for (ResidentRef r : found) {
                if (on.add(r.id())) {
                    lines.add(new Batch.Line(c.id, r.id(), r.name() == null ? "" : r.name()));
                }
            }
            Batch.enrolments(em, lines, db.today(), caller.username());
            added[0] = lines.size();
            return c;
        }, o -> new Audit(caller, AuditAction.CREATE, "SchoolEnrolment", "class " + classId, code,
                "按目标人群报名 " + g + "：" + added[0] + " 人", null));
        return new EnrolResult(found.size(), added[0], found.size() - added[0]);
    }

    /** The resident said no (自愿参加): kept on the roster as DECLINED, with the reason they gave if any. */
    public Enrolment decline(Caller caller, long enrolmentId, String reason) {
        String why = Input.optional(reason, "reason", "原因", "reason", 200);
        EnrolmentEntity out = db.tx(em -> {
            EnrolmentEntity e = Access.enrolment(em, caller, enrolmentId, "enrolmentId");
            Access.requireEnroller(em, caller, em.find(ClassEntity.class, e.classId).schoolId);
            if (e.status.equals("GRADUATED")) {
                throw RenkouException.conflict("enrolmentId", "已结业的学员不能改为不参加。",
                        "A graduate cannot be marked as declined.");
            }
            e.status = "DECLINED";
            e.declineReason = why;
            em.flush();
            return e;
        }, o -> new Audit(caller, AuditAction.UPDATE, "SchoolEnrolment", o.id.toString(), null, "不参加", null));
        return dto(out, 0, Integer.MAX_VALUE);
    }

    private EnrolmentEntity enrolment(long classId, long residentId, String name, Caller caller) {
        EnrolmentEntity e = new EnrolmentEntity();
        e.classId = classId;
        e.residentId = residentId;
        e.residentName = name == null ? "" : name;
        e.status = "ENROLLED";
        e.enrolledOn = db.today();
        e.enrolledBy = caller.username();
        return e;
    }

    /** The resident as the core shows them to the caller; 404 naming {@code residentId} otherwise. */
    private ResidentDTO visible(Caller caller, long residentId) {
        RenkouException missing = RenkouException.notFound("residentId", "居民 " + residentId + " 不存在或不在您的辖区内。",
                "Resident " + residentId + " does not exist or lies outside your jurisdiction.");
        try {
            return residents.find(caller, residentId).orElseThrow(() -> missing);
        } catch (RenkouException e) {
            throw e.kind() == RenkouException.Kind.NOT_FOUND ? missing : e;
        }
    }

    static SchoolClass dto(ClassEntity c, long enrolled) {
        return new SchoolClass(c.id, c.schoolId, c.courseId, c.teacherId, c.name, c.startsOn, enrolled, c.version);
    }

    static Enrolment dto(EnrolmentEntity e, long absences, int allowed) {
        return new Enrolment(e.id, e.classId, e.residentId, e.residentName, e.status, e.enrolledOn, e.declineReason,
                e.graduatedOn, e.certificateCode, absences, absences > allowed);
    }
}
