package org.renkou.school.internal.exams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.resident.NameOrder;
import org.renkou.school.internal.Access;
import org.renkou.school.internal.Curriculum;
import org.renkou.school.internal.School;
import org.renkou.school.internal.SchoolDTO.AnswerIn;
import org.renkou.school.internal.SchoolDTO.Paper;
import org.renkou.school.internal.SchoolDTO.PaperIn;
import org.renkou.school.internal.SchoolDTO.PointsIn;
import org.renkou.school.internal.SchoolDTO.Question;
import org.renkou.school.internal.SchoolDTO.Sheet;
import org.renkou.school.internal.SchoolDTO.SheetAnswer;
import org.renkou.school.internal.SchoolDTO.SheetIn;
import org.renkou.school.internal.SchoolDTO.SheetState;
import org.renkou.school.internal.SchoolDatabase;
import org.renkou.school.internal.SchoolDatabase.Audit;
import org.renkou.school.internal.entities.classes.ClassEntity;
import org.renkou.school.internal.entities.classes.EnrolmentEntity;
import org.renkou.school.internal.entities.exams.AnswerEntity;
import org.renkou.school.internal.entities.exams.ExamEntity;
import org.renkou.school.internal.entities.exams.PaperEntity;
import org.renkou.school.internal.entities.exams.QuestionEntity;
import org.renkou.school.internal.entities.exams.SheetEntity;
import org.renkou.school.internal.entities.schools.CourseEntity;
import org.renkou.school.internal.entities.schools.SchoolEntity;

/**
 * Exam papers (考卷) taken online: a question bank per course, a paper per exam assembled from it, and answer sheets
 * (答卷) entered on a staff-operated form per roster line. Choice and true/false answers score themselves, short
 * answers wait for the teacher's marks; a marked sheet's score (points earned of the paper's total, as 0–100) goes
 * into the exam's results exactly as an entered score does, so make-up and graduation need nothing new. Papers and
 * sheets are records: there is no delete and no change of a question.
 */
@Component(service = PaperService.class, property = School.CONDITION)
public class PaperService {
    static final List<String> KINDS = List.of("SINGLE", "MULTIPLE", "TRUE_FALSE", "SHORT");
    static final int MAX_OPTIONS = 8;
    static final int MAX_QUESTIONS = 100;
    private static final String LETTERS = "ABCDEFGH";

    private final SchoolDatabase db;

    @Activate
    public PaperService(@Reference SchoolDatabase db) {
        this.db = db;
    }

    // --- question bank ---------------------------------------------------------------------------------------

    /** The course's question bank with the answers: for the school's teachers and the director only. */
    public List<Question> questions(Caller caller, long courseId) {
        return db.read(em -> {
            CourseEntity c = course(em, caller, courseId);
            Access.requireTeacher(em, caller, c.schoolId, "查看题库", "read the question bank");
            return em.createQuery("SELECT q FROM QuestionEntity q WHERE q.courseId = :c ORDER BY q.id",
                    QuestionEntity.class).setParameter("c", c.id).getResultList().stream()
                    .map(q -> dto(q, true)).toList();
        });
    }

    public Question addQuestion(Caller caller, long courseId, Question in) {
        Input.body(in);
        String kind = Input.required(in.kind(), "kind", "题型", "kind", 20).toUpperCase(java.util.Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw RenkouException.invalid("kind", "题型应为 " + KINDS + " 之一。", "The kind must be one of " + KINDS + ".");
        }
        String text = Input.required(in.text(), "text", "题目", "question text", 1000);
        int points = Curriculum.range(in.points(), 1, 100, "points", "分值", "points");
        List<String> options = options(kind, in.options());
        String answer = switch (kind) {
            case "SHORT" -> Input.optional(in.answer(), "answer", "参考答案", "reference answer", 1000);
            default -> {
                String a = Input.required(in.answer(), "answer", "正确答案", "correct answer", 20);
                String norm = normalise(kind, a, options.size());
                if (norm == null) {
                    throw RenkouException.invalid("answer", "正确答案不符合题型（单选一个字母，多选若干字母，判断 TRUE/FALSE）。",
                            "The correct answer does not fit the kind (one letter, letters, or TRUE/FALSE).");
                }
                yield norm;
            }
        };
        QuestionEntity out = db.tx(em -> {
            CourseEntity c = course(em, caller, courseId);
            Access.requireTeacher(em, caller, c.schoolId, "编写题库", "write the question bank");
            QuestionEntity q = new QuestionEntity();
            q.courseId = c.id;
            q.kind = kind;
            q.body = text;
            q.options = options.isEmpty() ? null : String.join("\n", options);
            q.answer = answer;
            q.points = points;
            q.createdBy = caller.username();
            em.persist(q);
            em.flush();
            return q;
        }, o -> new Audit(caller, AuditAction.CREATE, "SchoolQuestion", o.id.toString(), null, o.kind, null));
        return dto(out, true);
    }

    private static List<String> options(String kind, List<String> raw) {
        boolean choice = kind.equals("SINGLE") || kind.equals("MULTIPLE");
        if (!choice) {
            if (raw != null && !raw.isEmpty()) {
                throw RenkouException.invalid("options", "只有选择题有选项。", "Only choice questions have options.");
            }
            return List.of();
        }
        if (raw == null || raw.size() < 2 || raw.size() > MAX_OPTIONS) {
            throw RenkouException.invalid("options", "选择题应有 2–" + MAX_OPTIONS + " 个选项。",
                    "A choice question has 2 to " + MAX_OPTIONS + " options.");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            out.add(Input.required(raw.get(i), "options[" + i + "]", "选项", "option", 100)); // no line breaks
        }
        return out;
    }

    /** An answer in its stored form (letters sorted, TRUE/FALSE), or null when it does not fit the kind. */
    static String normalise(String kind, String raw, int options) {
        String a = raw.strip().toUpperCase(java.util.Locale.ROOT);
        switch (kind) {
            case "TRUE_FALSE":
                return a.equals("TRUE") || a.equals("FALSE") ? a : null;
            case "SINGLE":
            case "MULTIPLE":
                TreeSet<Character> letters = new TreeSet<>();
                for (char ch : a.replace(",", "").replace(" ", "").replace("，", "").toCharArray()) {
                    int at = LETTERS.indexOf(ch);
                    if (at < 0 || at >= options || !letters.add(ch)) {
                        return null;
                    }
                }
                if (letters.isEmpty() || kind.equals("SINGLE") && letters.size() > 1) {
                    return null;
                }
                StringBuilder b = new StringBuilder();
                letters.forEach(b::append);
                return b.toString();
            default:
                return null;
        }
    }

    // --- papers ----------------------------------------------------------------------------------------------

    /** Assembles the exam's paper (one an exam) from questions of the class's course. */
    public Paper createPaper(Caller caller, long examId, PaperIn in) {
        Input.body(in);
        List<Long> ids = in.questionIds();
        if (ids == null || ids.isEmpty() || ids.size() > MAX_QUESTIONS) {
            throw RenkouException.invalid("questionIds", "考卷应有 1–" + MAX_QUESTIONS + " 道题。",
                    "A paper has 1 to " + MAX_QUESTIONS + " questions.");
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            Long id = Input.present(ids.get(i), "questionIds[" + i + "]", "题目", "question");
            if (!seen.add(id)) {
                throw RenkouException.invalid("questionIds[" + i + "]", "同一道题出现了两次。", "The same question appears twice.");
            }
        }
        PaperEntity out = db.tx(em -> {
            ExamEntity exam = Access.exam(em, caller, examId, "examId");
            ClassEntity c = em.find(ClassEntity.class, exam.classId);
            Access.requireTeacher(em, caller, c.schoolId, "组卷", "assemble a paper");
            if (paperOf(em, exam.id) != null) {
                throw RenkouException.conflict("examId", "本次考试已有考卷（考卷存档，不再更改）。",
                        "This exam has its paper already (kept as a record, not changed).");
            }
            for (int i = 0; i < ids.size(); i++) {
                QuestionEntity q = em.find(QuestionEntity.class, ids.get(i));
                if (q == null || !q.courseId.equals(c.courseId)) {
                    throw RenkouException.notFound("questionIds[" + i + "]", "题目 " + ids.get(i) + " 不存在或不属于本课程。",
                            "Question " + ids.get(i) + " does not exist or is not this course's.");
                }
            }
            PaperEntity p = new PaperEntity();
            p.examId = exam.id;
            p.createdBy = caller.username();
            p.createdOn = db.today();
            p.questionIds.addAll(ids);
            em.persist(p);
            em.flush();
            return p;
        }, o -> new Audit(caller, AuditAction.CREATE, "SchoolPaper", o.id.toString(), null,
                "考卷 " + o.questionIds.size() + " 题", null));
        return paper(caller, examId);
    }

    /** The exam's paper as the answer form shows it (no correct answers); 404 naming {@code examId} without one. */
    public Paper paper(Caller caller, long examId) {
        return db.read(em -> {
            ExamEntity exam = Access.exam(em, caller, examId, "examId");
            ClassEntity c = em.find(ClassEntity.class, exam.classId);
            Access.requireTeacher(em, caller, c.schoolId, "查看考卷", "read a paper");
            PaperEntity p = paperOf(em, exam.id);
            if (p == null) {
                throw RenkouException.notFound("examId", "本次考试尚无考卷。", "This exam has no paper yet.");
            }
            List<Question> qs = questionsOf(em, p).stream().map(q -> dto(q, false)).toList();
            return new Paper(p.id, exam.id, c.id, exam.attempt, em.find(CourseEntity.class, c.courseId).passMark,
                    qs.stream().mapToInt(Question::points).sum(), p.createdOn, qs);
        });
    }

    // --- answer sheets ---------------------------------------------------------------------------------------

    /**
     * Takes one roster line's answers on the staff-operated form. Choice and true/false score themselves; without
     * short answers to mark, the sheet is marked at once and its score enters the exam's results.
     */
    public SheetState submit(Caller caller, long paperId, SheetIn in) {
        Input.body(in);
        Long line = Input.present(in.enrolmentId(), "enrolmentId", "学员", "roster line");
        List<AnswerIn> answers = in.answers() == null ? List.of() : in.answers();
        if (answers.size() > MAX_QUESTIONS) {
            throw RenkouException.invalid("answers", "答案过多。", "Too many answers.");
        }
        SheetEntity out = db.tx(em -> {
            PaperEntity p = paper(em, caller, paperId, "paperId");
            ExamEntity exam = em.find(ExamEntity.class, p.examId);
            ClassEntity c = em.find(ClassEntity.class, exam.classId);
            Access.requireTeacher(em, caller, c.schoolId, "录入答卷", "take answer sheets");
            EnrolmentEntity e = Access.enrolment(em, caller, line, "enrolmentId");
            CourseEntity course = em.find(CourseEntity.class, c.courseId);
            ExamService.checkLines(em, exam, c, course, List.of(e.id), i -> "enrolmentId");
            if (!em.createQuery("SELECT s.id FROM SheetEntity s WHERE s.paperId = :p AND s.enrolmentId = :e",
                    Long.class).setParameter("p", p.id).setParameter("e", e.id).getResultList().isEmpty()) {
                throw RenkouException.conflict("enrolmentId", "该学员已交卷（答卷存档，不再更改）。",
                        "This person's sheet is in already (kept as a record, not changed).");
            }
            Map<Long, QuestionEntity> byId = new HashMap<>();
            questionsOf(em, p).forEach(q -> byId.put(q.id, q));
            Map<Long, String> given = new HashMap<>();
            for (int i = 0; i < answers.size(); i++) {
                String f = "answers[" + i + "]";
                AnswerIn a = answers.get(i);
                if (a == null) {
                    throw RenkouException.invalid(f, "答案为空。", "The answer is empty.");
                }
                Long qid = Input.present(a.questionId(), f + ".questionId", "题目", "question");
                QuestionEntity q = byId.get(qid);
                if (q == null) {
                    throw RenkouException.invalid(f + ".questionId", "题目 " + qid + " 不在本考卷上。",
                            "Question " + qid + " is not on this paper.");
                }
                String text = q.kind.equals("SHORT")
                        ? Input.optional(a.answer(), f + ".answer", "答案", "answer", 1000)
                        : Input.optional(a.answer(), f + ".answer", "答案", "answer", 20);
                if (text != null && !q.kind.equals("SHORT")) {
                    text = normalise(q.kind, text, optionCount(q));
                    if (text == null) {
                        throw RenkouException.invalid(f + ".answer", "答案不符合题型。", "The answer does not fit the kind.");
                    }
                }
                if (given.containsKey(qid)) {
                    throw RenkouException.invalid(f + ".questionId", "同一道题答了两次。", "The same question is answered twice.");
                }
                given.put(qid, text);
            }
            SheetEntity s = new SheetEntity();
            s.paperId = p.id;
            s.enrolmentId = e.id;
            s.status = "SUBMITTED";
            s.takenOn = db.today();
            s.takenBy = caller.username();
            em.persist(s);
            em.flush();
            for (Long qid : p.questionIds) {
                QuestionEntity q = byId.get(qid);
                AnswerEntity a = new AnswerEntity();
                a.sheetId = s.id;
                a.questionId = qid;
                a.answer = given.get(qid);
                if (a.answer == null) {
                    a.points = 0; // unanswered: nothing to mark
                } else if (!q.kind.equals("SHORT")) {
                    a.points = a.answer.equals(q.answer) ? q.points : 0; // no partial credit for choices
                }
                em.persist(a);
            }
            em.flush();
            finish(em, s, exam, c, course, caller);
            return s;
        }, o -> new Audit(caller, AuditAction.CREATE, "SchoolAnswerSheet", o.id.toString(), null,
                "交卷 " + o.status, null)); // never the answers or the score
        return state(out);
    }

    /** The teacher's marks for short answers of one sheet; with none left to mark, the score enters the results. */
    public SheetState mark(Caller caller, long sheetId, List<PointsIn> marks) {
        if (marks == null || marks.isEmpty() || marks.size() > MAX_QUESTIONS) {
            throw RenkouException.invalid("marks", "请为 1–" + MAX_QUESTIONS + " 道简答题给分。",
                    "Mark 1 to " + MAX_QUESTIONS + " short answers.");
        }
        SheetEntity out = db.tx(em -> {
            SheetEntity s = sheet(em, caller, sheetId);
            PaperEntity p = em.find(PaperEntity.class, s.paperId);
            ExamEntity exam = em.find(ExamEntity.class, p.examId);
            ClassEntity c = em.find(ClassEntity.class, exam.classId);
            Access.requireTeacher(em, caller, c.schoolId, "阅卷", "mark answer sheets");
            if (s.status.equals("MARKED")) {
                throw RenkouException.conflict("sheetId", "该答卷已阅完（答卷存档，不再更改）。",
                        "This sheet is marked (kept as a record, not changed).");
            }
            Map<Long, AnswerEntity> pending = new HashMap<>();
            Map<Long, QuestionEntity> questions = new HashMap<>();
            for (AnswerEntity a : answersOf(em, s.id)) {
                if (a.points == null) {
                    pending.put(a.questionId, a);
                    questions.put(a.questionId, em.find(QuestionEntity.class, a.questionId));
                }
            }
            for (int i = 0; i < marks.size(); i++) {
                String f = "marks[" + i + "]";
                PointsIn m = marks.get(i);
                if (m == null) {
                    throw RenkouException.invalid(f, "给分为空。", "The mark is empty.");
                }
                Long qid = Input.present(m.questionId(), f + ".questionId", "题目", "question");
                AnswerEntity a = pending.remove(qid);
                if (a == null) {
                    throw RenkouException.invalid(f + ".questionId", "题目 " + qid + " 不是本答卷待阅的简答题。",
                            "Question " + qid + " is not a short answer of this sheet waiting for marks.");
                }
                a.points = Curriculum.range(m.points(), 0, questions.get(qid).points, f + ".points", "得分", "points");
            }
            finish(em, s, exam, c, em.find(CourseEntity.class, c.courseId), caller);
            return s;
        }, o -> new Audit(caller, AuditAction.UPDATE, "SchoolAnswerSheet", o.id.toString(), null,
                "阅卷 " + marks.size() + " 题", null)); // never the points
        return state(out);
    }

    /** The paper's answer sheets with answers and scores, for the class's teacher or the director; audited. */
    public List<Sheet> sheets(Caller caller, long paperId, String reason) {
        String why = Input.required(reason, "reason", "查看理由", "reason", 500);
        return db.tx(em -> {
            PaperEntity p = paper(em, caller, paperId, "paperId");
            ExamEntity exam = em.find(ExamEntity.class, p.examId);
            ClassEntity c = em.find(ClassEntity.class, exam.classId);
            Access.requireTeacher(em, caller, c.schoolId, "查看答卷", "read answer sheets");
            int passMark = em.find(CourseEntity.class, c.courseId).passMark;
            Map<Long, QuestionEntity> byId = new HashMap<>();
            questionsOf(em, p).forEach(q -> byId.put(q.id, q));
            List<Sheet> out = new ArrayList<>();
            for (Object[] row : em.createQuery("SELECT s, e FROM SheetEntity s, EnrolmentEntity e WHERE "
                    + "s.enrolmentId = e.id AND s.paperId = :p ORDER BY e.id", Object[].class)
                    .setParameter("p", p.id).getResultList()) {
                SheetEntity s = (SheetEntity) row[0];
                EnrolmentEntity e = (EnrolmentEntity) row[1];
                Map<Long, AnswerEntity> given = new HashMap<>();
                answersOf(em, s.id).forEach(a -> given.put(a.questionId, a));
                // in the paper's order (the rows' ids need not follow it)
                List<SheetAnswer> answers = p.questionIds.stream().map(given::get).map(a -> new SheetAnswer(
                        a.questionId, byId.get(a.questionId).kind, a.answer, a.points, byId.get(a.questionId).points))
                        .toList();
                out.add(new Sheet(s.id, p.id, e.id, e.residentName, s.status, s.score,
                        s.score == null ? null : s.score >= passMark, answers));
            }
            return NameOrder.sorted(out, Sheet::residentName);
        }, o -> new Audit(caller, AuditAction.READ_SENSITIVE, "SchoolAnswerSheets", Long.toString(paperId), null,
                "查看答卷 " + o.size() + " 份", why));
    }

    /** With nothing left to mark: the score (points earned of the total, 0–100) into the exam's results. */
    private static void finish(EntityManager em, SheetEntity s, ExamEntity exam, ClassEntity c, CourseEntity course,
            Caller caller) {
        int earned = 0;
        int total = 0;
        for (AnswerEntity a : answersOf(em, s.id)) {
            if (a.points == null) {
                return;
            }
            earned += a.points;
            total += em.find(QuestionEntity.class, a.questionId).points;
        }
        s.score = total == 0 ? 0 : (earned * 100 + total / 2) / total;
        s.status = "MARKED";
        s.markedBy = caller.username();
        ExamService.putScores(em, exam, course,
                ExamService.checkLines(em, exam, c, course, List.of(s.enrolmentId), i -> "enrolmentId"),
                Map.of(s.enrolmentId, s.score));
    }

    private SheetState state(SheetEntity s) {
        long toMark = db.read(em -> em.createQuery("SELECT COUNT(a) FROM AnswerEntity a WHERE a.sheetId = :s "
                + "AND a.points IS NULL", Long.class).setParameter("s", s.id).getSingleResult());
        return new SheetState(s.id, s.status, (int) toMark);
    }

    // --- reach -----------------------------------------------------------------------------------------------

    private static CourseEntity course(EntityManager em, Caller caller, long id) {
        CourseEntity c = em.find(CourseEntity.class, id);
        if (c == null || !caller.covers(em.find(SchoolEntity.class, c.schoolId).jurisdictionCode)) {
            throw RenkouException.notFound("courseId", "课程 " + id + " 不存在或不在您的辖区内。",
                    "Course " + id + " does not exist or lies outside your jurisdiction.");
        }
        return c;
    }

    private static PaperEntity paper(EntityManager em, Caller caller, long id, String field) {
        PaperEntity p = em.find(PaperEntity.class, id);
        if (p == null) {
            throw RenkouException.notFound(field, "考卷 " + id + " 不存在或不在您的辖区内。",
                    "Paper " + id + " does not exist or lies outside your jurisdiction.");
        }
        Access.exam(em, caller, p.examId, field);
        return p;
    }

    private static SheetEntity sheet(EntityManager em, Caller caller, long id) {
        SheetEntity s = em.find(SheetEntity.class, id);
        if (s == null) {
            throw RenkouException.notFound("sheetId", "答卷 " + id + " 不存在或不在您的辖区内。",
                    "Answer sheet " + id + " does not exist or lies outside your jurisdiction.");
        }
        paper(em, caller, s.paperId, "sheetId");
        return s;
    }

    private static PaperEntity paperOf(EntityManager em, long examId) {
        return em.createQuery("SELECT p FROM PaperEntity p WHERE p.examId = :x", PaperEntity.class)
                .setParameter("x", examId).getResultList().stream().findFirst().orElse(null);
    }

    private static List<QuestionEntity> questionsOf(EntityManager em, PaperEntity p) {
        return p.questionIds.stream().map(id -> em.find(QuestionEntity.class, id)).toList();
    }

    private static List<AnswerEntity> answersOf(EntityManager em, long sheetId) {
        return em.createQuery("SELECT a FROM AnswerEntity a WHERE a.sheetId = :s", AnswerEntity.class)
                .setParameter("s", sheetId).getResultList();
    }

    private static int optionCount(QuestionEntity q) {
        return q.options == null ? 0 : q.options.split("\n", -1).length;
    }

    static Question dto(QuestionEntity q, boolean withAnswer) {
        List<String> options = q.options == null ? List.of() : Arrays.asList(q.options.split("\n", -1));
        return new Question(q.id, q.courseId, q.kind, q.body, options, withAnswer ? q.answer : null, q.points);
    }
}
