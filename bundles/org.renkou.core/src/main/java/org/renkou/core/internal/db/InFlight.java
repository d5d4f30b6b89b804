package org.renkou.core.internal.db;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.renkou.core.api.RenkouException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Database work in flight across every unit of this platform (the core's and the modules'), so that a stop lets it
 * end before Derby shuts down. Derby's shutdown checkpoint waits for every page latch; a transaction still running
 * on an abandoned background thread (a migration, a statistics build, a sample load) when Derby's bundle stopped
 * left a latch behind and the framework never stopped (RestartIT, 2026-12-03). Once closing, new work is refused
 * with a 503 and the work under way is awaited, bounded.
 */
final class InFlight {
    private static final Logger LOG = LoggerFactory.getLogger(InFlight.class);
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static volatile boolean closing;

    private InFlight() {
    }

    static void enter() {
        COUNT.incrementAndGet();
        if (closing) {
            COUNT.decrementAndGet();
            throw RenkouException.unavailable("平台正在停止，请稍后再试。", "The platform is stopping; try again shortly.");
        }
    }

    static void exit() {
        COUNT.decrementAndGet();
    }

    /** Work may start again (the core's database was activated). */
    static void open() {
        closing = false;
    }

    /** Refuses new work and waits up to {@code seconds} for the work under way. */
    static void closeAndAwait(long seconds) {
        closing = true;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (COUNT.get() > 0 && System.nanoTime() < end) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (COUNT.get() > 0) {
            LOG.warn("{} database operation(s) still running after {} s; the database closes anyway", COUNT.get(), seconds);
        }
    }

    static int count() {
        return COUNT.get();
    }
}
