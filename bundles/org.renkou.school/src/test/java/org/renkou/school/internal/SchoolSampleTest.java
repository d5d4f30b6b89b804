package org.renkou.school.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renkou.school.internal.TestSchool.COMMUNITY;
import static org.renkou.school.internal.TestSchool.OTHER;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.sample.SampleData;
import org.renkou.school.internal.SchoolDTO.Enrolment;
import org.renkou.school.internal.SchoolDTO.Result;
import org.renkou.school.internal.SchoolDTO.SchoolClass;
import org.renkou.school.internal.SchoolDTO.SchoolIn;
import org.renkou.school.internal.SchoolDTO.Session;
import org.renkou.school.internal.reports.CoverageService;
import org.renkou.school.internal.sample.SchoolSample;

/**
 * The school's part of the living sample on the real persistence unit: a school of the first sample community with
 * its plan, a class of sample women with attendance, an exam with a failure and a passed make-up, one graduate with
 * a certificate code that verifies; loaded when the core's {@link SampleData} says {@code living}, and only once.
 */
class SchoolSampleTest {
    private static final Caller SYSTEM = Caller.SYSTEM;
    private final TestSchool s = new TestSchool();

    @AfterEach
    void tearDown() {
        s.close();
    }

    private SchoolSample component() {
        return new SchoolSample(s.schools, s.classes, s.plans, s.exams, s.residentService, s.db);
    }

    @Test
    void aSchoolYearWithAGraduateOnce() {
        s.residents(2, COMMUNITY, false); // men: not in the class
        s.residents(4, COMMUNITY, true);
        SampleData living = living();
        component().setSample(living);

        List<SchoolIn> schools = s.schools.schools(SYSTEM);
        assertEquals(1, schools.size());
        SchoolIn school = schools.get(0);
        assertEquals(COMMUNITY, school.jurisdictionCode());
        assertTrue(school.name().contains("示例"));
        assertEquals(1, s.schools.equipment(SYSTEM, school.id()).size());
        assertTrue(s.schools.courses(SYSTEM, school.id()).stream().allMatch(c -> c.title().contains("示例")));
        List<Session> plan = s.plans.plan(SYSTEM, school.id(), s.db.today().getYear());
        assertTrue(plan.size() >= 2 && plan.stream().allMatch(p -> p.topic().contains("示例")), plan.toString());
        assertTrue(plan.stream().anyMatch(p -> p.heldOn().isAfter(s.db.today())), "a session still to come");

        SchoolClass klass = s.classes.classes(SYSTEM, school.id()).get(0);
        List<Enrolment> roster = s.classes.roster(SYSTEM, klass.id());
        assertEquals(3, roster.size(), "three of the four women");
        assertTrue(roster.stream().allMatch(e -> e.residentName().startsWith("李")), "women only");
        List<Session> held = s.plans.sessionsOf(SYSTEM, klass.id());
        assertEquals(2, held.size());
        assertEquals(2, s.plans.attendance(SYSTEM, held.get(0).id()).size());
        Enrolment graduate = roster.stream().filter(e -> "GRADUATED".equals(e.status())).findFirst().orElseThrow();
        assertEquals(1, roster.stream().filter(e -> "GRADUATED".equals(e.status())).count(), roster.toString());
        assertNotNull(graduate.certificateCode());
        assertTrue(s.certificates.verify(SYSTEM, graduate.certificateCode()).valid());
        assertTrue(roster.stream().anyMatch(e -> e.overAbsences() && "ENROLLED".equals(e.status())),
                "passed, but missed both sessions");
        assertTrue(roster.stream().anyMatch(e -> "DECLINED".equals(e.status()) && e.declineReason() != null));

        List<Result> exam = s.exams.results(SYSTEM, s.exams.exams(SYSTEM, klass.id()).get(0).id(), "示例核对");
        assertEquals(1, exam.stream().filter(r -> !r.passed()).count(), "one failed the exam");
        List<Result> makeUp = s.exams.results(SYSTEM, s.exams.exams(SYSTEM, klass.id()).get(1).id(), "示例核对");
        assertEquals(List.of(graduate.id()), makeUp.stream().filter(Result::passed).map(Result::enrolmentId).toList(),
                "the make-up passed");
        CoverageService.Row row = s.coverage.coverage(SYSTEM, quarterOf(held.get(1))).rows().get(0);
        assertTrue(row.personTimes() >= 1 && row.scores() >= 1, row.toString());

        // the module switched off and on again during the first run: nothing twice
        component().setSample(living);
        assertEquals(1, s.schools.schools(SYSTEM).size());
        assertEquals(1, s.classes.classes(SYSTEM, school.id()).size());
    }

    @Test
    void noWomenYetStillASchoolAndItsPlan() {
        component().setSample(living());
        SchoolIn school = s.schools.schools(SYSTEM).get(0);
        assertEquals(List.of(), s.classes.roster(SYSTEM, s.classes.classes(SYSTEM, school.id()).get(0).id()));
    }

    private static String quarterOf(Session session) {
        return session.heldOn().getYear() + "Q" + ((session.heldOn().getMonthValue() - 1) / 3 + 1);
    }

    private static SampleData living() {
        return new SampleData() {
            @Override
            public Mode mode() {
                return Mode.LIVING;
            }

            @Override
            public List<String> communities() {
                return List.of(COMMUNITY, OTHER);
            }
        };
    }
}
