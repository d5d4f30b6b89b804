package org.renkou.core.internal.resident;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import javax.persistence.PostPersist;
import javax.persistence.PostRemove;
import javax.persistence.PostUpdate;

/**
 * Totals of the resident list per reach, kept for a short while. Counting a street's 100,000 index entries takes
 * ~10 ms, but a county's or the whole country's million takes 150–500 ms, and the list and dashboard ask for the
 * same totals again and again. Any change to a resident (through JPA: {@link Listener}; the importer's JDBC
 * batches call {@link #changed()}) drops every kept total; otherwise a total is kept {@value #TTL_SECONDS} s.
 */
public final class ResidentCounts {
    static final long TTL_SECONDS = 30;
    private static final int MAX_ENTRIES = 1_000;
    /** Moves on every change to any resident; kept totals of an older generation are not used. */
    private static final AtomicLong GENERATION = new AtomicLong();

    private record Kept(long generation, long at, long total) {
    }

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    /** Someone was added, changed or removed: totals kept so far may be wrong. */
    public static void changed() {
        GENERATION.incrementAndGet();
    }

    long total(String key, LongSupplier count) {
        long now = System.nanoTime();
        long generation = GENERATION.get();
        Kept k = kept.get(key);
        if (k != null && k.generation == generation && now - k.at < TTL_SECONDS * 1_000_000_000L) {
            return k.total;
        }
        long total = count.getAsLong();
        if (kept.size() >= MAX_ENTRIES) {
            kept.clear(); // many distinct reaches: start over rather than track age
        }
        kept.put(key, new Kept(generation, now, total));
        return total;
    }

    /** Entity listener of {@code ResidentEntity}. */
    public static class Listener {
        @PostPersist
        @PostUpdate
        @PostRemove
        public void changed(Object resident) {
            ResidentCounts.changed();
        }
    }
}
