package org.renkou.core.api.stats;

import java.util.ArrayList;
import java.util.List;

/** Population figures (人口统计) of one jurisdiction or of the caller's whole reach, from one snapshot. */
public class PopulationDTO {
    /** The jurisdiction asked for; null for the caller's whole reach. */
    public String jurisdictionCode;
    public String jurisdictionName;
    /** The jurisdiction one level up, for the way back up; null at the top of the caller's reach. */
    public String parentCode;
    public String parentName;
    public SnapshotDTO snapshot;
    /** Living or registered within it, each resident once. */
    public long total;
    public long livingHere;
    public long registeredHere;
    /** Women aged 15–49 (育龄妇女) and those of them married (已婚育龄妇女). */
    public long womenOfChildbearingAge;
    public long marriedWomenOfChildbearingAge;
    /** By sub-jurisdiction (drill-down), then an "elsewhere" line when some residents fall in none of them. */
    public List<AreaDTO> areas = new ArrayList<>();
    public List<CountDTO> bySex = new ArrayList<>();
    /** By {@link AgeBand}, with men and women. */
    public List<CountDTO> byAgeBand = new ArrayList<>();
    /** By residence status (户籍人口/常住人口/流动人口), with men and women. */
    public List<CountDTO> byStatus = new ArrayList<>();
    /** By marital status, with men and women; key {@code UNKNOWN} for residents without one. */
    public List<CountDTO> byMaritalStatus = new ArrayList<>();
}
