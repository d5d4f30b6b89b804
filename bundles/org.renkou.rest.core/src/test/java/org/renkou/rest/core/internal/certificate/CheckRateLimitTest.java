package org.renkou.rest.core.internal.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The public certificate check's limits: per address, refilled with time, and for everybody together. */
class CheckRateLimitTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final CheckRateLimit limit = new CheckRateLimit(now::get);

    @Test
    void anAddressGetsItsBurstThenWaitsForTheRefill() {
        for (int i = 0; i < CheckRateLimit.PER_ADDRESS; i++) {
            assertEquals(0, limit.acquire("10.0.0.1"), "check " + i);
        }
        long wait = limit.acquire("10.0.0.1");
        assertTrue(wait >= 1 && wait <= CheckRateLimit.REFILL_SECONDS, "Retry-After " + wait);
        assertEquals(0, limit.acquire("10.0.0.2"), "another address is not held up");
        now.addAndGet(CheckRateLimit.REFILL_SECONDS * 1_000_000_000L);
        assertEquals(0, limit.acquire("10.0.0.1"), "one more after the refill");
        assertTrue(limit.acquire("10.0.0.1") > 0);
    }

    @Test
    void manyAddressesTogetherMeetTheGlobalLimit() {
        int granted = 0;
        for (int i = 0; i < 1000; i++) {
            if (limit.acquire("10.1." + (i / 250) + "." + (i % 250)) == 0) {
                granted++;
            }
        }
        assertEquals(CheckRateLimit.GLOBAL, granted);
    }
}
