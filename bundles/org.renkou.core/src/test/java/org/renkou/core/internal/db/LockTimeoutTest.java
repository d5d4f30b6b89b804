package org.renkou.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.RenkouException;

/**
 * A lock wait that times out is the documented 409 "try again", not a 500 (issue 19, finding 5: seen under load right
 * after a restart). Derby's wait is set to one second for this database only.
 */
class LockTimeoutTest {

    @Test
    void aLockTimeoutIsAConflictToRetry() throws Exception {
        try (TestDatabase t = new TestDatabase()) {
            t.database.tx(em -> em.createNativeQuery(
                    "CALL SYSCS_UTIL.SYSCS_SET_DATABASE_PROPERTY('derby.locks.waitTimeout', '1')").executeUpdate());
            t.database.tx(em -> em.createNativeQuery("INSERT INTO MODULE_STATE (MODULE_ID, ENABLED, CHANGED_BY, CHANGED_AT,"
                    + " VERSION) VALUES ('locked', 1, 'test', CURRENT_TIMESTAMP, 1)").executeUpdate());
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<Integer> holder = CompletableFuture.supplyAsync(() -> t.database.tx(em -> {
                int n = em.createNativeQuery("UPDATE MODULE_STATE SET VERSION = 2 WHERE MODULE_ID = 'locked'").executeUpdate();
                holding.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return n;
            }));
            assertTrue(holding.await(30, TimeUnit.SECONDS));
            try {
                RenkouException e = assertThrows(RenkouException.class, () -> t.database.tx(em -> em.createNativeQuery(
                        "UPDATE MODULE_STATE SET VERSION = 3 WHERE MODULE_ID = 'locked'").executeUpdate()));
                assertEquals(RenkouException.Kind.CONFLICT, e.kind());
            } finally {
                release.countDown();
            }
            assertEquals(1, holder.get(30, TimeUnit.SECONDS));
        }
    }
}
