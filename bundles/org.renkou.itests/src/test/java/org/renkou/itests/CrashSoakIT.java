package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * Crash and restart (崩溃恢复) under load: the distribution's launcher as a process on its own port, mixed writes from
 * several threads (streets, residents, households with their head), {@code kill -9} of the JVM in the middle, a
 * restart on the same home; then every write answered 2xx is there — over HTTP, and in the database with its audit
 * entry — and nothing is half written (every soak resident and household has its audit entry, every household its
 * head). Bounded to about two minutes.
 */
class CrashSoakIT {
    private static final String COMMUNITY = "440606901001";
    private static final int WRITERS = 4;
    private static final long LOAD_MS = 10_000;

    @Test
    void everyAcknowledgedWriteSurvivesAKillWithItsAuditEntry() throws Exception {
        Path home = RenkouOptions.newHome("crash-soak");
        int port = RenkouOptions.freePort();
        Http http = new Http(port); // header trust without a user: the built-in system caller

        Set<String> streets = ConcurrentHashMap.newKeySet();
        Set<Long> residents = ConcurrentHashMap.newKeySet();
        Set<Long> households = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> refused = new ConcurrentHashMap<>(); // answers other than 2xx, by status (0: none)
        AtomicInteger acknowledged = new AtomicInteger();

        Process p = RenkouProcess.launchTrusted(home, Integer.toString(port));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(WRITERS);
        try {
            await(http, p, home, "CrashSoakIT-start");
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < WRITERS; t++) {
                int thread = t;
                workers.add(load.submit(() -> {
                    int n = 0;
                    while (running.get()) {
                        n++;
                        try {
                            Http.Response r = write(http, thread, n, streets, residents, households);
                            if (r.status() / 100 == 2) {
                                acknowledged.incrementAndGet();
                            } else {
                                refused.merge(r.status(), 1, Integer::sum);
                            }
                        } catch (IOException | RuntimeException e) {
                            refused.merge(0, 1, Integer::sum); // the kill cuts requests in flight
                            if (!p.isAlive()) {
                                break;
                            }
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(LOAD_MS);
            int beforeKill = acknowledged.get();
            p.destroyForcibly(); // SIGKILL to the JVM (bin/renkou execs java): no shutdown hook, Derby not closed
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            running.set(false);
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
            assertTrue(beforeKill > 20, "load ran before the kill: " + beforeKill + " acknowledged, refused " + refused);
        } finally {
            running.set(false);
            load.shutdownNow();
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
        Set<Integer> serverErrors = new HashSet<>(refused.keySet());
        serverErrors.removeIf(s -> s < 500);
        assertTrue(serverErrors.isEmpty(), "no 5xx under load: " + refused);

        Process again = RenkouProcess.launchTrusted(home, Integer.toString(port));
        try {
            await(http, again, home, "CrashSoakIT-restart");
            for (String code : streets) {
                assertEquals(200, http.get("/api/jurisdictions/" + code).status(), "street answered 201 is kept: " + code);
            }
            for (long id : residents) {
                assertEquals(200, http.get("/api/residents/" + id).status(), "resident answered 201 is kept: " + id);
            }
            for (long id : households) {
                Http.Response h = http.get("/api/households/" + id);
                assertEquals(200, h.status(), "household answered 201 is kept: " + id);
                assertTrue(h.body().contains("\"relation\":\"HEAD\""), "with its head: " + h.body());
            }
            // and the platform takes writes again at once
            Http.Response after = write(http, 1, 20_000, streets, residents, households);
            assertTrue(after.status() / 100 == 2 || after.status() == 409, after.status() + " " + after.body());
        } finally {
            RenkouProcess.stop(again);
        }
        assertWholeAndAudited(home, residents, households);
        System.out.printf("CrashSoakIT: %d writes acknowledged before kill -9 (%d streets, %d residents, %d households),"
                + " all kept with their audit entries; not acknowledged %s%n", acknowledged.get(), streets.size(),
                residents.size(), households.size(), refused);
    }

    private static void await(Http http, Process p, Path home, String label) throws Exception {
        try {
            http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 90);
            http.await("/api/jurisdictions/" + COMMUNITY, r -> r.status() == 200, 60);
        } catch (AssertionError e) {
            throw new AssertionError(RenkouProcess.diagnose(p, home, label) + e.getMessage(), e);
        }
    }

    /**
     * One write of thread {@code t}: thread 0 adds streets, the others residents, and every third write of thread 3
     * a household headed by a resident it just registered (two writes that must both survive or the second fail).
     */
    static Http.Response write(Http http, int t, int n, Set<String> streets, Set<Long> residents,
            Set<Long> households) throws IOException {
        if (t == 0 && n < 300) {
            String code = "440606" + (700 + n);
            Http.Response r = http.postJson("/api/jurisdictions", "{\"code\":\"" + code + "\",\"name\":\"压测街道" + n
                    + "\",\"level\":\"STREET\",\"parentCode\":\"440606\"}");
            if (r.status() == 201) {
                streets.add(code);
            }
            return r;
        }
        String birth = LocalDate.of(1940, 1, 1).plusDays(n).format(DateTimeFormatter.BASIC_ISO_DATE);
        String idNumber = ResidentIT.idNumber("440606" + birth + t + (n % 10) + (t % 2 == 0 ? 2 : 1));
        Http.Response r = http.postJson("/api/residents", "{\"idNumber\":\"" + idNumber + "\",\"name\":\"压测" + (t * 100_000 + n)
                + "\",\"residenceCode\":\"" + COMMUNITY + "\"}");
        if (r.status() != 201) {
            return r;
        }
        long resident = ResidentIT.id(r);
        residents.add(resident);
        if (t != WRITERS - 1 || n % 3 != 0) {
            return r;
        }
        Http.Response h = http.postJson("/api/households", "{\"number\":\"SOAK-" + t + "-" + n + "\",\"residenceCode\":\""
                + COMMUNITY + "\",\"members\":[{\"residentId\":" + resident + ",\"relation\":\"HEAD\"}]}");
        if (h.status() == 201) {
            households.add(ResidentIT.id(h));
        }
        return h;
    }

    /** Opens the stopped instance's database: acknowledged rows with their audit entries, no half-written ones. */
    private static void assertWholeAndAudited(Path home, Set<Long> residents, Set<Long> households) throws SQLException {
        String url = "jdbc:derby:" + home.resolve("data/renkou");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            Set<Long> soakResidents = ids(st, "SELECT ID FROM RESIDENT WHERE NAME LIKE '压测%'");
            Set<Long> soakHouseholds = ids(st, "SELECT ID FROM HOUSEHOLD WHERE HH_NUMBER LIKE 'SOAK-%'");
            Set<Long> auditedResidents = ids(st, "SELECT ENTITY_ID FROM AUDIT_ENTRY WHERE ENTITY_TYPE = 'resident' "
                    + "AND ACTION_NAME = 'CREATE'");
            Set<Long> auditedHouseholds = ids(st, "SELECT ENTITY_ID FROM AUDIT_ENTRY WHERE ENTITY_TYPE = 'household' "
                    + "AND ACTION_NAME = 'CREATE'");
            assertTrue(soakResidents.containsAll(residents), "every acknowledged resident is stored");
            assertTrue(soakHouseholds.containsAll(households), "every acknowledged household is stored");
            // a row committed while its answer was cut by the kill is fine; a row without its audit entry is not
            Set<Long> unaudited = new HashSet<>(soakResidents);
            unaudited.removeAll(auditedResidents);
            assertTrue(unaudited.isEmpty(), "residents without their audit entry: " + unaudited);
            Set<Long> unauditedHouseholds = new HashSet<>(soakHouseholds);
            unauditedHouseholds.removeAll(auditedHouseholds);
            assertTrue(unauditedHouseholds.isEmpty(), "households without their audit entry: " + unauditedHouseholds);
            Set<Long> headed = ids(st, "SELECT DISTINCT HOUSEHOLD_ID FROM RESIDENT WHERE RELATION = 'HEAD' "
                    + "AND HOUSEHOLD_ID IS NOT NULL");
            Set<Long> headless = new HashSet<>(soakHouseholds);
            headless.removeAll(headed);
            assertTrue(headless.isEmpty(), "households without their head (half written): " + headless);
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true");
            } catch (SQLException expected) {
                // Derby reports a clean close as an exception
            }
        }
    }

    static Set<Long> ids(Statement st, String sql) throws SQLException {
        Set<Long> ids = new HashSet<>();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (v != null && v.strip().matches("\\d+")) {
                    ids.add(Long.parseLong(v.strip()));
                }
            }
        }
        return ids;
    }
}
