package org.renkou.core.internal.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Function;

import org.renkou.core.api.stats.SnapshotDTO;

/**
 * One statistics snapshot held in memory: the resident cells and the event cells of one {@code STATS_SNAPSHOT} row.
 * Immutable; requests sum over it, so a figure costs a pass over tens of thousands of cells, not a scan of the
 * residents.
 */
public final class Snapshot {
    static final String[] SEXES = {"MALE", "FEMALE"};
    static final String[] STATUSES = {"REGISTERED", "RESIDENT", "MIGRANT"};
    /** Marital statuses; the last index stands for "not recorded". */
    static final String[] MARITAL = {"UNMARRIED", "MARRIED", "DIVORCED", "WIDOWED", "UNKNOWN"};

    /** Residents of one combination of places, sex, age band and statuses. Codes are shared strings. */
    public record ResidentCell(String residence, String registration, int sex, int band, int status, int marital,
            int n) {
        /** Whether the resident lives or is registered under one of {@code prefixes}. */
        boolean within(Collection<String> prefixes) {
            for (String p : prefixes) {
                if (residence.startsWith(p) || registration.startsWith(p)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * Records of one kind visible at any of {@code codes} (as their service scopes them), of one month (null: not
     * dated) and category.
     */
    public record EventCell(String kind, List<String> codes, String period, String category, String subcategory,
            String labelZh, String labelEn, int n) {
        boolean within(Collection<String> prefixes) {
            for (String c : codes) {
                for (String p : prefixes) {
                    if (c.startsWith(p)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    final long id;
    final Instant asOf;
    final LocalDate asOfDate;
    final String trigger;
    final long residents;
    final long buildMillis;
    /** The newest audit entry when counting began; null for snapshots from before it was kept. */
    final Long auditMark;
    final List<ResidentCell> residentCells;
    final List<EventCell> eventCells;
    /** The resident cells sorted by residence code and by registration code: a code prefix is a range of each. */
    private final ResidentCell[] byResidence;
    private final ResidentCell[] byRegistration;

    Snapshot(long id, Instant asOf, LocalDate asOfDate, String trigger, long residents, long buildMillis,
            Long auditMark, List<ResidentCell> residentCells, List<EventCell> eventCells) {
        this.id = id;
        this.asOf = asOf;
        this.asOfDate = asOfDate;
        this.trigger = trigger;
        this.residents = residents;
        this.buildMillis = buildMillis;
        this.auditMark = auditMark;
        this.residentCells = List.copyOf(residentCells);
        this.eventCells = List.copyOf(eventCells);
        this.byResidence = sorted(this.residentCells, ResidentCell::residence);
        this.byRegistration = sorted(this.residentCells, ResidentCell::registration);
    }

    private static ResidentCell[] sorted(List<ResidentCell> cells, Function<ResidentCell, String> code) {
        ResidentCell[] a = cells.toArray(ResidentCell[]::new);
        Arrays.sort(a, Comparator.comparing(code));
        return a;
    }

    /**
     * The resident cells of residents living or registered under one of {@code prefixes} ({@code ""}: all), each
     * once, as {@link ResidentCell#within} picks them (a caller's {@code reach}): ranges of the two sorted copies instead of a pass over every
     * cell — a province's snapshot has millions (BENCHMARKS.md, 10 million residents on PostgreSQL).
     */
    public List<ResidentCell> residentCellsWithin(List<String> reach) {
        if (reach.contains("")) {
            return residentCells;
        }
        List<String> prefixes = List.copyOf(new LinkedHashSet<>(reach)); // a prefix given twice counts once
        List<ResidentCell> out = new ArrayList<>();
        for (String p : prefixes) { // living there: under the first prefix the residence code has
            for (int i = first(byResidence, p, ResidentCell::residence); i < byResidence.length
                    && byResidence[i].residence().startsWith(p); i++) {
                if (p.equals(firstOf(byResidence[i].residence(), prefixes))) {
                    out.add(byResidence[i]);
                }
            }
        }
        for (String p : prefixes) { // registered there and living outside every prefix
            for (int i = first(byRegistration, p, ResidentCell::registration); i < byRegistration.length
                    && byRegistration[i].registration().startsWith(p); i++) {
                ResidentCell c = byRegistration[i];
                if (firstOf(c.residence(), prefixes) == null && p.equals(firstOf(c.registration(), prefixes))) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** The first index whose code is not below {@code p}: where the codes starting with {@code p} begin. */
    private static int first(ResidentCell[] sorted, String p, Function<ResidentCell, String> code) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (code.apply(sorted[mid]).compareTo(p) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static String firstOf(String code, List<String> prefixes) {
        for (String p : prefixes) {
            if (code.startsWith(p)) {
                return p;
            }
        }
        return null;
    }

    public SnapshotDTO toDTO(boolean refreshing) {
        SnapshotDTO d = new SnapshotDTO();
        d.id = id;
        d.asOf = asOf;
        d.residents = residents;
        d.cells = residentCells.size() + eventCells.size();
        d.buildMillis = buildMillis;
        d.trigger = trigger;
        d.refreshing = refreshing;
        return d;
    }

    public List<ResidentCell> residentCells() {
        return residentCells;
    }

    public List<EventCell> eventCells() {
        return eventCells;
    }

    public LocalDate asOfDate() {
        return asOfDate;
    }

    public long id() {
        return id;
    }
}
