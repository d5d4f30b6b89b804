package org.renkou.core.api.migrant;

import java.time.LocalDate;

/** A migrant's departure (流出/离开): date, and where known the destination; {@link #version} as read. */
public class DepartureDTO {
    /** Not before the arrival, not in the future. */
    public LocalDate departureDate;
    /** Destination jurisdiction code (6 to 15 digits, any province), optional. */
    public String destinationCode;
    /** Destination in words (e.g. 去向不明), optional. */
    public String destinationNote;
    public Long version;
}
