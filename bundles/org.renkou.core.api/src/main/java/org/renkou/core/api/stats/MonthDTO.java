package org.renkou.core.api.stats;

/** One month of activity (按月统计). */
public class MonthDTO {
    /** {@code 2026-03}. */
    public String month;
    /** Marriage registrations (结婚登记) by marriage date. */
    public long marriages;
    /** Marriages ended by divorce (离婚) in the month. */
    public long divorces;
    /** Birth registrations (生育登记) by registration date, and of them first, second, third or later children. */
    public long births;
    public long firstBirths;
    public long secondBirths;
    public long thirdOrLaterBirths;
    public long certificatesIssued;
    public long applicationsSubmitted;
    /** Migrant registrations by arrival date (流入) and departures (流出). */
    public long migrantsArrived;
    public long migrantsLeft;
}
