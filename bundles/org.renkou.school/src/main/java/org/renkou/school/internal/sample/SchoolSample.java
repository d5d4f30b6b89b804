package org.renkou.school.internal.sample;

import java.time.LocalDate;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Sex;
import org.renkou.core.api.resident.ResidentQuery;
import org.renkou.core.api.resident.ResidentRef;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.core.api.sample.SampleData;
import org.renkou.school.internal.School;
import org.renkou.school.internal.SchoolDTO.Course;
import org.renkou.school.internal.SchoolDTO.Enrolment;
import org.renkou.school.internal.SchoolDTO.Equipment;
import org.renkou.school.internal.SchoolDTO.Exam;
import org.renkou.school.internal.SchoolDTO.Graduation;
import org.renkou.school.internal.SchoolDTO.Mark;
import org.renkou.school.internal.SchoolDTO.SchoolClass;
import org.renkou.school.internal.SchoolDTO.SchoolIn;
import org.renkou.school.internal.SchoolDTO.Score;
import org.renkou.school.internal.SchoolDTO.Session;
import org.renkou.school.internal.SchoolDTO.Teacher;
import org.renkou.school.internal.SchoolDatabase;
import org.renkou.school.internal.classes.ClassService;
import org.renkou.school.internal.classes.PlanService;
import org.renkou.school.internal.exams.ExamService;
import org.renkou.school.internal.schools.SchoolService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The school's part of the living sample (示例人口学校): when the core has loaded the living sample into a new
 * database ({@link SampleData} with mode {@code living}) and no school exists yet, a school in the first sample
 * community with an outside lecturer, a course, the year's plan (two sessions held, one to come), a class of up to
 * three sample women aged 15–49 — the first fails the exam and passes the make-up and graduates with her
 * certificate's code, the second passes but missed both sessions (over the absence limit: not graduated), the third
 * declined — through the school's own services, as the platform ({@link Caller#SYSTEM}), every name marked 示例.
 *
 * <p>Once per database, as the warehouse's sample: a restart gets no {@code SampleData} service, and switching the
 * module off and on during the first run finds the school there.
 */
@Component(property = School.CONDITION)
public class SchoolSample {
    private static final Logger LOG = LoggerFactory.getLogger(SchoolSample.class);
    private static final Caller SYSTEM = Caller.SYSTEM;

    private final SchoolService schools;
    private final ClassService classes;
    private final PlanService plans;
    private final ExamService exams;
    private final ResidentService residents;
    private final SchoolDatabase db;

    @Activate
    public SchoolSample(@Reference SchoolService schools, @Reference ClassService classes,
            @Reference PlanService plans, @Reference ExamService exams, @Reference ResidentService residents,
            @Reference SchoolDatabase db) {
        this.schools = schools;
        this.classes = classes;
        this.plans = plans;
        this.exams = exams;
        this.residents = residents;
        this.db = db;
    }

    /** The core's hook: optional, so that the module runs fully without it (every start but a first one). */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(" + SampleData.MODE + "=living)")
    public synchronized void setSample(SampleData sample) {
        try {
            if (!schools.schools(SYSTEM).isEmpty() || sample.communities().isEmpty()) {
                return;
            }
            String community = sample.communities().get(0);
            ResidentQuery women = new ResidentQuery(); // 育龄妇女 of the community
            women.jurisdictionCode = community;
            women.sex = Sex.FEMALE;
            women.bornFrom = db.today().minusYears(50).plusDays(1);
            women.bornTo = db.today().minusYears(15);
            // matches answers up to max + 1
            List<Long> class1 = residents.matches(SYSTEM, women, 3).stream().limit(3).map(ResidentRef::id).toList();
            load(community, class1, db.today());
        } catch (RenkouException e) {
            // a second node loading at the same moment: its school is there (one school per jurisdiction)
            LOG.warn("School sample not loaded: {}", e.getMessage());
        }
    }

    void unsetSample(SampleData sample) {
        // nothing to undo: the sample stays like any data
    }

    /** Loads the sample school into {@code community}; {@code women} (up to three) make its class. */
    SchoolIn load(String community, List<Long> women, LocalDate today) {
        SchoolIn school = schools.createSchool(SYSTEM, new SchoolIn(null, "示例一社区人口学校（示例）", community, null,
                "社区服务中心二楼多功能室（示例）", null));
        long id = school.id();
        schools.saveEquipment(SYSTEM, id, new Equipment(null, id, "投影仪（示例）", "EQUIPMENT", 1, "GOOD", "刘专干（示例）",
                today.minusDays(40), null));
        long teacher = schools.addTeacher(SYSTEM, id, new Teacher(null, id, null, "王医生（示例）", "示例妇幼保健院",
                null)).id();
        long course = schools.createCourse(SYSTEM, id, new Course(null, id, "孕前优生健康教育（示例）",
                List.of("NEWLY_MARRIED", "PREGNANCY"), "HEALTHY_BIRTH", 4, 60, 1, 2, null)).id();
        long klass = classes.createClass(SYSTEM, id, new SchoolClass(null, id, course, teacher, "示例一期",
                today.minusDays(30), null, null)).id();
        // the year's plan: two lessons of the class held, a talk for all to come
        long first = plans.addSession(SYSTEM, id, new Session(null, id, null, klass, today.minusDays(21),
                "孕前优生与孕前检查（示例）", teacher, "新婚夫妇")).id();
        long second = plans.addSession(SYSTEM, id, new Session(null, id, null, klass, today.minusDays(14),
                "孕产期保健（示例）", teacher, "新婚夫妇")).id();
        plans.addSession(SYSTEM, id, new Session(null, id, null, null, today.plusDays(20), "避孕方法的知情选择（示例）",
                teacher, "育龄妇女"));
        List<Enrolment> lines = women.stream().map(r -> classes.enrol(SYSTEM, klass, r)).toList();
        if (lines.isEmpty()) {
            return school;
        }
        Enrolment graduate = lines.get(0);
        Enrolment absent = lines.size() > 1 ? lines.get(1) : null;
        if (lines.size() > 2) {
            classes.decline(SYSTEM, lines.get(2).id(), "工作时间冲突（示例）");
        }
        for (long session : List.of(first, second)) {
            plans.saveAttendance(SYSTEM, session, absent == null ? List.of(new Mark(graduate.id(), "PRESENT"))
                    : List.of(new Mark(graduate.id(), "PRESENT"), new Mark(absent.id(), "ABSENT")));
        }
        long exam = exams.createExam(SYSTEM, klass, new Exam(null, klass, null, today.minusDays(10), false)).id();
        exams.saveScores(SYSTEM, exam, absent == null ? List.of(new Score(graduate.id(), 52))
                : List.of(new Score(graduate.id(), 52), new Score(absent.id(), 85)));
        long makeUp = exams.createExam(SYSTEM, klass, new Exam(null, klass, null, today.minusDays(3), true)).id();
        exams.saveScores(SYSTEM, makeUp, List.of(new Score(graduate.id(), 78)));
        Graduation g = exams.graduate(SYSTEM, klass);
        LOG.info("Loaded the school sample: school {} in {}, a class of {} ({} graduated, {} not yet)", id, community,
                lines.size(), g.graduated(), g.notYet());
        return school;
    }
}
