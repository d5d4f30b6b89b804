package org.renkou.school.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.renkou.school.internal.TestSchool.COMMUNITY;
import static org.renkou.school.internal.TestSchool.DIRECTOR;
import static org.renkou.school.internal.TestSchool.TEACHER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.renkou.school.internal.SchoolDTO.Course;
import org.renkou.school.internal.SchoolDTO.Mark;
import org.renkou.school.internal.SchoolDTO.SchoolClass;
import org.renkou.school.internal.SchoolDTO.SchoolIn;
import org.renkou.school.internal.SchoolDTO.Session;
import org.renkou.school.internal.SchoolDTO.Teacher;
import org.renkou.school.internal.reports.CoverageService;

/**
 * The coverage report reads person-times and people reached as the attendance save keeps them (per session, per
 * resident and day), never the marks: the kept figures must equal a live count of the marks after saves, a mark
 * given again, a mark changed from present to absent, one person on two classes of the school on one day, a
 * session not yet held, another quarter and a line declined after its marks.
 */
class CoverageFiguresTest {
    private final TestSchool s = new TestSchool();
    private final long school = s.schools.createSchool(DIRECTOR, new SchoolIn(null, "一社区人口学校", COMMUNITY, null,
            null, null)).id();
    private final long teacher = s.schools.addTeacher(DIRECTOR, school, new Teacher(null, null, "teacher", null, null,
            null)).id();
    private final long course = s.schools.createCourse(TEACHER, school, new Course(null, null, "避孕节育",
            List.of("CONTRACEPTION"), "CONTRACEPTION", 2, 60, 1, 2, null)).id();

    @AfterEach
    void tearDown() {
        s.close();
    }

    @Test
    void keptFiguresMatchALiveCountOfTheMarks() {
        List<Long> women = s.residents(5, COMMUNITY, true);
        long a = klass("一期");
        long b = klass("二期");
        List<Long> la = new ArrayList<>();
        for (long r : women) {
            la.add(s.classes.enrol(TEACHER, a, r).id());
        }
        List<Long> lb = List.of(s.classes.enrol(TEACHER, b, women.get(0)).id(), s.classes.enrol(TEACHER, b,
                women.get(1)).id());
        long a1 = lesson(a, LocalDate.of(2026, 7, 1));
        long b1 = lesson(b, LocalDate.of(2026, 7, 1)); // the same school and day as a1
        long a2 = lesson(a, LocalDate.of(2026, 7, 10));
        long a3 = lesson(a, LocalDate.of(2026, 9, 1)); // planned: not held yet (today is 15 July)
        long a0 = lesson(a, LocalDate.of(2026, 6, 20)); // the quarter before

        save(a1, la, "PRESENT", "LATE", "ABSENT", "EXCUSED", "PRESENT");
        check();
        save(b1, lb, "PRESENT", "PRESENT");
        check();
        save(a1, la, "ABSENT", null, "PRESENT", null, "PRESENT"); // present -> absent, absent -> present, the same again
        check();
        save(a2, la, null, "ABSENT", null, "LATE", null);
        save(a3, la, "PRESENT", null, null, null, null);
        save(a0, la, null, null, null, null, "PRESENT");
        check();
        save(b1, lb, "ABSENT", "EXCUSED"); // the first resident now attended nothing on 1 July
        check();
        s.classes.decline(TEACHER, la.get(2), "工作忙"); // her mark of 1 July stays and counts on
        save(a1, la, null, "PRESENT", null, null, null);
        check();

        CoverageService.Row q3 = s.coverage.coverage(DIRECTOR, "2026Q3").rows().get(0);
        assertEquals(List.of(3L, 4L, 4L), List.of(q3.sessions(), q3.personTimes(), q3.peopleReached()),
                "a1: 李0002 李0003 李0005, a2: 李0004; b1: nobody");
        CoverageService.Row q2 = s.coverage.coverage(DIRECTOR, "2026Q2").rows().get(0);
        assertEquals(List.of(1L, 1L, 1L), List.of(q2.sessions(), q2.personTimes(), q2.peopleReached()));

        // the migration's backfill of a database whose marks were taken before it: the same figures
        List<String> fill = backfill();
        assertEquals(2, fill.size());
        s.db.tx(em -> {
            em.createNativeQuery("DELETE FROM SC_REACH").executeUpdate();
            em.createNativeQuery("UPDATE SC_SESSION SET PERSON_TIMES = 0").executeUpdate();
            for (String sql : fill) {
                em.createNativeQuery(sql).executeUpdate();
            }
            return null;
        });
        check();
    }

    /** The V6 script's statements that fill the kept figures (its UPDATE and INSERT), as the migration runs them. */
    private static List<String> backfill() {
        try {
            String script = java.nio.file.Files.readString(TestSchool.MIGRATIONS.resolve(
                    "V6__kept_attendance_figures.sql"));
            StringBuilder sql = new StringBuilder();
            for (String line : script.split("\\R")) {
                if (!line.strip().startsWith("--")) {
                    sql.append(line).append('\n');
                }
            }
            return java.util.Arrays.stream(sql.toString().split(";\\s*\\n")).map(String::strip)
                    .filter(t -> t.startsWith("UPDATE") || t.startsWith("INSERT")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The guard of the report's speed: it reads no mark (removed here behind its back, its figures stay). */
    @Test
    void theReportReadsTheKeptFiguresNotTheMarks() {
        List<Long> women = s.residents(3, COMMUNITY, true);
        long a = klass("一期");
        List<Long> la = new ArrayList<>();
        for (long r : women) {
            la.add(s.classes.enrol(TEACHER, a, r).id());
        }
        save(lesson(a, LocalDate.of(2026, 7, 1)), la, "PRESENT", "LATE", "ABSENT");
        s.db.tx(em -> em.createNativeQuery("DELETE FROM SC_ATTENDANCE").executeUpdate());
        CoverageService.Row row = s.coverage.coverage(DIRECTOR, "2026Q3").rows().get(0);
        assertEquals(List.of(1L, 2L, 2L), List.of(row.sessions(), row.personTimes(), row.peopleReached()));
    }

    /** Two teachers take halves of one class at once, over and over: every save succeeds and the figures add up. */
    @Test
    void concurrentSavesOfOneSessionAllSucceedAndTheFiguresAddUp() throws Exception {
        List<Long> women = s.residents(20, COMMUNITY, true);
        long a = klass("一期");
        List<Long> lines = new ArrayList<>();
        for (long r : women) {
            lines.add(s.classes.enrol(TEACHER, a, r).id());
        }
        long session = lesson(a, LocalDate.of(2026, 7, 1));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String mark = round % 2 == 0 ? "PRESENT" : "ABSENT";
                List<java.util.concurrent.Future<?>> saves = new ArrayList<>();
                for (List<Long> half : List.of(lines.subList(0, 10), lines.subList(10, 20))) {
                    saves.add(pool.submit(() -> s.plans.saveAttendance(TEACHER, session,
                            half.stream().map(l -> new Mark(l, mark)).toList())));
                }
                for (java.util.concurrent.Future<?> f : saves) {
                    f.get(); // a 409 would surface here
                }
                check();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Every session's kept person-times and every quarter's figures against a count of the marks themselves. */
    private void check() {
        s.db.read(em -> {
            for (Object[] r : rows(em, "SELECT s.ID, s.PERSON_TIMES, (SELECT COUNT(*) FROM SC_ATTENDANCE a "
                    + "WHERE a.SESSION_ID = s.ID AND a.MARK IN ('PRESENT', 'LATE')) FROM SC_SESSION s")) {
                assertEquals(((Number) r[2]).longValue(), ((Number) r[1]).longValue(), "person-times of " + r[0]);
            }
            assertEquals(rows(em, "SELECT s.HELD_ON, s.SCHOOL_ID, e.RESIDENT_ID, COUNT(*) FROM SC_SESSION s, "
                    + "SC_ATTENDANCE a, SC_ENROLMENT e WHERE a.SESSION_ID = s.ID AND e.ID = a.ENROLMENT_ID "
                    + "AND a.MARK IN ('PRESENT', 'LATE') GROUP BY s.HELD_ON, s.SCHOOL_ID, e.RESIDENT_ID "
                    + "ORDER BY 1, 2, 3").stream().map(List::of).map(Object::toString).toList(),
                    rows(em, "SELECT HELD_ON, SCHOOL_ID, RESIDENT_ID, TIMES FROM SC_REACH ORDER BY 1, 2, 3").stream()
                            .map(List::of).map(Object::toString).toList());
            for (String q : List.of("2026Q2", "2026Q3")) {
                LocalDate from = LocalDate.of(2026, q.charAt(5) == '2' ? 4 : 7, 1);
                LocalDate to = q.charAt(5) == '2' ? from.plusMonths(3).minusDays(1) : s.db.today();
                List<Object[]> live = em.createNativeQuery("SELECT COUNT(*), COUNT(DISTINCT e.RESIDENT_ID) FROM "
                        + "SC_SESSION s, SC_ATTENDANCE a, SC_ENROLMENT e WHERE s.HELD_ON BETWEEN ? AND ? "
                        + "AND a.SESSION_ID = s.ID AND a.MARK IN ('PRESENT', 'LATE') AND e.ID = a.ENROLMENT_ID")
                        .setParameter(1, java.sql.Date.valueOf(from)).setParameter(2, java.sql.Date.valueOf(to))
                        .getResultList();
                CoverageService.Row row = s.coverage.coverage(DIRECTOR, q).rows().get(0);
                assertEquals(((Number) live.get(0)[0]).longValue(), row.personTimes(), "person-times " + q);
                assertEquals(((Number) live.get(0)[1]).longValue(), row.peopleReached(), "people reached " + q);
            }
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager em, String sql) {
        return em.createNativeQuery(sql).getResultList();
    }

    /** Saves the marks given (null: that line not in the request) of the lines in order. */
    private void save(long session, List<Long> lines, String... marks) {
        List<Mark> out = new ArrayList<>();
        for (int i = 0; i < marks.length; i++) {
            if (marks[i] != null) {
                out.add(new Mark(lines.get(i), marks[i]));
            }
        }
        s.plans.saveAttendance(TEACHER, session, out);
    }

    private long klass(String name) {
        return s.classes.createClass(TEACHER, school, new SchoolClass(null, null, course, teacher, name,
                LocalDate.of(2026, 7, 1), null, null)).id();
    }

    private long lesson(long classId, LocalDate on) {
        return s.plans.addSession(TEACHER, school, new Session(null, null, 2026, classId, on, "避孕方法知情选择", teacher,
                "育龄妇女")).id();
    }
}
