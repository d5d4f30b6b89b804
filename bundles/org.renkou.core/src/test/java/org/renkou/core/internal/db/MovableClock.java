package org.renkou.core.internal.db;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.internal.resident.ResidentServiceImpl;

/** A clock the test moves forward by whole days, to walk through public notices. */
public final class MovableClock extends Clock {
    private Instant now;

    public MovableClock(LocalDate today) {
        now = today.atTime(10, 0).atZone(ChinaTime.ZONE).toInstant();
    }

    public void plusDays(int days) {
        now = now.plusSeconds(days * 86_400L);
    }

    public void plusMinutes(int minutes) {
        now = now.plusSeconds(minutes * 60L);
    }

    LocalDate today() {
        return LocalDate.ofInstant(now, ChinaTime.ZONE);
    }

    @Override
    public ZoneId getZone() {
        return ChinaTime.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        return now;
    }
}
