package org.renkou.core.api.migrant;

/** Filters for {@link MigrantService#search}; every field is optional, all given ones must match. */
public class MigrantQuery {
    /** Name, or its beginning. */
    public String name;
    /** The full ID number. */
    public String idNumber;
    /** Residence, responsible office or registration place at or below this jurisdiction. */
    public String jurisdictionCode;
    /** Only records whose registration place (户籍地) lies at or below this code: "our people elsewhere". */
    public String registrationCode;
    public MigrantStatus status;
    public Integer offset;
    public Integer limit;
}
