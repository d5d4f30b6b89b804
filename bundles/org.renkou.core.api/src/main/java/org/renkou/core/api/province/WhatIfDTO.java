package org.renkou.core.api.province;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The result of a what-if run for a policy change: who gains or loses an entitlement on the date. */
public class WhatIfDTO {
    public String provinceCode;
    public String jurisdictionCode;
    public String fileName;
    public LocalDate date;
    /** Residents looked at. */
    public int residents;
    public List<Change> changes = new ArrayList<>();

    /** One resident's changed decision of one scheme. */
    public static class Change {
        public long residentId;
        public String name;
        /** Masked. */
        public String idNumber;
        public String schemeId;
        public String schemeNameZh;
        /** GAINS (not eligible → eligible), LOSES, or AMOUNT (eligible both times, another amount). */
        public String change;
        public Entitlement before;
        public Entitlement after;
    }
}
