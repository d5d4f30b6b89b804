package org.renkou.school.internal.reports;

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
import org.renkou.school.internal.entities.schools.SchoolEntity;

/**
 * Coverage figures per quarter (培训覆盖情况): for each school in reach, the sessions held (the rule: at least two a
 * quarter), person-times, people reached against the target group of women 15–49 in the jurisdiction (the core's
 * statistics snapshot), and the pass rate of the quarter's exams. Figures only: no names, nothing sensitive.
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
        List<Row> rows = db.read(em -> {
            // sessions held and person-times as kept on each session by the attendance save, people reached from
            // the residents attended per school and day (SC_REACH, an index-only count): no mark is read here. Reading
            // every mark of the quarter and its roster line took half a report at 231,720 marks (BENCHMARKS.md).
            Map<Long, Long> sessions = new HashMap<>();
            Map<Long, Long> times = new HashMap<>();
            for (Object[] r : em.createQuery("SELECT s.schoolId, COUNT(s), SUM(s.personTimes) FROM SessionEntity s "
                    + "WHERE s.heldOn BETWEEN :a AND :b GROUP BY s.schoolId", Object[].class)
                    .setParameter("a", from).setParameter("b", to).getResultList()) {
                sessions.put((Long) r[0], ((Number) r[1]).longValue());
                times.put((Long) r[0], r[2] == null ? 0L : ((Number) r[2]).longValue());
            }
            Map<Long, Long> people = counts(em.createQuery("SELECT r.schoolId, COUNT(DISTINCT r.residentId) "
                    + "FROM ReachEntity r WHERE r.heldOn BETWEEN :a AND :b GROUP BY r.schoolId", Object[].class)
                    .setParameter("a", from).setParameter("b", to).getResultList());
            Map<Long, long[]> results = new HashMap<>();
            for (Object[] r : em.createQuery("SELECT c.schoolId, r.passed, COUNT(r) FROM ResultEntity r, ExamEntity x, "
                    + "ClassEntity c WHERE r.examId = x.id AND x.classId = c.id AND x.heldOn BETWEEN :a AND :b "
                    + "GROUP BY c.schoolId, r.passed", Object[].class).setParameter("a", from).setParameter("b", to)
                    .getResultList()) {
                long[] v = results.computeIfAbsent((Long) r[0], k -> new long[2]);
                v[0] += ((Number) r[2]).longValue();
                if (Boolean.TRUE.equals(r[1])) {
                    v[1] += ((Number) r[2]).longValue();
                }
            }
            List<Row> out = new ArrayList<>();
            TargetGroups groups = new TargetGroups(caller);
            for (SchoolEntity s : em.createQuery("SELECT s FROM SchoolEntity s ORDER BY s.jurisdictionCode",
                    SchoolEntity.class).getResultList()) {
                if (!caller.covers(s.jurisdictionCode)) {
                    continue;
                }
                long n = sessions.getOrDefault(s.id, 0L);
                long reached = people.getOrDefault(s.id, 0L);
                Optional<JurisdictionDTO> place = jurisdictions.find(s.jurisdictionCode);
                Long group = groups.of(s.jurisdictionCode, place.map(j -> j.parentCode).orElse(null));
                long[] r = results.getOrDefault(s.id, new long[2]);
                out.add(new Row(s.id, s.name, place.map(j -> j.name).orElse(s.jurisdictionCode), n, n >= MIN_SESSIONS,
                        times.getOrDefault(s.id, 0L), reached, group,
                        group == null || group == 0 ? null : percent(reached, group), r[0],
                        r[0] == 0 ? null : percent(r[1], r[0])));
            }
            return out;
        });
        return new Coverage(q, rows);
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

    private static Map<Long, Long> counts(List<Object[]> rows) {
        Map<Long, Long> m = new HashMap<>();
        for (Object[] r : rows) {
            m.put((Long) r[0], ((Number) r[1]).longValue());
        }
        return m;
    }
}
