package org.renkou.core.api.resident;

/** Filters for {@link ResidentService#search}; every field is optional, all given ones must match. */
public class ResidentQuery {
    /** Name, or its beginning. */
    public String name;
    /** The full ID number. */
    public String idNumber;
    /** Residence or registration place at or below this jurisdiction. */
    public String jurisdictionCode;
    public Long householdId;
    public ResidenceStatus status;
    /** Only residents of this sex (e.g. the women of a target group). @since 1.1 */
    public org.renkou.core.api.Sex sex;
    /** Born on or after this date (the upper end of an age band). @since 1.1 */
    public java.time.LocalDate bornFrom;
    /** Born on or before this date (the lower end of an age band). @since 1.1 */
    public java.time.LocalDate bornTo;
    /** With a current marriage registered on or after this date (newly married couples, 新婚). @since 1.1 */
    public java.time.LocalDate marriedFrom;
    /** With a current marriage registered on or before this date. @since 1.1 */
    public java.time.LocalDate marriedTo;
    public Integer offset;
    public Integer limit;
}
