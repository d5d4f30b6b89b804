package org.renkou.school.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renkou.school.internal.TestSchool.COMMUNITY;
import static org.renkou.school.internal.TestSchool.DIRECTOR;
import static org.renkou.school.internal.TestSchool.OFFICER;
import static org.renkou.school.internal.TestSchool.OTHER;
import static org.renkou.school.internal.TestSchool.OTHER_OFFICER;
import static org.renkou.school.internal.TestSchool.OTHER_TEACHER;
import static org.renkou.school.internal.TestSchool.STATISTICIAN;
import static org.renkou.school.internal.TestSchool.TEACHER;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.RenkouException;
import org.renkou.school.internal.SchoolDTO.Course;
import org.renkou.school.internal.SchoolDTO.Enrolment;
import org.renkou.school.internal.SchoolDTO.Exam;
import org.renkou.school.internal.SchoolDTO.Mark;
import org.renkou.school.internal.SchoolDTO.ResidentCourse;
import org.renkou.school.internal.SchoolDTO.SchoolClass;
import org.renkou.school.internal.SchoolDTO.SchoolIn;
import org.renkou.school.internal.SchoolDTO.Score;
import org.renkou.school.internal.SchoolDTO.Session;
import org.renkou.school.internal.SchoolDTO.Teacher;

/**
 * {@code GET residents/{id}/courses}, the panel on the resident's page: the person's classes with attendance for
 * whoever reads rosters there; the exam's outcome only with a reason, for the teacher and the person's office, audited;
 * the resident id passes the core's reach rule (404 alike).
 */
class ResidentCoursesTest {
    private static final org.renkou.core.api.Caller ADMIN_ALL =
            TestSchool.caller("admin", org.renkou.core.api.Role.ADMIN, "");
    private TestSchool s;
    private long resident;
    private long klass;
    private long declined;
    private long exam;

    @BeforeEach
    void setUp() {
        s = new TestSchool();
        long school = s.schools.createSchool(DIRECTOR, new SchoolIn(null, "一社区人口学校", COMMUNITY, null, null, null)).id();
        long teacher = s.schools.addTeacher(DIRECTOR, school, new Teacher(null, null, "teacher", null, null, null)).id();
        long course = s.schools.createCourse(TEACHER, school, new Course(null, null, "新婚期保健", List.of("NEWLY_MARRIED"),
                "HEALTHY_BIRTH", 4, 60, 1, 2, null)).id();
        klass = s.classes.createClass(TEACHER, school, new SchoolClass(null, null, course, teacher, "七月班",
                LocalDate.of(2026, 7, 1), null, null)).id();
        declined = s.classes.createClass(TEACHER, school, new SchoolClass(null, null, course, teacher, "九月班",
                LocalDate.of(2026, 9, 1), null, null)).id();
        resident = s.residents(1, COMMUNITY, true).get(0);
        Enrolment e = s.classes.enrol(OFFICER, klass, resident);
        s.classes.decline(OFFICER, s.classes.enrol(OFFICER, declined, resident).id(), "工作忙");
        // three sessions held by today (2026-07-15), one to come: present, late, absent
        String[] marks = {"PRESENT", "LATE", "ABSENT"};
        for (int i = 0; i < 3; i++) {
            long session = s.plans.addSession(TEACHER, school, new Session(null, null, 2026, klass,
                    LocalDate.of(2026, 7, 2 + 4 * i), "孕前优生", teacher, "新婚夫妇")).id();
            s.plans.saveAttendance(TEACHER, session, List.of(new Mark(e.id(), marks[i])));
        }
        s.plans.addSession(TEACHER, school, new Session(null, null, 2026, klass, LocalDate.of(2026, 7, 30), "避孕",
                teacher, "新婚夫妇"));
        exam = s.exams.createExam(TEACHER, klass, new Exam(null, null, null, LocalDate.of(2026, 7, 14), false)).id();
        s.exams.saveScores(TEACHER, exam, List.of(new Score(e.id(), 48)));
        long makeUp = s.exams.createExam(TEACHER, klass, new Exam(null, null, null, LocalDate.of(2026, 7, 15), true)).id();
        s.exams.saveScores(TEACHER, makeUp, List.of(new Score(e.id(), 71)));
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    private static RenkouException fails(Runnable r) {
        return assertThrows(RenkouException.class, r::run);
    }

    @Test
    void theClassesWithAttendanceAndNothingAboutExamsWithoutAReason() {
        int before = s.audit.size();
        List<ResidentCourse> lines = s.exams.courses(OFFICER, resident, null);
        assertEquals(List.of("九月班", "七月班"), lines.stream().map(ResidentCourse::className).toList());
        ResidentCourse off = lines.get(0);
        assertEquals("DECLINED", off.status());
        assertEquals("工作忙", off.declineReason());
        ResidentCourse on = lines.get(1);
        assertEquals("ENROLLED", on.status());
        assertEquals("新婚期保健", on.course());
        assertEquals("一社区人口学校", on.school());
        assertEquals(3, on.sessions(), "held by today; the one to come not yet");
        assertEquals(2, on.attended(), "present and late");
        assertEquals(1, on.absences());
        assertNull(on.exam());
        assertNull(on.score());
        assertEquals(lines, s.exams.courses(TEACHER, resident, null));
        assertEquals(before, s.audit.size(), "no sensitive read, no entry");
    }

    @Test
    void theExamOutcomeWithAReasonForTheTeacherAndTheOfficeAudited() {
        ResidentCourse office = s.exams.courses(OFFICER, resident, "结业核对").get(1);
        assertEquals("PASSED", office.exam(), "failed, then passed the make-up");
        assertEquals(71, office.score(), "the best score");
        assertEquals("NONE", s.exams.courses(OFFICER, resident, "结业核对").get(0).exam());
        assertEquals("PASSED", s.exams.courses(TEACHER, resident, "补考安排").get(1).exam());
        assertEquals("PASSED", s.exams.courses(DIRECTOR, resident, "检查").get(1).exam());
        assertTrue(s.audit.stream().anyMatch(a -> a.startsWith("READ_SENSITIVE SchoolResults " + resident + " by officer ")), s.audit.toString());
        assertTrue(s.audit.stream().anyMatch(a -> a.startsWith("READ_SENSITIVE SchoolResults " + resident + " by teacher ")), s.audit.toString());
        assertTrue(s.audit.stream().noneMatch(a -> a.contains("71") || a.contains("48")), "no score in the audit log");
    }

    @Test
    void theResidentPassesTheReachRuleAndRolesAreChecked() {
        // out of reach and missing alike: 404 naming the resident
        RenkouException outside = fails(() -> s.exams.courses(OTHER_OFFICER, resident, null));
        assertEquals(RenkouException.Kind.NOT_FOUND, outside.kind());
        assertEquals("residentId", outside.field());
        RenkouException missing = fails(() -> s.exams.courses(OFFICER, 999_999L, null));
        assertEquals(RenkouException.Kind.NOT_FOUND, missing.kind());
        assertEquals(outside.field(), missing.field());
        assertEquals(RenkouException.Kind.NOT_FOUND, fails(() -> s.exams.courses(OTHER_TEACHER, resident, null)).kind());
        // statisticians read no rosters; the administrator reads the classes but no exam outcome
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> s.exams.courses(STATISTICIAN, resident, null)).kind());
        assertEquals(2, s.exams.courses(ADMIN_ALL, resident, null).size());
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> s.exams.courses(ADMIN_ALL, resident, "看看")).kind());
        assertEquals("reason", fails(() -> s.exams.courses(OFFICER, resident, " ")).field());
        // a resident of another community: none of this school's lines for its officer
        long outsider = s.residents(1, OTHER, true).get(0);
        assertEquals(List.of(), s.exams.courses(OTHER_OFFICER, outsider, null));
    }
}
