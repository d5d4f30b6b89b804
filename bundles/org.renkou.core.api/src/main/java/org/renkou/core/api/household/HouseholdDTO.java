package org.renkou.core.api.household;

import java.util.ArrayList;
import java.util.List;

/** A household (户) and its members. Exactly one member is the head; a person belongs to at most one household. */
public class HouseholdDTO {
    /** Renkou's key; filled on read. */
    public Long id;
    /** 户号, unique. */
    public String number;
    /** The community or resident group the household lives in. */
    public String residenceCode;
    public String address;
    public List<HouseholdMemberDTO> members = new ArrayList<>();
    /** Optimistic-lock version: required on update, filled on read. */
    public Long version;
}
