package org.renkou.core.internal.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.staff.AuthService;
import org.renkou.core.api.staff.StaffDTO;
import org.renkou.core.internal.db.MovableClock;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.jurisdiction.JurisdictionServiceImpl;
import org.renkou.core.internal.sample.SampleData;

/**
 * Failed logins counted in the database (issue 18): two {@link AuthServiceImpl}s on one database stand for two nodes
 * behind a round-robin proxy, and see the same attempts — the lock, the throttle per address, their end, the deletion
 * of old rows, and concurrent failures that answer 401 only (no lock wait, no deadlock, none lost).
 */
class LoginLocksTest {
    private static final String ATTACKER = "10.0.0.66";
    private TestDatabase db;
    private MovableClock clock;
    private AuthServiceImpl nodeA;
    private AuthServiceImpl nodeB;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database));
        clock = new MovableClock(LocalDate.now());
        nodeA = new AuthServiceImpl(db.database, clock);
        nodeB = new AuthServiceImpl(db.database, clock);
        StaffServiceImpl staff = new StaffServiceImpl(db.database);
        for (String name : new String[] {"wangfang", "lina"}) {
            StaffDTO d = new StaffDTO();
            d.username = name;
            d.name = "王芳";
            d.roles = new java.util.LinkedHashSet<>(Set.of(Role.FAMILY_SERVICES));
            d.jurisdictionCodes = new java.util.LinkedHashSet<>(Set.of("440606901001"));
            d.password = "start-pass-1";
            staff.create(Caller.SYSTEM, d);
        }
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static RenkouException.Kind attempt(AuthServiceImpl node, String user, String password, String address) {
        try {
            node.login(user, password.toCharArray(), address);
            return null;
        } catch (RenkouException e) {
            return e.kind();
        }
    }

    private long rows() {
        return db.database.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM LOGIN_FAILURE")
                .getSingleResult()).longValue());
    }

    @Test
    void failuresOnOneNodeLockTheAccountOnTheOtherForThatAddressOnly() {
        for (int i = 0; i < AuthService.MAX_FAILED_LOGINS; i++) {
            assertEquals(RenkouException.Kind.UNAUTHENTICATED,
                    attempt(i % 2 == 0 ? nodeA : nodeB, "wangfang", "wrong1234", ATTACKER));
        }
        RenkouException refused = assertThrows(RenkouException.class,
                () -> nodeB.login("wangfang", "start-pass-1".toCharArray(), ATTACKER));
        RenkouException unknown = assertThrows(RenkouException.class,
                () -> nodeA.login("nobody", "start-pass-1".toCharArray(), ATTACKER));
        assertEquals(unknown.messageZh(), refused.messageZh(), "a lock answers like an unknown user");
        assertEquals(unknown.messageEn(), refused.messageEn());
        assertTrue(nodeA.login("wangfang", "start-pass-1".toCharArray(), "10.0.0.7").caller() != null,
                "another address is not locked");
        clock.plusMinutes(AuthService.LOCK_MINUTES - 1);
        assertEquals(RenkouException.Kind.UNAUTHENTICATED, attempt(nodeA, "wangfang", "start-pass-1", ATTACKER));
        clock.plusMinutes(1);
        assertEquals(null, attempt(nodeB, "wangfang", "start-pass-1", ATTACKER), "the lock ends after 15 minutes");
    }

    @Test
    void theCountStartsAgainAfterALockARightPasswordAndANewPassword() {
        for (int i = 0; i < AuthService.MAX_FAILED_LOGINS; i++) {
            attempt(nodeA, "wangfang", "wrong1234", ATTACKER);
        }
        clock.plusMinutes(AuthService.LOCK_MINUTES);
        // after the lock: four more wrong passwords do not lock again, the fifth does
        for (int i = 1; i < AuthService.MAX_FAILED_LOGINS; i++) {
            attempt(nodeB, "wangfang", "wrong1234", ATTACKER);
        }
        assertEquals(null, attempt(nodeA, "wangfang", "start-pass-1", ATTACKER), "four after the lock: not locked");
        // the right password started the count again: four more, still not locked
        for (int i = 1; i < AuthService.MAX_FAILED_LOGINS; i++) {
            attempt(nodeA, "wangfang", "wrong1234", ATTACKER);
        }
        assertEquals(null, attempt(nodeB, "wangfang", "start-pass-1", ATTACKER));
        for (int i = 0; i < AuthService.MAX_FAILED_LOGINS; i++) {
            attempt(nodeB, "wangfang", "wrong1234", ATTACKER);
        }
        assertEquals(RenkouException.Kind.UNAUTHENTICATED, attempt(nodeA, "wangfang", "start-pass-1", ATTACKER));
        // a new password (here the user's own change, from elsewhere) ends the lock on every node
        nodeB.changePassword("wangfang", "start-pass-1".toCharArray(), "new-pass-22".toCharArray());
        assertEquals(null, attempt(nodeA, "wangfang", "new-pass-22", ATTACKER));
    }

    @Test
    void oneAddressIsThrottledOnEveryNodeUntilItsOldestFailureIsFifteenMinutesOld() {
        assertEquals(0, nodeA.loginWaitSeconds(ATTACKER));
        for (int i = 0; i < AuthService.MAX_FAILED_PER_ADDRESS; i++) {
            attempt(i % 2 == 0 ? nodeA : nodeB, "nobody-" + i, "wrong1234", ATTACKER);
            if (i == 0) {
                clock.plusMinutes(5); // the first failure is the oldest: the wait ends 15 minutes after it
            }
        }
        assertEquals(10 * 60 + 1, nodeB.loginWaitSeconds(ATTACKER), "seconds until the first is 15 minutes old");
        assertEquals(0, nodeB.loginWaitSeconds("10.0.0.7"), "another address may try");
        clock.plusMinutes(10);
        assertEquals(0, nodeA.loginWaitSeconds(ATTACKER), "one failure left the window: one more attempt");
    }

    @Test
    void failuresOlderThanADayAreDeleted() {
        for (int i = 0; i < 3; i++) {
            attempt(nodeA, "wangfang", "wrong1234", ATTACKER);
        }
        assertEquals(3, rows());
        clock.plusDays(1);
        clock.plusMinutes(2);
        attempt(nodeA, "lina", "wrong1234", ATTACKER); // a failure a day later deletes the old rows
        assertEquals(1, rows());
        for (int i = 1; i < AuthService.MAX_FAILED_LOGINS; i++) {
            attempt(nodeB, "wangfang", "wrong1234", ATTACKER);
        }
        assertEquals(null, attempt(nodeA, "wangfang", "start-pass-1", ATTACKER), "yesterday's failures count no more");
    }

    /**
     * A flood of failed logins on both nodes at once: every answer is the 401 (no lock wait timed out, no deadlock,
     * no identity range refused), every attempt is recorded, and the account ends locked for the address.
     */
    @Test
    void concurrentFailuresAnswerUnauthenticatedOnlyAndAreAllCounted() throws Exception {
        int threads = 8;
        int each = 4;
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                AuthServiceImpl node = t % 2 == 0 ? nodeA : nodeB;
                String user = t % 4 == 3 ? "lina" : "wangfang";
                work.add(() -> {
                    for (int i = 0; i < each; i++) {
                        String answer;
                        try {
                            node.login(user, "wrong1234".toCharArray(), ATTACKER);
                            answer = "200";
                        } catch (RenkouException e) {
                            answer = e.kind().name();
                        } catch (RuntimeException e) {
                            answer = e.toString();
                        }
                        answers.merge(answer, 1, Integer::sum);
                    }
                    return null;
                });
            }
            for (Future<Void> f : pool.invokeAll(work)) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Map.of("UNAUTHENTICATED", threads * each), answers);
        assertEquals(threads * each, rows(), "every attempt counted");
        assertEquals(RenkouException.Kind.UNAUTHENTICATED, attempt(nodeB, "wangfang", "start-pass-1", ATTACKER));
        assertEquals(RenkouException.Kind.UNAUTHENTICATED, attempt(nodeA, "lina", "start-pass-1", ATTACKER));
        assertTrue(nodeA.loginWaitSeconds(ATTACKER) > 0, "and the address waits");
    }
}
