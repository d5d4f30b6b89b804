package org.renkou.core.api.stats;

import java.time.YearMonth;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;

/**
 * Statistics (统计报表) of the caller's jurisdictions. Counts come from the current {@link SnapshotDTO snapshot}
 * (a few minutes old at most, its time in every answer); what must be exact and is small — the applications waiting
 * for this caller's decision — is counted live. Scoped like every other service: a record counts for a
 * jurisdiction when it would be visible there (a resident where they live or are registered, a marriage where
 * either spouse does, an application where it was submitted).
 */
@ProviderType
public interface StatisticsService {
    /**
     * Population of {@code jurisdictionCode} (null: the caller's whole reach) by sub-jurisdiction, sex, age band,
     * residence status and marital status.
     *
     * @throws org.renkou.core.api.RenkouException INVALID naming {@code jurisdiction} for a malformed or unknown
     *         code, NOT_FOUND (audited) for one outside the caller's reach
     */
    PopulationDTO population(Caller caller, String jurisdictionCode);

    /**
     * Registrations per month from {@code from} to {@code to} (inclusive; null: the last 12 months), certificates
     * by type, benefit applications by scheme and status, migrants arriving and leaving.
     *
     * @throws org.renkou.core.api.RenkouException as {@link #population}, and INVALID naming {@code from} or
     *         {@code to} for a reversed or longer than 120-month period
     */
    ActivityDTO activity(Caller caller, String jurisdictionCode, YearMonth from, YearMonth to);

    /** The dashboard's figures (工作台) for the caller: counts from the snapshot, pending decisions live. */
    DashboardDTO dashboard(Caller caller);

    /** The current snapshot's time and size (and whether a refresh is running). */
    SnapshotDTO snapshot();

    /**
     * Builds a new snapshot now and waits for it (ADMIN only; FORBIDDEN otherwise). Joins a refresh already
     * running instead of starting a second.
     */
    SnapshotDTO refresh(Caller caller);
}
