package org.renkou.core.internal.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

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
