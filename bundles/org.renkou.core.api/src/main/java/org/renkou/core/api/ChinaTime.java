package org.renkou.core.api;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * China Standard Time (北京时间): the zone of every calendar date Renkou reasons about (ages, due dates, "today" on a
 * form, serial-number years). Instants in the API and the database are UTC; dates are China's.
 */
public final class ChinaTime {
    /** {@code Asia/Shanghai}. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private ChinaTime() {
    }

    /** The system clock in China time, for services outside tests. */
    public static Clock clock() {
        return Clock.system(ZONE);
    }

    /** Today in China according to {@code clock}, whatever the clock's own zone. */
    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }
}
