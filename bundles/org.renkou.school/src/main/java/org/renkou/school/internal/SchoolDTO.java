package org.renkou.school.internal;

import java.time.LocalDate;
import java.util.List;

/** What the school API reads and writes (JSON); entities never leave the bundle. */
public final class SchoolDTO {
    private SchoolDTO() {
    }

    /** A school of a community or township; {@code jurisdictionName} is filled in on reads. */
    public record SchoolIn(Long id, String name, String jurisdictionCode, String jurisdictionName, String classroom,
            Long version) {
    }

    /** A line of the equipment register: category EQUIPMENT, BOOK or MATERIAL; state GOOD, WORN or BROKEN. */
    public record Equipment(Long id, Long schoolId, String item, String category, Integer quantity, String state,
            String keeper, LocalDate checkedOn, Long version) {
    }

    /** A staff teacher ({@code username}, role TEACHER) or an outside lecturer ({@code organisation}). */
    public record Teacher(Long id, Long schoolId, String username, String name, String organisation, Long version) {
    }

    /** A course: life stages ({@link Curriculum#STAGES}), a topic ({@link Curriculum#TOPICS}), pass mark 1–100. */
    public record Course(Long id, Long schoolId, String title, List<String> stages, String topic, Integer hours,
            Integer passMark, Integer maxAbsences, Integer maxAttempts, Long version) {
    }

    public record SchoolClass(Long id, Long schoolId, Long courseId, Long teacherId, String name, LocalDate startsOn,
            Long enrolled, Long version) {
    }

    /** A roster line; {@code absences} counts ABSENT marks, {@code overAbsences} when above the course's limit. */
    public record Enrolment(Long id, Long classId, Long residentId, String residentName, String status,
            LocalDate enrolledOn, String declineReason, LocalDate graduatedOn, String certificateCode, long absences,
            boolean overAbsences) {
    }

    /**
     * A class of a resident, for the panel on the resident's page (居民课程): {@code attended} counts PRESENT and LATE
     * marks, {@code sessions} the class's sessions held so far. {@code exam} is null unless the scores were read
     * (with a reason, by whom may): PASSED, FAILED or NONE (no score yet), with the best {@code score}.
     */
    public record ResidentCourse(Long enrolmentId, Long classId, String className, String course, String school,
            String status, LocalDate enrolledOn, LocalDate graduatedOn, String declineReason, long sessions,
            long attended, long absences, String exam, Integer score) {
    }

    /** Enrol one resident. */
    public record EnrolOne(Long residentId) {
    }

    /** Enrol a target group of the school's jurisdiction: WOMEN_15_49 or NEWLY_MARRIED (this year). */
    public record EnrolGroup(String targetGroup) {
    }

    public record EnrolResult(int found, int enrolled, int alreadyOnRoster) {
    }

    public record Decline(String reason) {
    }

    /** A session of the yearly plan; {@code classId} makes it a lesson of that class. */
    public record Session(Long id, Long schoolId, Integer year, Long classId, LocalDate heldOn, String topic,
            Long teacherId, String targetGroup) {
    }

    /** One mark: PRESENT, LATE, EXCUSED or ABSENT. */
    public record Mark(Long enrolmentId, String mark) {
    }

    public record Saved(int saved) {
    }

    /** An exam of a class; {@code makeUp} for a make-up exam (补考). */
    public record Exam(Long id, Long classId, Integer attempt, LocalDate heldOn, Boolean makeUp) {
    }

    public record Score(Long enrolmentId, Integer score) {
    }

    /** A score as its reader sees it (after an audited read). */
    public record Result(Long examId, int attempt, Long enrolmentId, Long residentId, String residentName, int score,
            boolean passed) {
    }

    public record Graduation(int graduated, int notYet) {
    }

    /**
     * A question of a course's bank: kind SINGLE, MULTIPLE, TRUE_FALSE or SHORT; {@code options} for the choices
     * (2–8); {@code answer} the option letters ("B", "AC"), TRUE/FALSE, or a short answer's reference; points 1–100.
     */
    public record Question(Long id, Long courseId, String kind, String text, List<String> options, String answer,
            Integer points) {
    }

    /** Assemble a paper from questions of the class's course, in this order. */
    public record PaperIn(List<Long> questionIds) {
    }

    /** The paper of an exam as the answer form shows it: the questions without their answers. */
    public record Paper(Long id, Long examId, Long classId, int attempt, int passMark, int totalPoints,
            LocalDate createdOn, List<Question> questions) {
    }

    /** An answer sheet taken on the form for one roster line; a question left out counts as unanswered. */
    public record SheetIn(Long enrolmentId, List<AnswerIn> answers) {
    }

    public record AnswerIn(Long questionId, String answer) {
    }

    /** The teacher's points for one short answer. */
    public record PointsIn(Long questionId, Integer points) {
    }

    /** What taking or marking a sheet answers: no score (scores are read, audited, through the results). */
    public record SheetState(Long id, String status, int toMark) {
    }

    /** An answer sheet as its audited reader sees it. */
    public record Sheet(Long id, Long paperId, Long enrolmentId, String residentName, String status, Integer score,
            Boolean passed, List<SheetAnswer> answers) {
    }

    public record SheetAnswer(Long questionId, String kind, String answer, Integer points, int maxPoints) {
    }
}
