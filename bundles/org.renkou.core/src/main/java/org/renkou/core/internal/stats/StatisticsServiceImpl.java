package org.renkou.core.internal.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.benefit.ApplicationStatus;
import org.renkou.core.api.benefit.ReviewLevel;
import org.renkou.core.api.certificate.CertificateService;
import org.renkou.core.api.certificate.CertificateTypeDTO;
import org.renkou.core.api.resident.ResidenceStatus;
import org.renkou.core.api.stats.ActivityDTO;
import org.renkou.core.api.stats.AgeBand;
import org.renkou.core.api.stats.AreaDTO;
import org.renkou.core.api.stats.BenefitCountDTO;
import org.renkou.core.api.stats.CountDTO;
import org.renkou.core.api.stats.DashboardDTO;
import org.renkou.core.api.stats.MonthDTO;
import org.renkou.core.api.stats.PopulationDTO;
import org.renkou.core.api.stats.SnapshotDTO;
import org.renkou.core.api.stats.StatisticsService;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.jurisdiction.JurisdictionEntity;
import org.renkou.core.internal.jurisdiction.Scope;
import org.renkou.core.internal.stats.Snapshot.EventCell;
import org.renkou.core.internal.stats.Snapshot.ResidentCell;

/**
 * Statistics (统计报表) over the in-memory {@link Snapshot}; the only live query is the caller's pending decisions.
 * Scoping: a cell counts for a set of code prefixes when one of its places starts with one of them — the same rule
 * the services apply to single records, so a community officer's figures are their community's.
 */
@Component
public class StatisticsServiceImpl implements StatisticsService {
    static final String TYPE = "statistics";
    private static final int MAX_MONTHS = 120;
    private static final long FIRST_SNAPSHOT_WAIT_SECONDS = 60;

    private final Database db;
    private final StatisticsSnapshots snapshots;
    private final CertificateService certificates;
    private final Clock clock;

    @Activate
    public StatisticsServiceImpl(@Reference CoreDatabase database, @Reference StatisticsSnapshots snapshots,
            @Reference CertificateService certificates) {
        this(database.database(), snapshots, certificates, ChinaTime.clock());
    }

    public StatisticsServiceImpl(Database db, StatisticsSnapshots snapshots, CertificateService certificates,
            Clock clock) {
        this.db = db;
        this.snapshots = snapshots;
        this.certificates = certificates;
        this.clock = clock;
    }

    // ---- what the caller asks about ------------------------------------------------------------------------

    /** A sub-jurisdiction line of the drill-down. */
    private record Area(String code, String name, JurisdictionLevel level, String prefix, boolean hasChildren) {
    }

    /**
     * The jurisdiction asked for (null code: the caller's whole reach), its prefixes and sub-units, and its parent
     * when that is within the caller's reach (null otherwise: no way up that would be refused).
     */
    private record Target(String code, String name, List<String> prefixes, List<Area> areas, JurisdictionEntity parent) {
        Target(String code, String name, List<String> prefixes, List<Area> areas) {
            this(code, name, prefixes, areas, null);
        }
    }

    private Target target(Caller caller, String jurisdictionCode) {
        String code = jurisdictionCode == null || jurisdictionCode.isBlank() ? null : jurisdictionCode.strip();
        if (code == null) {
            Set<String> mine = caller.jurisdictionCodes();
            if (mine.size() == 1 && !mine.contains("")) {
                return target(caller, mine.iterator().next());
            }
            if (mine.contains("")) { // the whole country: the provinces
                return db.read(em -> new Target(null, "全国", List.of(""), areas(em,
                        em.createNamedQuery(JurisdictionEntity.ROOTS, JurisdictionEntity.class).getResultList())));
            }
            return db.read(em -> {
                List<JurisdictionEntity> own = new ArrayList<>();
                for (String c : mine) {
                    JurisdictionEntity j = em.find(JurisdictionEntity.class, c);
                    if (j != null) {
                        own.add(j);
                    }
                }
                return new Target(null, "本人全部辖区", List.copyOf(caller.scopePrefixes()), areas(em, own));
            });
        }
        JurisdictionLevel level = JurisdictionLevel.ofCodeFor(code, "jurisdiction");
        if (!caller.covers(code)) {
            AuditLog.recordDenied(db, caller, TYPE, code, code, "outside the caller's jurisdictions " + caller.jurisdictionCodes());
            throw noSuchJurisdiction(code);
        }
        return db.read(em -> {
            JurisdictionEntity j = em.find(JurisdictionEntity.class, code);
            if (j == null) {
                throw noSuchJurisdiction(code);
            }
            JurisdictionEntity parent = j.parentCode() == null || !caller.covers(j.parentCode()) ? null
                    : em.find(JurisdictionEntity.class, j.parentCode());
            return new Target(code, j.name(), List.of(level.childPrefix(code)), areas(em,
                    em.createNamedQuery(JurisdictionEntity.CHILDREN, JurisdictionEntity.class)
                            .setParameter("parent", code).getResultList()), parent);
        });
    }

    private static List<Area> areas(EntityManager em, List<JurisdictionEntity> units) {
        Set<String> withChildren = new HashSet<>();
        if (!units.isEmpty()) {
            for (Object[] row : em.createNamedQuery(JurisdictionEntity.CHILD_COUNTS, Object[].class)
                    .setParameter("parents", units.stream().map(JurisdictionEntity::code).toList()).getResultList()) {
                withChildren.add((String) row[0]);
            }
        }
        return units.stream().map(j -> new Area(j.code(), j.name(), j.level(), j.level().childPrefix(j.code()),
                withChildren.contains(j.code()))).toList();
    }

    private static RenkouException noSuchJurisdiction(String code) {
        return RenkouException.notFound("jurisdiction", "辖区 " + code + " 不存在或不在您的辖区内。",
                "Jurisdiction " + code + " does not exist or lies outside your jurisdiction.");
    }

    /** The current snapshot; right after the first start, waits for the first one (bounded). */
    private Snapshot snapshotOrWait() {
        Optional<Snapshot> s = snapshots.current();
        if (s.isPresent()) {
            return s.get();
        }
        await(snapshots.request("START"), FIRST_SNAPSHOT_WAIT_SECONDS);
        return snapshots.current().orElseThrow(StatisticsServiceImpl::notReady);
    }

    private static void await(java.util.concurrent.Future<Long> build, long seconds) {
        try {
            build.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw notReady();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw notReady();
        }
    }

    private static RenkouException notReady() {
        return RenkouException.unavailable("统计数据正在生成，请稍后再试。", "The statistics are being prepared; try again shortly.");
    }

    // ---- population ----------------------------------------------------------------------------------------

    @Override
    public PopulationDTO population(Caller caller, String jurisdictionCode) {
        Target t = target(caller, jurisdictionCode);
        Snapshot s = snapshotOrWait();
        PopulationDTO d = new PopulationDTO();
        d.jurisdictionCode = t.code();
        d.jurisdictionName = t.name();
        if (t.parent() != null) {
            d.parentCode = t.parent().code();
            d.parentName = t.parent().name();
        }
        d.snapshot = s.toDTO(snapshots.refreshing());
        List<Area> areas = t.areas();
        AreaIndex index = new AreaIndex(areas);
        AreaDTO[] lines = new AreaDTO[areas.size()];
        for (int i = 0; i < lines.length; i++) {
            Area a = areas.get(i);
            lines[i] = new AreaDTO();
            lines[i].code = a.code();
            lines[i].name = a.name();
            lines[i].level = a.level().name();
            lines[i].hasChildren = a.hasChildren();
        }
        AreaDTO elsewhere = new AreaDTO();
        elsewhere.name = "未归入下级辖区";
        long[][] bySex = new long[2][1];
        long[][] bands = new long[AgeBand.values().length][2];
        long[][] statuses = new long[Snapshot.STATUSES.length][2];
        long[][] marital = new long[Snapshot.MARITAL.length][2];
        int firstFertile = AgeBand.A15_19.ordinal();
        int lastFertile = AgeBand.A40_49.ordinal();
        for (ResidentCell c : s.residentCells()) {
            if (!c.within(t.prefixes())) {
                continue;
            }
            int n = c.n();
            d.total += n;
            boolean living = startsWithAny(c.residence(), t.prefixes());
            boolean registered = startsWithAny(c.registration(), t.prefixes());
            d.livingHere += living ? n : 0;
            d.registeredHere += registered ? n : 0;
            bySex[c.sex()][0] += n;
            bands[c.band()][c.sex()] += n;
            statuses[c.status()][c.sex()] += n;
            marital[c.marital()][c.sex()] += n;
            if (c.sex() == 1 && c.band() >= firstFertile && c.band() <= lastFertile) {
                d.womenOfChildbearingAge += n;
                d.marriedWomenOfChildbearingAge += c.marital() == 1 ? n : 0;
            }
            int home = index.of(c.residence());
            int registry = index.of(c.registration());
            if (home >= 0) {
                lines[home].livingHere += n;
            }
            if (registry >= 0) {
                lines[registry].registeredHere += n;
            }
            if (home < 0 && registry < 0) {
                count(elsewhere, c, living, registered);
            } else {
                if (home >= 0) {
                    count(lines[home], c, false, false);
                }
                if (registry >= 0 && registry != home) {
                    count(lines[registry], c, false, false);
                }
            }
        }
        d.areas.addAll(List.of(lines));
        if (elsewhere.total > 0) {
            d.areas.add(elsewhere);
        }
        d.bySex.add(row("MALE", "男", "male", bySex[0][0], bySex[0][0], 0));
        d.bySex.add(row("FEMALE", "女", "female", bySex[1][0], 0, bySex[1][0]));
        for (AgeBand b : AgeBand.values()) {
            long[] x = bands[b.ordinal()];
            d.byAgeBand.add(row(b.label(), b.nameZh(), b.nameEn(), x[0] + x[1], x[0], x[1]));
        }
        for (ResidenceStatus st : ResidenceStatus.values()) {
            long[] x = statuses[st.ordinal()];
            d.byStatus.add(row(st.name(), st.nameZh(), st.nameEn(), x[0] + x[1], x[0], x[1]));
        }
        String[][] maritalNames = {{"未婚", "unmarried"}, {"已婚", "married"}, {"离婚", "divorced"}, {"丧偶", "widowed"},
            {"未登记", "not recorded"}};
        for (int i = 0; i < Snapshot.MARITAL.length; i++) {
            long[] x = marital[i];
            d.byMaritalStatus.add(row(Snapshot.MARITAL[i], maritalNames[i][0], maritalNames[i][1], x[0] + x[1], x[0], x[1]));
        }
        return d;
    }

    private static void count(AreaDTO a, ResidentCell c, boolean living, boolean registered) {
        a.total += c.n();
        a.livingHere += living ? c.n() : 0;
        a.registeredHere += registered ? c.n() : 0;
        if (c.sex() == 0) {
            a.male += c.n();
        } else {
            a.female += c.n();
        }
        if (c.status() == ResidenceStatus.MIGRANT.ordinal()) {
            a.migrants += c.n();
        }
        if (c.sex() == 1 && c.band() >= AgeBand.A15_19.ordinal() && c.band() <= AgeBand.A40_49.ordinal()) {
            a.womenOfChildbearingAge += c.n();
        }
    }

    /** Finds the sub-unit a code lies in by its prefix: one map lookup per prefix length. */
    private static final class AreaIndex {
        private final Map<Integer, Map<String, Integer>> byLength = new TreeMap<>();

        AreaIndex(List<Area> areas) {
            for (int i = 0; i < areas.size(); i++) {
                String p = areas.get(i).prefix();
                byLength.computeIfAbsent(p.length(), x -> new HashMap<>()).putIfAbsent(p, i);
            }
        }

        int of(String code) {
            for (Map.Entry<Integer, Map<String, Integer>> e : byLength.entrySet()) {
                if (code.length() >= e.getKey()) {
                    Integer i = e.getValue().get(code.substring(0, e.getKey()));
                    if (i != null) {
                        return i;
                    }
                }
            }
            return -1;
        }
    }

    private static boolean startsWithAny(String code, List<String> prefixes) {
        for (String p : prefixes) {
            if (code.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static CountDTO row(String key, String zh, String en, long total, long male, long female) {
        CountDTO c = new CountDTO(key, zh, en);
        c.total = total;
        c.male = male;
        c.female = female;
        return c;
    }

    // ---- activity ------------------------------------------------------------------------------------------

    @Override
    public ActivityDTO activity(Caller caller, String jurisdictionCode, YearMonth from, YearMonth to) {
        YearMonth last = to != null ? to : YearMonth.now(clock);
        YearMonth first = from != null ? from : last.minusMonths(11);
        if (first.isAfter(last)) {
            throw RenkouException.invalid("from", "起始月份不能晚于截止月份。", "The first month must not be after the last.");
        }
        if (ChronoUnit.MONTHS.between(first, last) >= MAX_MONTHS) {
            throw RenkouException.invalid("to", "统计期间最长 " + MAX_MONTHS + " 个月。",
                    "The period may span at most " + MAX_MONTHS + " months.");
        }
        Target t = target(caller, jurisdictionCode);
        Snapshot s = snapshotOrWait();
        ActivityDTO d = new ActivityDTO();
        d.jurisdictionCode = t.code();
        d.jurisdictionName = t.name();
        d.snapshot = s.toDTO(snapshots.refreshing());
        d.from = first.toString();
        d.to = last.toString();
        Map<String, MonthDTO> months = new LinkedHashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            MonthDTO line = new MonthDTO();
            line.month = m.toString();
            months.put(line.month, line);
        }
        Map<String, CountDTO> types = new TreeMap<>();
        Map<String, BenefitCountDTO> schemes = new TreeMap<>();
        for (EventCell c : s.eventCells()) {
            MonthDTO m = c.period() == null ? null : months.get(c.period());
            if (m == null || !c.within(t.prefixes())) {
                continue;
            }
            int n = c.n();
            switch (c.kind()) {
                case "MARRIAGE" -> m.marriages += n;
                case "DIVORCE" -> m.divorces += n;
                case "BIRTH" -> {
                    m.births += n;
                    switch (c.category()) {
                        case "1" -> m.firstBirths += n;
                        case "2" -> m.secondBirths += n;
                        default -> m.thirdOrLaterBirths += n;
                    }
                }
                case "CERTIFICATE" -> {
                    m.certificatesIssued += n;
                    types.computeIfAbsent(c.category(), k -> new CountDTO(k, k, k)).total += n;
                }
                case "APPLICATION" -> {
                    m.applicationsSubmitted += n;
                    BenefitCountDTO b = schemes.computeIfAbsent(c.category(), k -> {
                        BenefitCountDTO x = new BenefitCountDTO();
                        x.schemeId = k;
                        x.nameZh = c.labelZh();
                        x.nameEn = c.labelEn();
                        return x;
                    });
                    b.total += n;
                    switch (ApplicationStatus.valueOf(c.subcategory())) {
                        case IN_REVIEW -> b.inReview += n;
                        case APPROVED -> b.approved += n;
                        case PAID -> b.paid += n;
                        case REJECTED -> b.rejected += n;
                    }
                }
                case "MIGRANT_IN" -> m.migrantsArrived += n;
                case "MIGRANT_OUT" -> m.migrantsLeft += n;
                default -> {
                    // dated kinds added later are simply not shown here
                }
            }
        }
        Map<String, CertificateTypeDTO> names = new HashMap<>();
        for (CertificateTypeDTO type : certificates.types()) {
            names.put(type.key, type);
        }
        for (CountDTO c : types.values()) {
            CertificateTypeDTO type = names.get(c.key);
            if (type != null) { // a stopped province's types keep their key as name
                c.nameZh = type.nameZh;
                c.nameEn = type.nameEn;
            }
        }
        d.months.addAll(months.values());
        d.totals = new MonthDTO();
        d.totals.month = "合计";
        for (MonthDTO m : d.months) {
            d.totals.marriages += m.marriages;
            d.totals.divorces += m.divorces;
            d.totals.births += m.births;
            d.totals.firstBirths += m.firstBirths;
            d.totals.secondBirths += m.secondBirths;
            d.totals.thirdOrLaterBirths += m.thirdOrLaterBirths;
            d.totals.certificatesIssued += m.certificatesIssued;
            d.totals.applicationsSubmitted += m.applicationsSubmitted;
            d.totals.migrantsArrived += m.migrantsArrived;
            d.totals.migrantsLeft += m.migrantsLeft;
        }
        d.certificatesByType.addAll(types.values());
        d.benefits.addAll(schemes.values());
        return d;
    }

    // ---- dashboard -----------------------------------------------------------------------------------------

    @Override
    public DashboardDTO dashboard(Caller caller) {
        Snapshot s = snapshotOrWait();
        List<String> prefixes = List.copyOf(caller.scopePrefixes());
        DashboardDTO d = new DashboardDTO();
        d.snapshot = s.toDTO(snapshots.refreshing());
        long[][] bands = new long[AgeBand.values().length][2];
        for (ResidentCell c : s.residentCellsWithin(prefixes)) {
            d.residents += c.n();
            bands[c.band()][c.sex()] += c.n();
        }
        for (AgeBand b : AgeBand.values()) {
            long[] x = bands[b.ordinal()];
            d.byAgeBand.add(row(b.label(), b.nameZh(), b.nameEn(), x[0] + x[1], x[0], x[1]));
        }
        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (ApplicationStatus st : ApplicationStatus.values()) {
            byStatus.put(st.name(), 0L);
        }
        for (EventCell c : s.eventCells()) {
            if (!c.within(prefixes)) {
                continue;
            }
            switch (c.kind()) {
                case "HOUSEHOLD" -> d.households += c.n();
                case "CERTIFICATE" -> d.validCertificates += "VALID".equals(c.subcategory()) ? c.n() : 0;
                case "MIGRANT_PRESENT" -> d.migrantsPresent += c.n();
                case "APPLICATION" -> byStatus.merge(c.subcategory(), (long) c.n(), Long::sum);
                default -> {
                    // not on the dashboard
                }
            }
        }
        String[][] names = {{"审核中", "in review"}, {"已批准", "approved"}, {"已发放", "paid"}, {"未通过", "rejected"}};
        int i = 0;
        for (Map.Entry<String, Long> e : byStatus.entrySet()) {
            String[] n = i < names.length ? names[i] : new String[] {e.getKey(), e.getKey()};
            d.applicationsByStatus.add(row(e.getKey(), n[0], n[1], e.getValue(), 0, 0));
            i++;
        }
        long[] pending = pending(caller);
        d.pendingForMe = pending[0];
        d.pendingReadyForMe = pending[1];
        return d;
    }

    /**
     * Live: applications at a step of the caller's level within one of their jurisdictions (the reviewers' rule of
     * BenefitApplicationServiceImpl), and approved ones whose payment they record; {total, notice over}. One
     * index range scan (status, place) per jurisdiction and status.
     */
    long[] pending(Caller caller) {
        if (!caller.hasAny(Role.DIRECTOR, Role.FAMILY_SERVICES)) {
            return new long[2];
        }
        LocalDate today = LocalDate.now(clock);
        return db.read(em -> {
            Set<Long> all = new HashSet<>();
            Set<Long> ready = new HashSet<>();
            for (String code : caller.jurisdictionCodes()) {
                if (code.isEmpty()) {
                    continue;
                }
                JurisdictionLevel level = JurisdictionLevel.ofCode(code);
                ReviewLevel reviewLevel = null;
                for (ReviewLevel r : ReviewLevel.values()) {
                    if (r.jurisdictionLevel() == level) {
                        reviewLevel = r;
                    }
                }
                if (reviewLevel == null) {
                    continue;
                }
                for (ApplicationStatus status : List.of(ApplicationStatus.IN_REVIEW, ApplicationStatus.APPROVED)) {
                    List<Object[]> rows = em.createQuery("SELECT a.id, a.approvalChain, a.currentStep, a.noticeUntil "
                            + "FROM BenefitApplicationEntity a WHERE a.status = :s AND a.jurisdictionCode LIKE :p",
                            Object[].class).setParameter("s", status).setParameter("p", level.childPrefix(code) + "%")
                            .getResultList();
                    for (Object[] r : rows) {
                        String[] chain = ((String) r[1]).split(",");
                        Integer step = (Integer) r[2];
                        String at = status == ApplicationStatus.APPROVED ? chain[chain.length - 1]
                                : step == null || step >= chain.length ? "" : chain[step];
                        if (!at.startsWith(reviewLevel.name() + ":")) {
                            continue;
                        }
                        all.add((Long) r[0]);
                        LocalDate until = (LocalDate) r[3];
                        if (status == ApplicationStatus.APPROVED || until == null || !today.isBefore(until)) {
                            ready.add((Long) r[0]);
                        }
                    }
                }
            }
            return new long[] {all.size(), ready.size()};
        });
    }

    // ---- snapshot ------------------------------------------------------------------------------------------

    @Override
    public SnapshotDTO snapshot() {
        return snapshots.current().map(s -> s.toDTO(snapshots.refreshing())).orElseGet(() -> {
            SnapshotDTO d = new SnapshotDTO();
            d.refreshing = snapshots.refreshing();
            return d;
        });
    }

    @Override
    public SnapshotDTO refresh(Caller caller) {
        caller.require("刷新统计数据", "refresh the statistics", Role.ADMIN);
        await(snapshots.request("MANUAL"), 300);
        return snapshot();
    }
}
