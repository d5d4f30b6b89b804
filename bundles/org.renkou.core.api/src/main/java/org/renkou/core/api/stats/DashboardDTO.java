package org.renkou.core.api.stats;

import java.util.ArrayList;
import java.util.List;

/** The dashboard (工作台) of one caller. */
public class DashboardDTO {
    public SnapshotDTO snapshot;
    /** From the snapshot, over the caller's whole reach. */
    public long residents;
    public long households;
    public long validCertificates;
    public long migrantsPresent;
    /** Live: applications at a step the caller decides (their level, their jurisdiction), and payments to record. */
    public long pendingForMe;
    /** Live: of {@link #pendingForMe}, those whose public notice has ended (可办理). */
    public long pendingReadyForMe;
    /** From the snapshot: applications by status (IN_REVIEW, APPROVED, PAID, REJECTED). */
    public List<CountDTO> applicationsByStatus = new ArrayList<>();
    /** From the snapshot: residents by age band with men and women. */
    public List<CountDTO> byAgeBand = new ArrayList<>();
}
