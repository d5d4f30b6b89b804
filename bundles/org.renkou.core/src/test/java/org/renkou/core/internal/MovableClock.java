package org.renkou.core.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** A clock the test moves forward by whole days, to walk through public notices. */
final class MovableClock extends Clock {
    private Instant now;

    MovableClock(LocalDate today) {
        now = today.atTime(10, 0).atZone(ResidentServiceImpl.CHINA).toInstant();
    }

    void plusDays(int days) {
        now = now.plusSeconds(days * 86_400L);
    }

    LocalDate today() {
        return LocalDate.ofInstant(now, ResidentServiceImpl.CHINA);
    }

    @Override
    public ZoneId getZone() {
        return ResidentServiceImpl.CHINA;
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
