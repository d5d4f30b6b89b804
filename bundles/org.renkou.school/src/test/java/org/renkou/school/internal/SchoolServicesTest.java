package org.renkou.school.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.RenkouException;
import org.renkou.school.internal.SchoolDTO.AnswerIn;
import org.renkou.school.internal.SchoolDTO.Course;
import org.renkou.school.internal.SchoolDTO.EnrolResult;
import org.renkou.school.internal.SchoolDTO.Enrolment;
import org.renkou.school.internal.SchoolDTO.Equipment;
import org.renkou.school.internal.SchoolDTO.Exam;
import org.renkou.school.internal.SchoolDTO.Graduation;
import org.renkou.school.internal.SchoolDTO.Mark;
import org.renkou.school.internal.SchoolDTO.Paper;
import org.renkou.school.internal.SchoolDTO.PaperIn;
import org.renkou.school.internal.SchoolDTO.PointsIn;
import org.renkou.school.internal.SchoolDTO.Question;
import org.renkou.school.internal.SchoolDTO.Result;
import org.renkou.school.internal.SchoolDTO.SchoolClass;
import org.renkou.school.internal.SchoolDTO.SchoolIn;
import org.renkou.school.internal.SchoolDTO.Score;
import org.renkou.school.internal.SchoolDTO.Session;
import org.renkou.school.internal.SchoolDTO.Sheet;
import org.renkou.school.internal.SchoolDTO.SheetIn;
import org.renkou.school.internal.SchoolDTO.SheetState;
import org.renkou.school.internal.SchoolDTO.Teacher;
import org.renkou.school.internal.classes.LessonFiles;
import org.renkou.school.internal.exams.Certificates;
import org.renkou.school.internal.reports.CoverageService;
import org.renkou.school.internal.reports.SummaryService;

/** The school's services on the real persistence unit and a real Derby database. */
class SchoolServicesTest {
    private TestSchool s;
    private long school;
    private long teacher;
    private long course;

    @BeforeEach
    void setUp() {
        s = new TestSchool();
        school = s.schools.createSchool(DIRECTOR, new SchoolIn(null, "一社区人口学校", COMMUNITY, null, "社区二楼", null)).id();
        teacher = s.schools.addTeacher(DIRECTOR, school, new Teacher(null, null, "teacher", null, null, null)).id();
        course = s.schools.createCourse(TEACHER, school, new Course(null, null, "新婚期保健", List.of("newly_married",
                "PREGNANCY"), "HEALTHY_BIRTH", 4, 60, 1, 2, null)).id();
    }

    @AfterEach
    void tearDown() {
        s.close();
    }

    private static RenkouException fails(Runnable r) {
        return assertThrows(RenkouException.class, r::run);
    }

    private long newClass(String name) {
        return s.classes.createClass(TEACHER, school, new SchoolClass(null, null, course, teacher, name,
                LocalDate.of(2026, 8, 1), null, null)).id();
    }

    private long lesson(long classId, LocalDate on) {
        return s.plans.addSession(TEACHER, school, new Session(null, null, 2026, classId, on, "孕前优生知识", teacher,
                "本年度新婚夫妇")).id();
    }

    /** Guard (issue 17): the roster in pinyin order, not code-point order (张 U+5F20 before 李 U+674E before 阿). */
    @Test
    void aRosterIsInPinyinOrder() {
        long klass = newClass("拼音班");
        for (String name : List.of("张三", "李四", "王五", "阿七")) {
            long id = s.residents(1, COMMUNITY, true).get(0);
            s.people.stream().filter(r -> r.id == id).findFirst().orElseThrow().name = name;
            s.classes.enrol(OFFICER, klass, id);
        }
        assertEquals(List.of("阿七", "李四", "王五", "张三"),
                s.classes.roster(TEACHER, klass).stream().map(Enrolment::residentName).toList());
    }

    /**
     * A target group larger than a page of the core's search (500) is read in one call that returns ids and names
     * only, not page after page of full records, each sorted and counted (the 5,000-person enrolment's old cost).
     */
    @Test
    void aTargetGroupIsReadFromTheCoreInOnePass() {
        s.residents(1200, COMMUNITY, true);
        s.residents(10, OTHER, true);
        long klass = newClass("大班");
        assertEquals(new EnrolResult(1200, 1200, 0), s.classes.enrolGroup(OFFICER, klass, "WOMEN_15_49"));
        assertEquals(1, s.coreCalls.getOrDefault("matches", 0), "one pass");
        assertEquals(0, s.coreCalls.getOrDefault("search", 0), "no pages of full records");
        assertEquals(1200, s.classes.roster(TEACHER, klass).size());
    }

    @Test
    void aYearOfAClassOf200FromQueryToGraduation() {
        s.residents(200, COMMUNITY, true);
        s.residents(30, COMMUNITY, false); // men: not in the target group
        s.residents(25, OTHER, true);      // women of another community: not this school's
        long klass = newClass("2026 年第一期");
        EnrolResult r = s.classes.enrolGroup(OFFICER, klass, "women_15_49");
        assertEquals(new EnrolResult(200, 200, 0), r);
        assertEquals(new EnrolResult(200, 0, 200), s.classes.enrolGroup(TEACHER, klass, "WOMEN_15_49"),
                "enrolling again adds nobody");

        List<Enrolment> roster = s.classes.roster(TEACHER, klass);
        assertEquals(200, roster.size());
        Enrolment declines = roster.get(199);
        s.classes.decline(OFFICER, declines.id(), "工作时间冲突");

        long first = lesson(klass, LocalDate.of(2026, 8, 1));
        long second = lesson(klass, LocalDate.of(2026, 8, 8));
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < 199; i++) {
            marks.add(new Mark(roster.get(i).id(), i < 190 ? "PRESENT" : i < 195 ? "LATE" : "ABSENT"));
        }
        assertEquals(199, s.plans.saveAttendance(TEACHER, first, marks).saved());
        assertEquals(199, s.plans.saveAttendance(TEACHER, first, marks).saved(), "saving again replaces");
        List<Mark> again = new ArrayList<>();
        roster.subList(0, 199).forEach(e -> again.add(new Mark(e.id(), "PRESENT")));
        again.set(198, new Mark(roster.get(198).id(), "ABSENT"));
        again.set(197, new Mark(roster.get(197).id(), "EXCUSED"));
        s.plans.saveAttendance(TEACHER, second, again);
        assertEquals(199, s.plans.attendance(TEACHER, first).size());
        // 198 missed twice, more than the course's one absence allowed
        List<Enrolment> flagged = s.classes.roster(TEACHER, klass).stream().filter(Enrolment::overAbsences).toList();
        assertEquals(1, flagged.size());
        assertEquals(roster.get(198).id(), flagged.get(0).id());

        long exam = s.exams.createExam(TEACHER, klass, new Exam(null, null, null, LocalDate.of(2026, 8, 15), false)).id();
        List<Score> scores = new ArrayList<>();
        for (int i = 0; i < 199; i++) {
            scores.add(new Score(roster.get(i).id(), i < 20 ? 45 : 80)); // 20 fail
        }
        s.exams.saveScores(TEACHER, exam, scores);
        assertEquals(20, s.exams.results(TEACHER, exam, "补考名单").stream().filter(x -> !x.passed()).count());
        assertTrue(audited(s, "READ_SENSITIVE SchoolExamResults " + exam + " by teacher"), s.audit.toString());

        long makeUp = s.exams.createExam(TEACHER, klass, new Exam(null, null, null, LocalDate.of(2026, 8, 22), true)).id();
        RenkouException passedAlready = fails(() -> s.exams.saveScores(TEACHER, makeUp,
                List.of(new Score(roster.get(50).id(), 90))));
        assertEquals("scores[0].enrolmentId", passedAlready.field());
        List<Score> makeUpScores = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            makeUpScores.add(new Score(roster.get(i).id(), i < 15 ? 70 : 30)); // 5 fail again
        }
        s.exams.saveScores(TEACHER, makeUp, makeUpScores);
        // the course allows two attempts: no third exam
        assertEquals("makeUp", fails(() -> s.exams.createExam(TEACHER, klass,
                new Exam(null, null, null, LocalDate.of(2026, 8, 29), true))).field());

        Graduation g = s.exams.graduate(TEACHER, klass);
        // 199 took part: 5 failed twice, 198 missed too often (passed, but two absences)
        assertEquals(new Graduation(193, 6), g);
        assertEquals(193, s.classes.roster(TEACHER, klass).stream().filter(e -> e.status().equals("GRADUATED")).count());
        assertEquals("DECLINED", s.classes.roster(TEACHER, klass).get(199).status());

        // the completion certificate: printed with its code (audited), the code checks out, the name masked
        Enrolment graduate = s.classes.roster(TEACHER, klass).get(30);
        assertEquals("GRADUATED", graduate.status());
        var table = s.certificates.certificate(TEACHER, graduate.id(), false);
        assertTrue(table.rows().get(0).contains(graduate.certificateCode()), table.toString());
        assertTrue(audited(s, "READ_SENSITIVE SchoolCertificate " + graduate.id() + " by teacher"));
        Certificates.Verification v = s.certificates.verify(OFFICER, graduate.certificateCode().toLowerCase());
        assertTrue(v.valid());
        assertEquals(graduate.residentName().charAt(0) + "****", v.name());
        assertFalse(s.certificates.verify(OFFICER, "ABCDEFGHJKMN").valid());
        assertEquals("code", fails(() -> s.certificates.verify(OFFICER, "123")).field());
        assertEquals("enrolmentId", fails(() -> s.certificates.certificate(TEACHER, roster.get(15).id(), false)).field());
        assertEquals(RenkouException.Kind.NOT_FOUND, fails(() -> s.certificates.certificate(OTHER_OFFICER, graduate.id(),
                false)).kind());
    }

    @Test
    void anExamPaperTakenOnlineScoresIntoTheResultsMakeUpAndGraduation() {
        List<Long> people = s.residents(3, COMMUNITY, true);
        long klass = newClass("一期");
        long a = s.classes.enrol(OFFICER, klass, people.get(0)).id();
        long b = s.classes.enrol(OFFICER, klass, people.get(1)).id();
        s.classes.enrol(OFFICER, klass, people.get(2)); // takes no exam: does not graduate
        // the course's question bank: 20 + 30 + 10 + 40 points
        long single = s.papers.addQuestion(TEACHER, course, new Question(null, null, "single", "孕前检查应在何时进行？",
                List.of("怀孕后", "计划怀孕前 3–6 个月", "分娩前", "不需要"), "b", 20)).id();
        long multiple = s.papers.addQuestion(TEACHER, course, new Question(null, null, "MULTIPLE",
                "哪些属于优生优育内容？", List.of("补充叶酸", "吸烟", "孕前检查"), "C, A", 30)).id();
        long trueFalse = s.papers.addQuestion(TEACHER, course, new Question(null, null, "TRUE_FALSE",
                "避孕方法只能由单位指定。", null, "false", 10)).id();
        long shortAnswer = s.papers.addQuestion(TEACHER, course, new Question(null, null, "SHORT",
                "简述知情选择的含义。", null, "在充分了解各种方法后自主选择", 40)).id();
        List<Question> bank = s.papers.questions(TEACHER, course);
        assertEquals(List.of("B", "AC", "FALSE"), bank.subList(0, 3).stream().map(Question::answer).toList());

        long exam = s.exams.createExam(TEACHER, klass, new Exam(null, null, null, LocalDate.of(2026, 8, 15), false)).id();
        Paper paper = s.papers.createPaper(TEACHER, exam, new PaperIn(List.of(single, multiple, trueFalse, shortAnswer)));
        assertEquals(100, paper.totalPoints());
        assertEquals(List.of(single, multiple, trueFalse, shortAnswer), paper.questions().stream().map(Question::id)
                .toList(), "the paper keeps its order");
        assertEquals(60, paper.passMark());
        assertTrue(paper.questions().stream().allMatch(q -> q.answer() == null), "the form shows no answers");
        assertEquals("examId", fails(() -> s.papers.createPaper(TEACHER, exam, new PaperIn(List.of(single)))).field());

        // a: choices right (60), the short answer waits for the teacher; b: all wrong, nothing to mark
        SheetState sa = s.papers.submit(TEACHER, paper.id(), new SheetIn(a, List.of(new AnswerIn(single, "B"),
                new AnswerIn(multiple, "a,c"), new AnswerIn(trueFalse, "FALSE"),
                new AnswerIn(shortAnswer, "自己了解后自主选择"))));
        assertEquals(new SheetState(sa.id(), "SUBMITTED", 1), sa);
        SheetState sb = s.papers.submit(TEACHER, paper.id(), new SheetIn(b, List.of(new AnswerIn(single, "A"),
                new AnswerIn(multiple, "A"), new AnswerIn(trueFalse, "TRUE"))));
        assertEquals(new SheetState(sb.id(), "MARKED", 0), sb);
        assertEquals("enrolmentId", fails(() -> s.papers.submit(TEACHER, paper.id(), new SheetIn(b, List.of())))
                .field(), "a sheet is a record: not taken twice");
        assertEquals("marks[0].points", fails(() -> s.papers.mark(TEACHER, sa.id(),
                List.of(new PointsIn(shortAnswer, 41)))).field());
        assertEquals("marks[0].questionId", fails(() -> s.papers.mark(TEACHER, sa.id(),
                List.of(new PointsIn(single, 5)))).field());
        assertEquals(new SheetState(sa.id(), "MARKED", 0), s.papers.mark(TEACHER, sa.id(),
                List.of(new PointsIn(shortAnswer, 27))));
        assertEquals("sheetId", fails(() -> s.papers.mark(TEACHER, sa.id(), List.of(new PointsIn(shortAnswer, 40))))
                .field(), "a marked sheet is a record: not marked again");

        // the sheets' scores are the exam's results: 87 passes (pass mark 60), 0 fails
        List<Result> results = s.exams.results(TEACHER, exam, "阅卷核对");
        assertEquals(List.of(87, 0), results.stream().map(Result::score).toList());
        assertEquals(List.of(true, false), results.stream().map(Result::passed).toList());
        List<Sheet> sheets = s.papers.sheets(TEACHER, paper.id(), "试卷存档核对");
        assertEquals(2, sheets.size());
        assertEquals(27, sheets.get(0).answers().get(3).points());
        assertTrue(audited(s, "READ_SENSITIVE SchoolAnswerSheets " + paper.id() + " by teacher"), s.audit.toString());
        assertTrue(s.audit.stream().noneMatch(x -> x.contains("87")), "no score in the audit log");

        // the make-up exam on its own paper: a passed already, b passes now
        long makeUp = s.exams.createExam(TEACHER, klass, new Exam(null, null, null, LocalDate.of(2026, 8, 22), true)).id();
        Paper second = s.papers.createPaper(TEACHER, makeUp, new PaperIn(List.of(trueFalse, single)));
        assertEquals("enrolmentId", fails(() -> s.papers.submit(TEACHER, second.id(), new SheetIn(a, List.of())))
                .field());
        s.papers.submit(TEACHER, second.id(), new SheetIn(b, List.of(new AnswerIn(single, "B"),
                new AnswerIn(trueFalse, "FALSE"))));
        assertEquals(new Graduation(2, 1), s.exams.graduate(TEACHER, klass));
    }

    @Test
    void questionsPapersAndSheetsCheckTheirInputReachAndRoles() {
        long klass = newClass("一期");
        long line = s.classes.enrol(OFFICER, klass, s.residents(1, COMMUNITY, true).get(0)).id();
        assertEquals("kind", fails(() -> s.papers.addQuestion(TEACHER, course,
                new Question(null, null, "ESSAY", "x", null, null, 10))).field());
        assertEquals("text", fails(() -> s.papers.addQuestion(TEACHER, course,
                new Question(null, null, "SHORT", " ", null, null, 10))).field());
        assertEquals("points", fails(() -> s.papers.addQuestion(TEACHER, course,
                new Question(null, null, "SHORT", "x", null, null, 0))).field());
        assertEquals("options", fails(() -> s.papers.addQuestion(TEACHER, course,
                new Question(null, null, "TRUE_FALSE", "x", List.of("对", "错"), "TRUE", 10))).field());
        assertEquals("options", fails(() -> s.papers.addQuestion(TEACHER, course,
                new Question(null, null, "SINGLE", "x", List.of("唯一"), "A", 10))).field());
        assertEquals("options[1]", fails(() -> s.papers.addQuestion(TEACHER, course,
                new Question(null, null, "SINGLE", "x", List.of("甲", "乙\n丙"), "A", 10))).field());
        assertEquals("answer", fails(() -> s.papers.addQuestion(TEACHER, course,
                new Question(null, null, "SINGLE", "x", List.of("甲", "乙"), "C", 10))).field());
        assertEquals("answer", fails(() -> s.papers.addQuestion(TEACHER, course,
                new Question(null, null, "SINGLE", "x", List.of("甲", "乙"), "AB", 10))).field());
        assertEquals("answer", fails(() -> s.papers.addQuestion(TEACHER, course,
                new Question(null, null, "TRUE_FALSE", "x", null, "是", 10))).field());
        long q = s.papers.addQuestion(TEACHER, course, new Question(null, null, "TRUE_FALSE", "x", null, "TRUE", 10)).id();
        long otherCourse = s.schools.createCourse(TEACHER, school, new Course(null, null, "育儿", List.of("CHILD_REARING"),
                "HEALTHY_BIRTH", 2, 60, 1, 2, null)).id();
        long foreign = s.papers.addQuestion(TEACHER, otherCourse, new Question(null, null, "TRUE_FALSE", "y", null,
                "TRUE", 10)).id();

        long exam = s.exams.createExam(TEACHER, klass, new Exam(null, null, null, LocalDate.of(2026, 8, 15), false)).id();
        assertEquals("questionIds", fails(() -> s.papers.createPaper(TEACHER, exam, new PaperIn(List.of()))).field());
        assertEquals("questionIds[1]", fails(() -> s.papers.createPaper(TEACHER, exam, new PaperIn(List.of(q, q))))
                .field());
        RenkouException notThisCourse = fails(() -> s.papers.createPaper(TEACHER, exam, new PaperIn(List.of(foreign))));
        assertEquals(RenkouException.Kind.NOT_FOUND, notThisCourse.kind());
        assertEquals("questionIds[0]", notThisCourse.field());
        assertEquals("examId", fails(() -> s.papers.paper(TEACHER, exam)).field(), "no paper yet");
        long paper = s.papers.createPaper(TEACHER, exam, new PaperIn(List.of(q))).id();
        assertEquals("answers[0].questionId", fails(() -> s.papers.submit(TEACHER, paper, new SheetIn(line,
                List.of(new AnswerIn(foreign, "TRUE"))))).field());
        assertEquals("answers[0].answer", fails(() -> s.papers.submit(TEACHER, paper, new SheetIn(line,
                List.of(new AnswerIn(q, "Z"))))).field());
        assertEquals("enrolmentId", fails(() -> s.papers.submit(TEACHER, paper, new SheetIn(null, List.of()))).field());
        assertEquals("marks", fails(() -> s.papers.mark(TEACHER, 1, List.of())).field());
        assertEquals("reason", fails(() -> s.papers.sheets(TEACHER, paper, "")).field());

        // out of reach: 404 as a missing record; in reach without the role: 403 (the bank holds the answers)
        assertEquals(RenkouException.Kind.NOT_FOUND, fails(() -> s.papers.questions(OTHER_TEACHER, course)).kind());
        assertEquals(RenkouException.Kind.NOT_FOUND, fails(() -> s.papers.paper(OTHER_TEACHER, exam)).kind());
        assertEquals(RenkouException.Kind.NOT_FOUND, fails(() -> s.papers.sheets(OTHER_OFFICER, paper, "看看")).kind());
        assertEquals(RenkouException.Kind.NOT_FOUND, fails(() -> s.papers.submit(OTHER_TEACHER, paper,
                new SheetIn(line, List.of()))).kind());
        assertEquals(RenkouException.Kind.NOT_FOUND, fails(() -> s.papers.mark(TEACHER, 999_999,
                List.of(new PointsIn(q, 1)))).kind());
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> s.papers.questions(STATISTICIAN, course)).kind());
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> s.papers.sheets(OFFICER, paper, "看看")).kind());
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> s.papers.submit(OFFICER, paper,
                new SheetIn(line, List.of()))).kind());
    }

    @Test
    void scoresOfAPersonAreReadOnlyByTheTeacherAndTheirOfficeAndEveryReadIsAudited() {
        long resident = s.residents(1, COMMUNITY, true).get(0);
        long klass = newClass("一期");
        Enrolment e = s.classes.enrol(OFFICER, klass, resident);
        long exam = s.exams.createExam(TEACHER, klass, new Exam(null, null, null, LocalDate.of(2026, 8, 15), false)).id();
        s.exams.saveScores(TEACHER, exam, List.of(new Score(e.id(), 88)));

        List<Result> mine = s.exams.resultsOf(OFFICER, resident, "结业核对");
        assertEquals(88, mine.get(0).score());
        assertEquals(1, s.exams.resultsOf(TEACHER, resident, "补考安排").size());
        assertTrue(audited(s, "READ_SENSITIVE SchoolResults " + resident + " by officer"));
        assertTrue(audited(s, "READ_SENSITIVE SchoolResults " + resident + " by teacher"));
        assertTrue(s.audit.stream().noneMatch(a -> a.contains("88")), "no score in the audit log");

        assertEquals("reason", fails(() -> s.exams.resultsOf(OFFICER, resident, " ")).field());
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> s.exams.resultsOf(STATISTICIAN, resident, "统计")).kind());
        RenkouException other = fails(() -> s.exams.resultsOf(OTHER_OFFICER, resident, "看看"));
        assertEquals(RenkouException.Kind.NOT_FOUND, other.kind());
        assertEquals(RenkouException.Kind.NOT_FOUND, fails(() -> s.exams.results(OTHER_TEACHER, exam, "看看")).kind());
    }

    @Test
    void everyIdOutsideTheJurisdictionIsNotFoundAndRolesAreChecked() {
        long klass = newClass("一期");
        long outsider = s.residents(1, OTHER, true).get(0);
        // a resident of another community, as a body id: 404 as a direct read would be
        RenkouException e = fails(() -> s.classes.enrol(OFFICER, klass, outsider));
        assertEquals(RenkouException.Kind.NOT_FOUND, e.kind());
        assertEquals("residentId", e.field());
        assertEquals(RenkouException.Kind.NOT_FOUND, fails(() -> s.classes.roster(OTHER_OFFICER, klass)).kind());
        assertEquals(RenkouException.Kind.NOT_FOUND, fails(() -> s.schools.courses(OTHER_TEACHER, school)).kind());
        // a teacher not listed at the school may not run its classes
        TestSchool.caller("teacher9", org.renkou.core.api.Role.TEACHER, COMMUNITY);
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> s.classes.createClass(
                TestSchool.caller("teacher9", org.renkou.core.api.Role.TEACHER, COMMUNITY), school,
                new SchoolClass(null, null, course, teacher, "x", LocalDate.of(2026, 8, 1), null, null))).kind());
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> s.classes.enrolGroup(STATISTICIAN, klass,
                "WOMEN_15_49")).kind());
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> s.schools.createSchool(TEACHER,
                new SchoolIn(null, "x", COMMUNITY, null, null, null))).kind());
        // a course id of no school of this one
        assertEquals("courseId", fails(() -> s.classes.createClass(TEACHER, school, new SchoolClass(null, null, 999L,
                teacher, "x", LocalDate.of(2026, 8, 1), null, null))).field());
        assertFalse(s.schools.schools(STATISTICIAN).isEmpty());
        assertEquals("一社区", s.schools.schools(STATISTICIAN).get(0).jurisdictionName());
    }

    @Test
    void badInputNamesTheField() {
        assertEquals("jurisdictionCode", fails(() -> s.schools.createSchool(DIRECTOR,
                new SchoolIn(null, "x", "440606", null, null, null))).field());
        assertEquals("jurisdictionCode", fails(() -> s.schools.createSchool(DIRECTOR,
                new SchoolIn(null, "重复", COMMUNITY, null, null, null))).field());
        assertEquals("stages", fails(() -> s.schools.createCourse(TEACHER, school,
                new Course(null, null, "x", List.of("CHILDHOOD"), "POLICY_LAW", 2, 60, 1, 2, null))).field());
        assertEquals("passMark", fails(() -> s.schools.createCourse(TEACHER, school,
                new Course(null, null, "x", List.of("MENOPAUSE"), "ELDERLY_CARE", 2, 101, 1, 2, null))).field());
        assertEquals("quantity", fails(() -> s.schools.saveEquipment(TEACHER, school,
                new Equipment(null, null, "投影仪", "EQUIPMENT", -1, "GOOD", "张老师", null, null))).field());
        Equipment eq = s.schools.saveEquipment(TEACHER, school,
                new Equipment(null, null, "投影仪", "EQUIPMENT", 1, "GOOD", "张老师", null, null));
        assertEquals(LocalDate.of(2026, 7, 15), eq.checkedOn());
        assertEquals("organisation", fails(() -> s.schools.addTeacher(DIRECTOR, school,
                new Teacher(null, null, null, "王医生", null, null))).field());
        assertEquals("username", fails(() -> s.schools.addTeacher(DIRECTOR, school,
                new Teacher(null, null, "stat", null, null, null))).field());
        long klass = newClass("一期");
        long session = lesson(klass, LocalDate.of(2026, 8, 1));
        long resident = s.residents(1, COMMUNITY, true).get(0);
        Enrolment e = s.classes.enrol(TEACHER, klass, resident);
        assertEquals("marks[0].mark", fails(() -> s.plans.saveAttendance(TEACHER, session,
                List.of(new Mark(e.id(), "ASLEEP")))).field());
        assertEquals("marks[1].enrolmentId", fails(() -> s.plans.saveAttendance(TEACHER, session,
                List.of(new Mark(e.id(), "PRESENT"), new Mark(e.id(), "LATE")))).field());
        assertEquals("marks[0].enrolmentId", fails(() -> s.plans.saveAttendance(TEACHER, session,
                List.of(new Mark(12345L, "PRESENT")))).field());
        assertEquals("targetGroup", fails(() -> s.classes.enrolGroup(TEACHER, klass, "EVERYONE")).field());
        long exam = s.exams.createExam(TEACHER, klass, new Exam(null, null, null, LocalDate.of(2026, 8, 15), false)).id();
        assertEquals("scores[0].score", fails(() -> s.exams.saveScores(TEACHER, exam,
                List.of(new Score(e.id(), 120)))).field());
        assertEquals("makeUp", fails(() -> s.exams.createExam(TEACHER, klass,
                new Exam(null, null, null, LocalDate.of(2026, 8, 15), false))).field());
        assertEquals("heldOn", fails(() -> s.plans.addSession(TEACHER, school, new Session(null, null, 2026, null,
                LocalDate.of(2027, 1, 5), "x", teacher, "y"))).field());
        assertEquals("residentId", fails(() -> s.classes.enrol(TEACHER, klass, resident)).field());
    }

    @Test
    void coverageCountsHeldSessionsPersonTimesReachAndPassRateByQuarter() {
        List<Long> women = s.residents(4, COMMUNITY, true);
        long klass = newClass("一期");
        List<Enrolment> lines = new ArrayList<>();
        for (long r : women.subList(0, 3)) {
            lines.add(s.classes.enrol(TEACHER, klass, r));
        }
        long first = lesson(klass, LocalDate.of(2026, 7, 1));
        long second = lesson(klass, LocalDate.of(2026, 7, 10));
        lesson(klass, LocalDate.of(2026, 9, 1)); // planned, not yet held
        s.plans.saveAttendance(TEACHER, first, List.of(new Mark(lines.get(0).id(), "PRESENT"),
                new Mark(lines.get(1).id(), "LATE"), new Mark(lines.get(2).id(), "ABSENT")));
        s.plans.saveAttendance(TEACHER, second, List.of(new Mark(lines.get(0).id(), "PRESENT"),
                new Mark(lines.get(1).id(), "EXCUSED"), new Mark(lines.get(2).id(), "ABSENT")));
        long exam = s.exams.createExam(TEACHER, klass, new Exam(null, null, null, LocalDate.of(2026, 7, 12), false)).id();
        s.exams.saveScores(TEACHER, exam, List.of(new Score(lines.get(0).id(), 90), new Score(lines.get(1).id(), 30)));

        CoverageService.Row row = s.coverage.coverage(STATISTICIAN, "2026q3").rows().get(0);
        assertEquals(2, row.sessions());
        assertTrue(row.meetsRule());
        assertEquals(3, row.personTimes());
        assertEquals(2, row.peopleReached());
        assertEquals(4L, row.targetGroup());
        assertEquals(50.0, row.reachedPercent());
        assertEquals(2, row.scores());
        assertEquals(50.0, row.passPercent());
        CoverageService.Row before = s.coverage.coverage(DIRECTOR, "2026Q2").rows().get(0);
        assertEquals(0, before.sessions());
        assertFalse(before.meetsRule());
        assertEquals("quarter", fails(() -> s.coverage.coverage(DIRECTOR, "2026-3")).field());
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> s.coverage.coverage(OFFICER, null)).kind());
        assertTrue(s.coverage.coverage(TestSchool.caller("d2",
                org.renkou.core.api.Role.DIRECTOR, OTHER), "2026Q3").rows().isEmpty(), "another community: nothing");
        assertEquals(10, CoverageService.table(s.coverage.coverage(DIRECTOR, "2026Q3"), false).columns().size());
        // a report read (on the hot standby where there is one), one a call, after the checks: none for a refusal
        s.unit.reports().clear();
        s.coverage.coverage(DIRECTOR, "2026Q3");
        fails(() -> s.coverage.coverage(OFFICER, null));
        fails(() -> s.coverage.coverage(DIRECTOR, "2026-3"));
        assertEquals(List.of("school coverage report"), s.unit.reports());
    }

    /**
     * The women 15–49 of every school's community come from one statistics call per street in the caller's reach
     * (its areas), not one per school; a caller who does not cover the street asks for the school's own community.
     */
    @Test
    void coverageAsksTheStatisticsOncePerStreetForEverySchool() {
        s.residents(4, COMMUNITY, true);
        s.residents(3, OTHER, true);
        s.schools.createSchool(DIRECTOR, new SchoolIn(null, "二社区人口学校", OTHER, null, null, null));
        s.coreCalls.clear();
        List<CoverageService.Row> rows = s.coverage.coverage(DIRECTOR, "2026Q3").rows();
        assertEquals(List.of(4L, 3L), rows.stream().map(CoverageService.Row::targetGroup).toList());
        assertEquals(java.util.Map.of("population " + TestSchool.STREET, 1), s.coreCalls, "one call for both schools");
        s.coreCalls.clear();
        assertEquals(4L, s.coverage.coverage(TEACHER, "2026Q3").rows().get(0).targetGroup());
        assertEquals(java.util.Map.of("population " + COMMUNITY, 1), s.coreCalls, "the street is not the teacher's");
    }

    @Test
    void lessonPlansAreArchivedWithTheirChecksumAndCheckedByContent() throws Exception {
        long klass = newClass("一期");
        long session = lesson(klass, LocalDate.of(2026, 7, 1));
        byte[] pdf = "%PDF-1.4\n教案\n%%EOF".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        LessonFiles.LessonFile f = s.files.upload(TEACHER, session, "第一课教案.pdf", pdf);
        assertEquals(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf)),
                f.sha256());
        assertEquals(64, f.sha256().length());
        assertEquals("application/pdf", f.contentType());
        assertEquals(1, s.files.list(STATISTICIAN, session).size());
        assertEquals(new String(pdf, java.nio.charset.StandardCharsets.UTF_8),
                new String(s.files.download(OFFICER, f.id()).content(), java.nio.charset.StandardCharsets.UTF_8));

        byte[] exe = {'M', 'Z', 0, 0, 1, 2};
        assertEquals("file", fails(() -> s.files.upload(TEACHER, session, "教案.pdf", exe)).field());
        assertEquals("file", fails(() -> s.files.upload(TEACHER, session, "run.sh", "#!/bin/sh".getBytes())).field());
        assertEquals("file", fails(() -> s.files.upload(TEACHER, session, "教案.docx", pdf)).field(), "name lies");
        assertEquals("fileName", fails(() -> s.files.upload(TEACHER, session, "../../etc/教案.pdf", pdf)).field());
        assertEquals("file", fails(() -> s.files.upload(TEACHER, session, "空.pdf", new byte[0])).field());
        assertEquals("file", fails(() -> s.files.upload(TEACHER, session, "大.pdf",
                java.util.Arrays.copyOf(pdf, LessonFiles.MAX_SIZE + 1))).field());
        assertEquals(RenkouException.Kind.NOT_FOUND, fails(() -> s.files.download(OTHER_OFFICER, f.id())).kind());
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> s.files.upload(OFFICER, session, "a.pdf", pdf)).kind());
    }

    @Test
    void theYearEndSummaryIsDraftedFromTheRecordsEditedAndSigned() {
        List<Long> women = s.residents(3, COMMUNITY, true);
        long klass = newClass("一期");
        Enrolment a = s.classes.enrol(TEACHER, klass, women.get(0));
        Enrolment b = s.classes.enrol(TEACHER, klass, women.get(1));
        s.classes.decline(TEACHER, s.classes.enrol(TEACHER, klass, women.get(2)).id(), null);
        long first = lesson(klass, LocalDate.of(2026, 7, 1));
        lesson(klass, LocalDate.of(2026, 11, 1)); // planned, not yet held
        s.plans.saveAttendance(TEACHER, first, List.of(new Mark(a.id(), "PRESENT"), new Mark(b.id(), "ABSENT")));

        SummaryService.Summary draft = s.summaries.summary(STATISTICIAN, school, 2026);
        assertTrue(draft.drafted());
        assertEquals(2, draft.sessionsPlanned());
        assertEquals(1, draft.sessionsHeld());
        assertEquals(2, draft.enrolled());
        assertEquals(1, draft.declined());
        assertEquals(1, draft.personTimes());
        assertTrue(draft.body().contains("实际开展培训 1 次"), draft.body());

        SummaryService.Summary saved = s.summaries.save(TEACHER, school, 2026,
                new SummaryService.Edit(draft.body() + "群众反映良好。", null));
        assertFalse(saved.drafted());
        assertEquals("version", fails(() -> s.summaries.save(TEACHER, school, 2026,
                new SummaryService.Edit("x", 999L))).field());
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> s.summaries.sign(TEACHER, school, 2026)).kind());
        SummaryService.Summary signed = s.summaries.sign(DIRECTOR, school, 2026);
        assertEquals("director", signed.signedBy());
        assertTrue(signed.body().endsWith("群众反映良好。"));
        assertEquals("body", fails(() -> s.summaries.save(TEACHER, school, 2026,
                new SummaryService.Edit("改", signed.version()))).field());
        assertEquals("year", fails(() -> s.summaries.summary(DIRECTOR, school, 2027)).field());
        assertEquals("body", fails(() -> s.summaries.save(TEACHER, school, 2025, new SummaryService.Edit(" ", null))).field());
    }

    /** An audit entry starting so (the test kit keeps each as "ACTION Type id by user changes reason"). */
    private static boolean audited(TestSchool s, String start) {
        return s.audit.stream().anyMatch(a -> a.startsWith(start + " "));
    }
}
