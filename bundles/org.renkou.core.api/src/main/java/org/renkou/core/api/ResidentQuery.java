package org.renkou.core.api;

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
    public Integer offset;
    public Integer limit;
}
