package org.renkou.school.internal.exams;

import static org.renkou.school.internal.Access.klass;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.resident.NameOrder;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.school.internal.Access;
import org.renkou.school.internal.Curriculum;
import org.renkou.school.internal.School;
import org.renkou.school.internal.SchoolDTO.Exam;
import org.renkou.school.internal.SchoolDTO.Graduation;
import org.renkou.school.internal.SchoolDTO.ResidentCourse;
import org.renkou.school.internal.SchoolDTO.Result;
import org.renkou.school.internal.SchoolDTO.Saved;
import org.renkou.school.internal.SchoolDTO.Score;
import org.renkou.school.internal.SchoolDatabase;
import org.renkou.school.internal.SchoolDatabase.Audit;
import org.renkou.school.internal.classes.PlanService;
import org.renkou.school.internal.entities.classes.ClassEntity;
import org.renkou.school.internal.entities.classes.EnrolmentEntity;
import org.renkou.school.internal.entities.exams.ExamEntity;
import org.renkou.school.internal.entities.exams.ResultEntity;
import org.renkou.school.internal.entities.schools.CourseEntity;
import org.renkou.school.internal.entities.schools.SchoolEntity;

/**
 * Exams after each class (每班次学习结束后), make-up exams (补考) within the course's limit of attempts, and
 * graduation (结业): only with attendance within the course's limit and a passed exam. Scores are sensitive: read
 * only by the class's teacher (or the director) and by the person's office, each read audited with its reason;
 * the audit log never holds a score.
 */
@Component(service = ExamService.class, property = School.CONDITION)
public class ExamService {
    private final SchoolDatabase db;
    private final ResidentService residents;

    @Activate
    public ExamService(@Reference SchoolDatabase db, @Reference ResidentService residents) {
        this.db = db;
        this.residents = residents;
    }

    public List<Exam> exams(Caller caller, long classId) {
        caller.require("查看考试", "read exams", Access.READERS);
        return db.read(em -> {
            klass(em, caller, classId, "classId");
            return em.createQuery("SELECT e FROM ExamEntity e WHERE e.classId = :c ORDER BY e.attempt",
                    ExamEntity.class).setParameter("c", classId).getResultList().stream().map(ExamService::dto).toList();
        });
    }

    public Exam createExam(Caller caller, long classId, Exam in) {
        Input.body(in);
        LocalDate on = Input.present(in.heldOn(), "heldOn", "考试日期", "exam date");
        if (Math.abs(on.getYear() - db.today().getYear()) > 1) {
            throw RenkouException.invalid("heldOn", "考试日期应在今年前后一年内。", "The exam date must lie within a year of this year.");
        }
        boolean makeUp = Boolean.TRUE.equals(in.makeUp());
        ExamEntity out = db.tx(em -> {
            ClassEntity c = klass(em, caller, classId, "classId");
            Access.requireTeacher(em, caller, c.schoolId, "安排考试", "hold exams");
            int last = em.createQuery("SELECT COALESCE(MAX(e.attempt), 0) FROM ExamEntity e WHERE e.classId = :c",
                    Integer.class).setParameter("c", c.id).getSingleResult();
            if (!makeUp && last > 0) {
                throw RenkouException.conflict("makeUp", "本班已考试，请安排补考。", "This class had its exam; hold a make-up.");
            }
            if (makeUp && last == 0) {
                throw RenkouException.invalid("makeUp", "本班尚未考试，不能补考。", "This class has had no exam to make up.");
            }
            if (last >= em.find(CourseEntity.class, c.courseId).maxAttempts) {
                throw RenkouException.invalid("makeUp", "考试次数已达课程上限。", "The course's limit of attempts is reached.");
            }
            ExamEntity e = new ExamEntity();
            e.classId = c.id;
            e.attempt = last + 1;
            e.heldOn = on;
            em.persist(e);
            em.flush();
            return e;
        }, o -> new Audit(caller, AuditAction.CREATE, "SchoolExam", o.id.toString(), null,
                (o.attempt > 1 ? "补考 " : "考试 ") + o.heldOn, null));
        return dto(out);
    }

    /**
     * Enters scores (0–100) of one exam, all or none. A make-up takes only those who have not passed and still have
     * an attempt left; a score given again for the same exam replaces the earlier one.
     */
    public Saved saveScores(Caller caller, long examId, List<Score> scores) {
        if (scores == null || scores.isEmpty()) {
            throw RenkouException.invalid("scores", "请至少录入一个成绩。", "Enter at least one score.");
        }
        if (scores.size() > PlanService.MAX_MARKS) {
            throw RenkouException.invalid("scores", "一次最多录入 " + PlanService.MAX_MARKS + " 个成绩。",
                    "At most " + PlanService.MAX_MARKS + " scores a request.");
        }
        Map<Long, Integer> byLine = new HashMap<>();
        for (int i = 0; i < scores.size(); i++) {
            Score s = scores.get(i);
            String f = "scores[" + i + "]";
            if (s == null) {
                throw RenkouException.invalid(f, "成绩为空。", "The score is empty.");
            }
            Long line = Input.present(s.enrolmentId(), f + ".enrolmentId", "学员", "roster line");
            int score = Curriculum.range(s.score(), 0, 100, f + ".score", "成绩", "score");
            if (byLine.put(line, score) != null) {
                throw RenkouException.invalid(f + ".enrolmentId", "同一学员出现了两次。", "The same person appears twice.");
            }
        }
        int saved = db.tx(em -> {
            ExamEntity exam = Access.exam(em, caller, examId, "examId");
            ClassEntity c = em.find(ClassEntity.class, exam.classId);
            Access.requireTeacher(em, caller, c.schoolId, "录入成绩", "enter scores");
            CourseEntity course = em.find(CourseEntity.class, c.courseId);
            List<Long> lines = scores.stream().map(Score::enrolmentId).toList();
            Map<Long, ResultEntity> existing = checkLines(em, exam, c, course, lines,
                    i -> "scores[" + i + "].enrolmentId");
            putScores(em, exam, course, existing, byLine);
            return byLine.size();
        }, n -> new Audit(caller, AuditAction.UPDATE, "SchoolExam", Long.toString(examId), null,
                "录入成绩 " + n + " 人", null)); // never the scores themselves
        return new Saved(saved);
    }

    /** The scores of one exam, for the class's teacher or a director of the school's jurisdiction; audited. */
    public List<Result> results(Caller caller, long examId, String reason) {
        String why = Input.required(reason, "reason", "查看理由", "reason", 500);
        return db.tx(em -> {
            ExamEntity exam = Access.exam(em, caller, examId, "examId");
            ClassEntity c = em.find(ClassEntity.class, exam.classId);
            Access.requireTeacher(em, caller, c.schoolId, "查看成绩", "read scores");
            return NameOrder.sorted(em.createQuery("SELECT r, e FROM ResultEntity r, EnrolmentEntity e WHERE "
                    + "r.enrolmentId = e.id AND r.examId = :x ORDER BY e.id", Object[].class).setParameter("x", exam.id)
                    .getResultList().stream().map(row -> dto((ResultEntity) row[0], (EnrolmentEntity) row[1],
                            exam.attempt)).toList(), Result::residentName);
        }, o -> new Audit(caller, AuditAction.READ_SENSITIVE, "SchoolExamResults", Long.toString(examId), null,
                "查看成绩 " + o.size() + " 人", why));
    }

    /**
     * A person's scores: the teacher of the class (or a director there) sees those of the school's classes, the
     * person's office (director or family-services officer to whom the core shows the resident) sees all; every
     * read audited with its reason.
     */
    public List<Result> resultsOf(Caller caller, long residentId, String reason) {
        caller.require("查看学员成绩", "read a person's scores", Role.TEACHER, Role.DIRECTOR, Role.FAMILY_SERVICES);
        String why = Input.required(reason, "reason", "查看理由", "reason", 500);
        boolean office = caller.hasAny(Role.DIRECTOR, Role.FAMILY_SERVICES) && visible(caller, residentId);
        return db.tx(em -> {
            List<Result> out = new ArrayList<>();
            boolean any = false;
            for (EnrolmentEntity e : em.createQuery("SELECT e FROM EnrolmentEntity e WHERE e.residentId = :r",
                    EnrolmentEntity.class).setParameter("r", residentId).getResultList()) {
                ClassEntity c = em.find(ClassEntity.class, e.classId);
                SchoolEntity s = em.find(SchoolEntity.class, c.schoolId);
                if (!office && !(caller.covers(s.jurisdictionCode) && (Access.teaches(em, caller, s.id)
                        || caller.has(Role.DIRECTOR)))) {
                    continue;
                }
                any = true;
                for (Object[] row : em.createQuery("SELECT r, x.attempt FROM ResultEntity r, ExamEntity x "
                        + "WHERE r.examId = x.id AND r.enrolmentId = :e ORDER BY x.attempt", Object[].class)
                        .setParameter("e", e.id).getResultList()) {
                    out.add(dto((ResultEntity) row[0], e, (Integer) row[1]));
                }
            }
            if (!office && !any) {
                throw RenkouException.notFound("residentId", "居民 " + residentId + " 不存在或不在您的辖区内。",
                        "Resident " + residentId + " does not exist or lies outside your jurisdiction.");
            }
            return out;
        }, o -> new Audit(caller, AuditAction.READ_SENSITIVE, "SchoolResults", Long.toString(residentId), null,
                "查看成绩 " + o.size() + " 条", why));
    }

    /**
     * The panel on a resident's page (居民课程): the person's classes with course, school, status and attendance —
     * those of schools in the caller's reach, and all of them for the person's office (a director or family-services
     * officer to whom the core shows the resident; the resident passes the core's reach rule first, 404 alike).
     * Without a reason nothing about exams; with one, whether each class's exam was passed and the best score, for
     * the classes whose scores the caller may read as in {@link #resultsOf} — an audited read in the same
     * transaction.
     */
    public List<ResidentCourse> courses(Caller caller, long residentId, String reason) {
        caller.require("查看学员课程", "read a resident's courses", Access.ROSTER);
        String why = reason == null ? null : Input.required(reason, "reason", "查看理由", "reason", 500);
        if (why != null) {
            caller.require("查看学员成绩", "read a person's scores", Role.TEACHER, Role.DIRECTOR, Role.FAMILY_SERVICES);
        }
        if (!visible(caller, residentId)) {
            throw RenkouException.notFound("residentId", "居民 " + residentId + " 不存在或不在您的辖区内。",
                    "Resident " + residentId + " does not exist or lies outside your jurisdiction.");
        }
        boolean office = caller.hasAny(Role.DIRECTOR, Role.FAMILY_SERVICES);
        java.util.function.Function<EntityManager, List<ResidentCourse>> work = em -> {
            List<ResidentCourse> out = new ArrayList<>();
            for (EnrolmentEntity e : em.createQuery("SELECT e FROM EnrolmentEntity e WHERE e.residentId = :r "
                    + "ORDER BY e.enrolledOn DESC, e.id DESC", EnrolmentEntity.class).setParameter("r", residentId)
                    .getResultList()) {
                ClassEntity c = em.find(ClassEntity.class, e.classId);
                SchoolEntity s = em.find(SchoolEntity.class, c.schoolId);
                if (!office && !caller.covers(s.jurisdictionCode)) {
                    continue;
                }
                long sessions = em.createQuery("SELECT COUNT(s) FROM SessionEntity s WHERE s.classId = :c "
                        + "AND s.heldOn <= :t", Long.class).setParameter("c", c.id).setParameter("t", db.today())
                        .getSingleResult();
                long attended = 0;
                long absent = 0;
                for (Object[] m : em.createQuery("SELECT a.mark, COUNT(a) FROM AttendanceEntity a "
                        + "WHERE a.enrolmentId = :e GROUP BY a.mark", Object[].class).setParameter("e", e.id)
                        .getResultList()) {
                    long n = ((Number) m[1]).longValue();
                    attended += "PRESENT".equals(m[0]) || "LATE".equals(m[0]) ? n : 0;
                    absent += "ABSENT".equals(m[0]) ? n : 0;
                }
                String exam = null;
                Integer best = null;
                if (why != null && (office || caller.covers(s.jurisdictionCode) && (Access.teaches(em, caller, s.id)
                        || caller.has(Role.DIRECTOR)))) {
                    exam = "NONE";
                    for (ResultEntity r : em.createQuery("SELECT r FROM ResultEntity r WHERE r.enrolmentId = :e",
                            ResultEntity.class).setParameter("e", e.id).getResultList()) {
                        best = best == null ? r.score : Math.max(best, r.score);
                        exam = r.passed || "PASSED".equals(exam) ? "PASSED" : "FAILED";
                    }
                }
                out.add(new ResidentCourse(e.id, c.id, c.name, em.find(CourseEntity.class, c.courseId).title, s.name,
                        e.status, e.enrolledOn, e.graduatedOn, e.declineReason, sessions, attended, absent, exam,
                        best));
            }
            return out;
        };
        if (why == null) {
            return db.read(work);
        }
        return db.tx(work, o -> new Audit(caller, AuditAction.READ_SENSITIVE, "SchoolResults",
                Long.toString(residentId), null, "查看课程成绩 " + o.stream().filter(x -> x.exam() != null).count()
                        + " 个班次", why)); // never the scores themselves
    }

    /** 结业: every enrolled line with absences within the course's limit and a passed exam graduates today. */
    public Graduation graduate(Caller caller, long classId) {
        int[] counts = new int[2];
        db.tx(em -> {
            ClassEntity c = klass(em, caller, classId, "classId");
            Access.requireTeacher(em, caller, c.schoolId, "办理结业", "graduate a class");
            CourseEntity course = em.find(CourseEntity.class, c.courseId);
            Set<Long> passed = new HashSet<>(em.createQuery("SELECT DISTINCT r.enrolmentId FROM ResultEntity r, "
                    + "ExamEntity x WHERE r.examId = x.id AND x.classId = :c AND r.passed = TRUE", Long.class)
                    .setParameter("c", c.id).getResultList());
            Map<Long, Long> absences = PlanService.absences(em, c.id);
            for (EnrolmentEntity e : em.createQuery("SELECT e FROM EnrolmentEntity e WHERE e.classId = :c "
                    + "AND e.status = 'ENROLLED'", EnrolmentEntity.class).setParameter("c", c.id).getResultList()) {
                if (passed.contains(e.id) && absences.getOrDefault(e.id, 0L) <= course.maxAbsences) {
                    e.status = "GRADUATED";
                    e.graduatedOn = db.today();
                    e.certificateCode = Certificates.newCode();
                    counts[0]++;
                } else {
                    counts[1]++;
                }
            }
            return c;
        }, o -> new Audit(caller, AuditAction.UPDATE, "SchoolClass", Long.toString(classId), null,
                "结业 " + counts[0] + " 人", null));
        return new Graduation(counts[0], counts[1]);
    }

    /**
     * Checks that each roster line may take this exam: on the class's roster, not passed in an earlier attempt, an
     * attempt left (400 naming {@code field.apply(i)}); answers this exam's results so far by roster line.
     */
    static Map<Long, ResultEntity> checkLines(EntityManager em, ExamEntity exam, ClassEntity c, CourseEntity course,
            List<Long> lines, IntFunction<String> field) {
        Set<Long> roster = PlanService.rosterOf(em, c.id);
        Map<Long, ResultEntity> existing = new HashMap<>();
        Map<Long, Integer> attempts = new HashMap<>();
        Set<Long> passedBefore = new HashSet<>();
        for (Object[] row : em.createQuery("SELECT r, x.id FROM ResultEntity r, ExamEntity x WHERE r.examId = x.id "
                + "AND x.classId = :c", Object[].class).setParameter("c", c.id).getResultList()) {
            ResultEntity r = (ResultEntity) row[0];
            if (r.examId.equals(exam.id)) {
                existing.put(r.enrolmentId, r);
            } else {
                attempts.merge(r.enrolmentId, 1, Integer::sum);
                if (r.passed) {
                    passedBefore.add(r.enrolmentId);
                }
            }
        }
        for (int i = 0; i < lines.size(); i++) {
            Long line = lines.get(i);
            String f = field.apply(i);
            if (!roster.contains(line)) {
                throw RenkouException.invalid(f, "学员 " + line + " 不在本班花名册中。",
                        "Roster line " + line + " is not on this class's roster.");
            }
            if (passedBefore.contains(line)) {
                throw RenkouException.invalid(f, "学员 " + line + " 已通过考试，无需补考。",
                        "Roster line " + line + " has passed already: no make-up.");
            }
            if (attempts.getOrDefault(line, 0) + 1 > course.maxAttempts) {
                throw RenkouException.invalid(f, "学员 " + line + " 的考试次数已用完（上限 " + course.maxAttempts + " 次）。",
                        "Roster line " + line + " has used all " + course.maxAttempts + " attempts.");
            }
        }
        return existing;
    }

    /** Writes checked scores of one exam (a score given again replaces the earlier one); passed by the course. */
    static void putScores(EntityManager em, ExamEntity exam, CourseEntity course, Map<Long, ResultEntity> existing,
            Map<Long, Integer> byLine) {
        for (Map.Entry<Long, Integer> s : byLine.entrySet()) {
            ResultEntity r = existing.get(s.getKey());
            if (r == null) {
                r = new ResultEntity();
                r.examId = exam.id;
                r.enrolmentId = s.getKey();
                em.persist(r);
            }
            r.score = s.getValue();
            r.passed = s.getValue() >= course.passMark;
        }
    }

    private boolean visible(Caller caller, long residentId) {
        try {
            return residents.find(caller, residentId).isPresent();
        } catch (RenkouException e) {
            if (e.kind() == RenkouException.Kind.NOT_FOUND) {
                return false;
            }
            throw e;
        }
    }

    static Exam dto(ExamEntity e) {
        return new Exam(e.id, e.classId, e.attempt, e.heldOn, e.attempt > 1);
    }

    static Result dto(ResultEntity r, EnrolmentEntity e, int attempt) {
        return new Result(r.examId, attempt, e.id, e.residentId, e.residentName, r.score, r.passed);
    }
}
