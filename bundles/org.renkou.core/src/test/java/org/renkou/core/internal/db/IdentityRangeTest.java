package org.renkou.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.RenkouException;

/**
 * Inserts that meet Derby's busy identity range are run again, not answered with a 409 (issue 19: concurrent first
 * registrations right after a start got "该记录正被他人修改"). Derby takes the next range of identity values in a
 * nested transaction that does not wait for the catalog row; while statements into the same table are being
 * compiled (every statement right after a start) that row is often taken. One thread here compiles a new INSERT in
 * every transaction, as a freshly started platform does, while six threads insert: on the old code about one in
 * fifty of their transactions failed.
 */
class IdentityRangeTest {

    private static final String INSERT = "INSERT INTO AUDIT_ENTRY (AT_TIME, ACTOR, ACTION_NAME, ENTITY_TYPE)"
            + " VALUES (CURRENT_TIMESTAMP, '%s', 'CREATE', 'Test')";
    private static final int WRITERS = 6;
    private static final int EACH = 150;

    @Test
    void insertsMeetingABusyIdentityRangeAreRunAgain() throws Exception {
        try (TestDatabase t = new TestDatabase()) {
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
            CyclicBarrier start = new CyclicBarrier(WRITERS + 1);
            AtomicInteger runs = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            List<Future<?>> done = new ArrayList<>();
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < 2 * EACH; i++) {
                    String fresh = String.format(INSERT, "compiler-" + i); // a statement never compiled before
                    t.database.tx(em -> {
                        em.createNativeQuery(fresh).executeUpdate();
                        sleep(3);
                        return null;
                    });
                }
                return null;
            }));
            for (int w = 0; w < WRITERS; w++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < EACH; i++) {
                        try {
                            t.database.tx(em -> {
                                runs.incrementAndGet();
                                em.createNativeQuery(String.format(INSERT, "writer")).executeUpdate();
                                sleep(1);
                                return em.createNativeQuery(String.format(INSERT, "writer")).executeUpdate();
                            });
                        } catch (RenkouException e) {
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
            pool.shutdown();

            System.out.printf("identity range: %d transactions, %d runs (%d run again), %d refused%n",
                    WRITERS * EACH, runs.get(), runs.get() - WRITERS * EACH, refused.get());
            assertEquals(0, refused.get(), "transactions answered 409");
            assertEquals(2L * WRITERS * EACH, ((Number) t.database.read(em -> em.createNativeQuery(
                    "SELECT COUNT(*) FROM AUDIT_ENTRY WHERE ACTOR = 'writer'").getSingleResult())).longValue());
            assertTrue(runs.get() >= WRITERS * EACH);
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
