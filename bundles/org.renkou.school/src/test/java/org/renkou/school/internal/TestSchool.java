package org.renkou.school.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.Page;
import org.renkou.core.api.Role;
import org.renkou.core.api.Sex;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.api.jurisdiction.JurisdictionService;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.ResidentQuery;
import org.renkou.core.api.resident.ResidentRef;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.core.api.staff.StaffDTO;
import org.renkou.core.api.staff.StaffService;
import org.renkou.core.api.stats.StatisticsService;
import org.renkou.module.api.testing.TestModuleDatabase;
import org.renkou.school.internal.classes.ClassService;
import org.renkou.school.internal.classes.LessonFiles;
import org.renkou.school.internal.classes.PlanService;
import org.renkou.school.internal.exams.Certificates;
import org.renkou.school.internal.exams.ExamService;
import org.renkou.school.internal.exams.PaperService;
import org.renkou.school.internal.reports.CoverageService;
import org.renkou.school.internal.reports.SummaryService;
import org.renkou.school.internal.schools.SchoolService;

/**
 * The real {@code renkou.school} persistence unit on a real Derby database on disk (under target/), outside OSGi,
 * migrated by the bundle's own scripts; the core's services are small fakes: residents in a list (the core's reach
 * and target-group filters applied as the core applies them), staff and jurisdictions by name.
 */
final class TestSchool implements AutoCloseable {
    static final String COMMUNITY = "440606901001";
    static final String OTHER = "440606901002";
    /** The street both communities belong to. */
    static final String STREET = "440606901";
    static final Caller DIRECTOR = caller("director", Role.DIRECTOR, "440606901");
    static final Caller TEACHER = caller("teacher", Role.TEACHER, COMMUNITY);
    static final Caller OTHER_TEACHER = caller("teacher2", Role.TEACHER, OTHER);
    static final Caller OFFICER = caller("officer", Role.FAMILY_SERVICES, COMMUNITY);
    static final Caller OTHER_OFFICER = caller("officer2", Role.FAMILY_SERVICES, OTHER);
    static final Caller STATISTICIAN = caller("stat", Role.STATISTICIAN, "440606901");

    static final Path MIGRATIONS = Path.of("target/classes/db/" + School.ID);

    final EntityManagerFactory emf;
    final TestClock clock = new TestClock(LocalDate.of(2026, 7, 15));
    final SchoolDatabase db;
    /** The unit under {@link #db}: its {@code reports()} tell the report reads from the others. */
    final TestModuleDatabase unit;
    final List<String> audit = Collections.synchronizedList(new ArrayList<>());
    final List<ResidentDTO> people = Collections.synchronizedList(new ArrayList<>());
    /** Calls to the fake core's {@code ResidentService} by method name. */
    final Map<String, Integer> coreCalls = new java.util.concurrent.ConcurrentHashMap<>();
    final SchoolService schools;
    final ClassService classes;
    final PlanService plans;
    final ExamService exams;
    final CoverageService coverage;
    final Certificates certificates;
    final LessonFiles files;
    final SummaryService summaries;
    final PaperService papers;
    /** The fake core's residents, as the school's services see them. */
    final ResidentService residentService;

    TestSchool() {
        Path folder = Path.of("target", "test-db", UUID.randomUUID().toString()).toAbsolutePath();
        emf = Persistence.createEntityManagerFactory("renkou.school",
                Map.of("javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver",
                        "javax.persistence.jdbc.url", "jdbc:derby:" + folder + ";create=true"));
        unit = new TestModuleDatabase(emf, MIGRATIONS, audit);
        db = new SchoolDatabase(unit, clock);
        ResidentService residents = residentService = proxy(ResidentService.class, (name, args) -> {
            coreCalls.merge(name, 1, Integer::sum);
            return switch (name) {
                case "find" -> people.stream().filter(r -> r.id.equals(args[1])
                        && ((Caller) args[0]).covers(r.residenceCode)).findFirst();
                case "search" -> search((Caller) args[0], (ResidentQuery) args[1]);
                case "matches" -> matches((Caller) args[0], (ResidentQuery) args[1]).stream().limit((int) args[2] + 1L)
                        .map(r -> new ResidentRef(r.id, r.name, r.residenceCode)).toList();
                case "count" -> (long) matches((Caller) args[0], (ResidentQuery) args[1]).size();
                default -> throw new UnsupportedOperationException(name);
            };
        });
        JurisdictionService jurisdictions = proxy(JurisdictionService.class, (name, args) -> {
            JurisdictionDTO j = new JurisdictionDTO();
            j.code = (String) args[0];
            j.name = j.code.equals(COMMUNITY) ? "一社区" : "二社区";
            j.parentCode = STREET;
            return Optional.of(j);
        });
        StaffService staff = proxy(StaffService.class, (name, args) -> {
            StaffDTO s = new StaffDTO();
            s.username = (String) args[1];
            s.name = "张老师";
            s.roles = Set.of(s.username.startsWith("teacher") ? Role.TEACHER : Role.STATISTICIAN);
            return s.username.equals("nobody") ? Optional.empty() : Optional.of(s);
        });
        schools = new SchoolService(db, jurisdictions, staff);
        classes = new ClassService(db, residents);
        plans = new PlanService(db);
        exams = new ExamService(db, residents);
        // the statistics snapshot's women 15–49 of a jurisdiction, counted from the fake's people on the day
        // (the street's answer carries its two communities as areas, each with its own figure)
        StatisticsService statistics = proxy(StatisticsService.class, (name, args) -> {
            coreCalls.merge("population " + args[1], 1, Integer::sum);
            Caller caller = (Caller) args[0];
            org.renkou.core.api.stats.PopulationDTO d = new org.renkou.core.api.stats.PopulationDTO();
            d.womenOfChildbearingAge = women(caller, (String) args[1]);
            if (STREET.equals(args[1])) {
                for (String code : List.of(COMMUNITY, OTHER)) {
                    org.renkou.core.api.stats.AreaDTO a = new org.renkou.core.api.stats.AreaDTO();
                    a.code = code;
                    a.womenOfChildbearingAge = women(caller, code);
                    d.areas.add(a);
                }
            }
            return d;
        });
        coverage = new CoverageService(db, statistics, jurisdictions);
        certificates = new Certificates(db);
        files = new LessonFiles(db);
        summaries = new SummaryService(db);
        papers = new PaperService(db);
    }

    /** Adds {@code n} residents of {@code code}: women aged 30 when {@code female}, men aged 30 otherwise. */
    List<Long> residents(int n, String code, boolean female) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ResidentDTO r = new ResidentDTO();
            r.id = (long) people.size() + 1;
            r.name = (female ? "李" : "王") + String.format("%04d", r.id);
            r.sex = female ? Sex.FEMALE : Sex.MALE;
            r.birthDate = LocalDate.of(1996, 1, 1);
            r.residenceCode = code;
            people.add(r);
            ids.add(r.id);
        }
        return ids;
    }

    private Page<ResidentDTO> search(Caller caller, ResidentQuery q) {
        List<ResidentDTO> all = matches(caller, q);
        int offset = q.offset == null ? 0 : q.offset;
        int limit = q.limit == null ? Page.DEFAULT_LIMIT : q.limit;
        return new Page<>(all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size())),
                all.size(), offset, limit);
    }

    private List<ResidentDTO> matches(Caller caller, ResidentQuery q) {
        return people.stream().filter(r -> caller.covers(r.residenceCode))
                .filter(r -> q.jurisdictionCode == null || r.residenceCode.startsWith(q.jurisdictionCode))
                .filter(r -> q.sex == null || q.sex == r.sex)
                .filter(r -> q.bornFrom == null || !r.birthDate.isBefore(q.bornFrom))
                .filter(r -> q.bornTo == null || !r.birthDate.isAfter(q.bornTo))
                .filter(r -> q.marriedFrom == null) // nobody in the fake is married
                .toList();
    }

    static Caller caller(String name, Role role, String code) {
        return new Caller(name, Set.of(role), Set.of(code));
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private long women(Caller caller, String code) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ChinaTime.ZONE);
        ResidentQuery q = new ResidentQuery();
        q.jurisdictionCode = code;
        q.sex = Sex.FEMALE;
        q.bornFrom = today.minusYears(50).plusDays(1);
        q.bornTo = today.minusYears(15);
        return matches(caller, q).size();
    }

    static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.answer(m.getName(), args));
    }

    @Override
    public void close() {
        emf.close();
    }

    /** A clock fixed at a day. */
    static final class TestClock extends Clock {
        private final Instant now;

        TestClock(LocalDate today) {
            now = today.atTime(10, 0).atZone(ChinaTime.ZONE).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return ChinaTime.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
