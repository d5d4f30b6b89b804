package org.renkou.core.api.household;

/** One member of a {@link HouseholdDTO household}. */
public class HouseholdMemberDTO {
    public Long residentId;
    public Relation relation;
    /** Filled on read. */
    public String name;
    /** Filled on read, masked. */
    public String idNumber;
}
