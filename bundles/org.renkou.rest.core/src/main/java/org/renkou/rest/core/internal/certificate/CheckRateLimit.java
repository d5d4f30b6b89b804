package org.renkou.rest.core.internal.certificate;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Against enumeration of verification codes on the public check (证件核验): a token bucket per client address
 * ({@value #PER_ADDRESS} checks at once, one more every {@value #REFILL_SECONDS} s) and one for everybody together
 * ({@value #GLOBAL} at once, {@value #GLOBAL_PER_SECOND} a second), so that a crowd of addresses cannot walk the code
 * space either. With 31<sup>8</sup> codes even the global rate finds a printed one in centuries.
 */
final class CheckRateLimit {
    static final int PER_ADDRESS = 10;
    static final int REFILL_SECONDS = 6;
    static final int GLOBAL = 200;
    static final int GLOBAL_PER_SECOND = 20;
    private static final int MAX_ADDRESSES = 10_000;

    private final LongSupplier nanos;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bucket global;

    private static final class Bucket {
        final double capacity;
        final double perNano;
        double tokens;
        long at;

        Bucket(double capacity, double perSecond, long now) {
            this.capacity = capacity;
            this.perNano = perSecond / 1e9;
            this.tokens = capacity;
            this.at = now;
        }

        /** Takes a token: 0 when granted, else the seconds until one is there. */
        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - at) * perNano);
            at = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }

        synchronized boolean full(long now) {
            return tokens + (now - at) * perNano >= capacity;
        }
    }

    CheckRateLimit(LongSupplier nanos) {
        this.nanos = nanos;
        this.global = new Bucket(GLOBAL, GLOBAL_PER_SECOND, nanos.getAsLong());
    }

    /** 0 when {@code address} may check now, else the seconds to wait (for Retry-After). */
    long acquire(String address) {
        long now = nanos.getAsLong();
        if (buckets.size() > MAX_ADDRESSES) {
            forgetIdle(now);
        }
        long wait = buckets.computeIfAbsent(address, a -> new Bucket(PER_ADDRESS, 1.0 / REFILL_SECONDS, now)).take(now);
        return wait > 0 ? wait : global.take(now);
    }

    /** Addresses whose bucket has refilled are no different from new ones: dropped to bound the map. */
    private void forgetIdle(long now) {
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext();) {
            if (it.next().full(now)) {
                it.remove();
            }
        }
    }
}
