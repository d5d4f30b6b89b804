package org.renkou.core.api.stats;

import java.util.ArrayList;
import java.util.List;

/** Activity of a jurisdiction over a period of months (业务统计), from one snapshot. */
public class ActivityDTO {
    public String jurisdictionCode;
    public String jurisdictionName;
    public SnapshotDTO snapshot;
    /** {@code 2026-01}, inclusive. */
    public String from;
    public String to;
    /** One line per month of the period, oldest first, and their sum in {@link #totals}. */
    public List<MonthDTO> months = new ArrayList<>();
    public MonthDTO totals;
    /** Certificates issued in the period by type; {@code male}/{@code female} unused, {@code total} issued. */
    public List<CountDTO> certificatesByType = new ArrayList<>();
    /** Applications submitted in the period by scheme, with their status now (as of the snapshot). */
    public List<BenefitCountDTO> benefits = new ArrayList<>();
}
