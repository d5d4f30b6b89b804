package org.renkou.school.internal.reports;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.api.jurisdiction.JurisdictionService;
import org.renkou.core.api.report.ReportTable;
import org.renkou.core.api.stats.AreaDTO;
import org.renkou.core.api.stats.StatisticsService;
import org.renkou.module.api.contribution.ReportContribution;
import org.renkou.school.internal.School;
import org.renkou.school.internal.SchoolDatabase;

/**
 * Coverage figures per quarter (培训覆盖情况): for each school in reach, the sessions held (the rule: at least two a
 * quarter), person-times, people reached against the target group of women 15–49 in the jurisdiction (the core's
 * statistics snapshot), and the pass rate of the quarter's exams. Figures only: no names, nothing sensitive. The
 * school's own figures are a report read over plain JDBC ({@link SchoolDatabase#report}: on the hot standby where
 * there is one).
 */
@Component(service = CoverageService.class, property = School.CONDITION)
@ReportContribution(id = "school-coverage", name_zh = "人口学校培训覆盖情况", name_en = "Population school coverage")
public class CoverageService {
    /** The offices' rule: at least two trainings a quarter per community. */
    static final int MIN_SESSIONS = 2;

    private final SchoolDatabase db;
    private final StatisticsService statistics;
    private final JurisdictionService jurisdictions;

    /** One school's quarter; shares in per cent, null when there is nothing to divide by. */
    public record Row(Long schoolId, String school, String jurisdiction, long sessions, boolean meetsRule,
            long personTimes, long peopleReached, Long targetGroup, Double reachedPercent, long scores,
            Double passPercent) {
    }

    public record Coverage(String quarter, List<Row> rows) {
    }

    @Activate
    public CoverageService(@Reference SchoolDatabase db, @Reference StatisticsService statistics,
            @Reference JurisdictionService jurisdictions) {
        this.db = db;
        this.statistics = statistics;
        this.jurisdictions = jurisdictions;
    }

    public Coverage coverage(Caller caller, String quarter) {
        caller.require("查看培训覆盖情况", "read the coverage figures", Role.DIRECTOR, Role.STATISTICIAN, Role.ADMIN,
                Role.TEACHER);
        String q = quarter == null || quarter.isBlank() ? current() : quarter.strip().toUpperCase(java.util.Locale.ROOT);
        if (!q.matches("20\\d{2}Q[1-4]")) {
            throw RenkouException.invalid("quarter", "季度格式应为 2026Q3。", "The quarter is written like 2026Q3.");
        }
        LocalDate from = LocalDate.of(Integer.parseInt(q.substring(0, 4)), (q.charAt(5) - '1') * 3 + 1, 1);
        LocalDate end = from.plusMonths(3).minusDays(1);
        // what was held, not what is planned: up to today within the current quarter
        LocalDate to = end.isAfter(db.today()) ? db.today() : end;
        // a report read over plain JDBC, on the hot standby where there is one; the names and the target groups
        // are asked of the core after it, so a read run again on the primary does not ask them twice
        Figures f = db.report("school coverage report", c -> figures(c, from, to));
        List<Row> rows = new ArrayList<>();
        TargetGroups groups = new TargetGroups(caller);
        for (SchoolRef s : f.schools()) {
            if (!caller.covers(s.jurisdictionCode())) {
                continue;
            }
            long[] held = f.sessions().getOrDefault(s.id(), new long[2]);
            long reached = f.people().getOrDefault(s.id(), 0L);
            Optional<JurisdictionDTO> place = jurisdictions.find(s.jurisdictionCode());
            Long group = groups.of(s.jurisdictionCode(), place.map(j -> j.parentCode).orElse(null));
            long[] r = f.results().getOrDefault(s.id(), new long[2]);
            rows.add(new Row(s.id(), s.name(), place.map(j -> j.name).orElse(s.jurisdictionCode()), held[0],
                    held[0] >= MIN_SESSIONS, held[1], reached, group,
                    group == null || group == 0 ? null : percent(reached, group), r[0],
                    r[0] == 0 ? null : percent(r[1], r[0])));
        }
        return new Coverage(q, rows);
    }

    /** A school as the report names it. */
    record SchoolRef(long id, String name, String jurisdictionCode) {
    }

    /**
     * A quarter's figures of every school, by school id: sessions held and person-times ({@code [sessions, times]}),
     * people reached, exam scores and passes ({@code [scores, passed]}); the schools by jurisdiction code.
     */
    record Figures(List<SchoolRef> schools, Map<Long, long[]> sessions, Map<Long, Long> people,
            Map<Long, long[]> results) {
    }

    /**
     * The figures of the days {@code from}–{@code to} through {@code c}, in one transaction (one view on a standby).
     * Sessions held and person-times as kept on each session by the attendance save, people reached from the
     * residents attended per school and day (SC_REACH, an index-only count): no mark is read here. Reading every
     * mark of the quarter and its roster line took half a report at 231,720 marks (BENCHMARKS.md). Starts afresh
     * each time: it may run twice (a standby failing part-way, then the primary).
     */
    static Figures figures(Connection c, LocalDate from, LocalDate to) throws SQLException {
        Map<Long, long[]> sessions = new HashMap<>();
        each(c, "SELECT SCHOOL_ID, COUNT(*), SUM(PERSON_TIMES) FROM SC_SESSION WHERE HELD_ON BETWEEN ? AND ? "
                + "GROUP BY SCHOOL_ID", from, to, rs -> sessions.put(rs.getLong(1), new long[] {rs.getLong(2),
                        rs.getLong(3)}));
        Map<Long, Long> people = new HashMap<>();
        each(c, "SELECT SCHOOL_ID, COUNT(DISTINCT RESIDENT_ID) FROM SC_REACH WHERE HELD_ON BETWEEN ? AND ? "
                + "GROUP BY SCHOOL_ID", from, to, rs -> people.put(rs.getLong(1), rs.getLong(2)));
        // PASSED is a SMALLINT on Derby and a BOOLEAN on PostgreSQL: grouped by, read with getBoolean on both
        Map<Long, long[]> results = new HashMap<>();
        each(c, "SELECT c.SCHOOL_ID, r.PASSED, COUNT(*) FROM SC_RESULT r JOIN SC_EXAM x ON r.EXAM_ID = x.ID "
                + "JOIN SC_CLASS c ON x.CLASS_ID = c.ID WHERE x.HELD_ON BETWEEN ? AND ? GROUP BY c.SCHOOL_ID, r.PASSED",
                from, to, rs -> {
                    long[] v = results.computeIfAbsent(rs.getLong(1), k -> new long[2]);
                    v[0] += rs.getLong(3);
                    if (rs.getBoolean(2)) {
                        v[1] += rs.getLong(3);
                    }
                });
        List<SchoolRef> schools = new ArrayList<>();
        each(c, "SELECT ID, NAME, JURISDICTION_CODE FROM SC_SCHOOL ORDER BY JURISDICTION_CODE", null, null,
                rs -> schools.add(new SchoolRef(rs.getLong(1), rs.getString(2), rs.getString(3))));
        return new Figures(schools, sessions, people, results);
    }

    /** One row of a result. */
    @FunctionalInterface
    private interface RowReader {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with the days {@code from} and {@code to} bound (when given), handing on each row. */
    private static void each(Connection c, String sql, LocalDate from, LocalDate to, RowReader row)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            if (from != null) {
                ps.setDate(1, Date.valueOf(from));
                ps.setDate(2, Date.valueOf(to));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    /** The report as a table for the platform's Excel and PDF writer, in the reader's language. */
    public static ReportTable table(Coverage c, boolean en) {
        List<List<Object>> rows = new ArrayList<>();
        for (Row r : c.rows()) {
            rows.add(java.util.Arrays.asList(r.school(), r.jurisdiction(), r.sessions(),
                    r.meetsRule() ? (en ? "yes" : "是") : (en ? "no" : "否"), r.personTimes(), r.peopleReached(),
                    r.targetGroup(), r.reachedPercent(), r.scores(), r.passPercent()));
        }
        return en ? new ReportTable("Population school coverage " + c.quarter(), List.of("School", "Jurisdiction",
                "Sessions", "At least 2", "Person-times", "People reached", "Women 15–49", "Reached %", "Scores",
                "Pass %"), rows, List.of("Rule: at least two trainings a quarter per community."))
                : new ReportTable("人口学校培训覆盖情况 " + c.quarter(), List.of("学校", "辖区", "培训次数", "达到每季度两次",
                        "参训人次", "参训人数", "15–49 岁妇女", "覆盖率 %", "考试人次", "及格率 %"), rows,
                        List.of("要求：每个社区每季度培训不少于两次。"));
    }

    /**
     * Women 15–49 of each school's jurisdiction (育龄妇女) from the core's statistics snapshot (minutes old, as every
     * figure of the statistics): counting them live took 200 index range scans over a million residents per report
     * (8 s, BENCHMARKS.md). One snapshot walk per parent in the caller's reach gives every sub-unit's figure at
     * once ({@code AreaDTO.womenOfChildbearingAge}, statistics API 1.2), instead of one walk per school; a parent
     * outside the reach (a community's teacher) is never asked — that would be a denied read — the school's own
     * jurisdiction is. Null when the caller's role is not shown statistics or none is ready yet.
     */
    private final class TargetGroups {
        private final Caller caller;
        private final Map<String, Map<String, Long>> byParent = new HashMap<>();
        private boolean unavailable;

        TargetGroups(Caller caller) {
            this.caller = caller;
        }

        Long of(String code, String parent) {
            if (unavailable) {
                return null;
            }
            try {
                if (parent == null || !caller.covers(parent)) {
                    return statistics.population(caller, code).womenOfChildbearingAge;
                }
                Map<String, Long> areas = byParent.computeIfAbsent(parent, p -> {
                    Map<String, Long> m = new HashMap<>();
                    for (AreaDTO a : statistics.population(caller, p).areas) {
                        if (a.code != null) {
                            m.put(a.code, a.womenOfChildbearingAge);
                        }
                    }
                    return m;
                });
                Long n = areas.get(code);
                return n != null ? n : statistics.population(caller, code).womenOfChildbearingAge;
            } catch (RenkouException e) {
                // a role the core does not show statistics to, or no snapshot yet: the share stays empty, and the
                // other schools of the report do not wait again
                unavailable = e.kind() == RenkouException.Kind.UNAVAILABLE;
                return null;
            }
        }
    }

    private String current() {
        LocalDate t = db.today();
        return t.getYear() + "Q" + ((t.getMonthValue() - 1) / 3 + 1);
    }

    private static double percent(long part, long whole) {
        return Math.round(1000.0 * part / whole) / 10.0;
    }
}
