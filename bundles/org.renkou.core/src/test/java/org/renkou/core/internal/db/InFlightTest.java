package org.renkou.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.RenkouException;

/** The stop waits for database work under way and refuses new work, so Derby never shuts down under a transaction. */
class InFlightTest {

    @Test
    void closingWaitsForTheRunningTransactionAndRefusesNewOnes() throws Exception {
        try (TestDatabase t = new TestDatabase()) {
            CountDownLatch inside = new CountDownLatch(1);
            CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> t.database.tx(em -> {
                inside.countDown();
                sleep(600);
                return System.nanoTime();
            }));
            assertTrue(inside.await(10, TimeUnit.SECONDS));
            try {
                InFlight.closeAndAwait(10);
                long closedAt = System.nanoTime();
                assertTrue(running.isDone(), "the stop returned while a transaction was still running");
                assertTrue(running.get() <= closedAt);
                RenkouException refused = assertThrows(RenkouException.class, () -> t.database.read(em -> 1));
                assertEquals(RenkouException.Kind.UNAVAILABLE, refused.kind());
                assertEquals(0, InFlight.count());
            } finally {
                InFlight.open();
            }
            assertEquals(1, (int) t.database.read(em -> 1));
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
