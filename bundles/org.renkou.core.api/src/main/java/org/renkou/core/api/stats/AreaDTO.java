package org.renkou.core.api.stats;

/**
 * Population of one sub-jurisdiction (下级辖区). Dual jurisdiction: a resident living in one unit and registered in
 * another counts in both, so the rows can add up to more than the parent's total.
 */
public class AreaDTO {
    /** The jurisdiction's code; null for the line of residents within reach but in no listed sub-unit. */
    public String code;
    public String name;
    /** PROVINCE … GROUP; null for the "elsewhere" line. */
    public String level;
    /** Living or registered here (现居住地或户籍地在此), each resident once. */
    public long total;
    /** Place of residence here (现居住地). */
    public long livingHere;
    /** Household registration here (户籍地). */
    public long registeredHere;
    public long male;
    public long female;
    public long migrants;
    /**
     * Women aged 15–49 (育龄妇女) living or registered here, each once — what {@link PopulationDTO#womenOfChildbearingAge}
     * says for this jurisdiction, so that one call gives it for every sub-unit (since 1.2).
     */
    public long womenOfChildbearingAge;
    /** Whether the jurisdiction has sub-units to drill into. */
    public boolean hasChildren;
}
