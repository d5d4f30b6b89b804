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
 * several threads (streets, residents, households with their head, warehouse receipts and issues to residents),
 * {@code kill -9} of the JVM in the middle, a restart on the same home; then every write answered 2xx is there —
 * over HTTP, and in the database with its audit entry — nothing is half written (every soak resident, household and
 * card entry has its audit entry, every household its head, every issue its card entry), and the warehouse
 * reconciles (账账相符). Bounded to about two minutes.
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
        Set<Long> lots = ConcurrentHashMap.newKeySet();
        Set<Long> issuedTo = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> refused = new ConcurrentHashMap<>(); // answers other than 2xx, by status (0: none)
        AtomicInteger acknowledged = new AtomicInteger();

        Process p = RenkouProcess.launchTrusted(home, Integer.toString(port));
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService load = Executors.newFixedThreadPool(WRITERS + 1);
        try {
            await(http, p, home, "CrashSoakIT-start");
            Http.Response on = http.post("/api/admin/modules/warehouse/enable");
            assertTrue(on.body().contains("\"state\":\"ENABLED\""), on.body());
            http.await("/api/warehouse/stores", r -> r.status() == 200, 60);
            long product = ResidentIT.id(http.postJson("/api/warehouse/products", "{\"name\":\"避孕套\","
                    + "\"type\":\"外用药具\",\"specification\":\"中号 10只/盒\",\"unit\":\"盒\","
                    + "\"approvalNumber\":\"国械注准20150000001\",\"manufacturer\":\"某乳胶厂\"}"));
            long store = ResidentIT.id(http.postJson("/api/warehouse/stores", "{\"name\":\"压测社区库\","
                    + "\"jurisdictionCode\":\"" + COMMUNITY + "\"}"));
            List<Future<?>> workers = new ArrayList<>();
            Writes writes = new Writes(running, killed, acknowledged, refused);
            workers.add(load.submit(writes.loop(n -> warehouseWrite(http, n, product, store, lots, issuedTo, residents))));
            for (int t = 0; t < WRITERS; t++) {
                int thread = t;
                workers.add(load.submit(writes.loop(n -> write(http, thread, n, streets, residents, households))));
            }
            Thread.sleep(LOAD_MS);
            int beforeKill = acknowledged.get();
            killed.set(true);
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
            for (long lot : lots) {
                assertEquals(200, http.get("/api/warehouse/lots/" + lot + "/trace?reason=crash-soak-check").status(),
                        "lot received with 201 is kept: " + lot);
            }
            Http.Response reconcile = http.await("/api/warehouse/reconcile", r -> r.status() == 200, 60);
            assertTrue(reconcile.body().contains("\"ok\":true"), "the warehouse reconciles: " + reconcile.body());
            // and the platform takes writes again at once
            Http.Response after = write(http, 1, 20_000, streets, residents, households);
            assertTrue(after.status() / 100 == 2 || after.status() == 409, after.status() + " " + after.body());
        } finally {
            RenkouProcess.stop(again);
        }
        assertWholeAndAudited(home, residents, households, lots, issuedTo);
        System.out.printf("CrashSoakIT: %d writes acknowledged before kill -9 (%d streets, %d residents, %d households,"
                + " %d receipts, %d issues), all kept with their audit entries; refused before the kill %s%n", acknowledged.get(),
                streets.size(), residents.size(), households.size(), lots.size(), issuedTo.size(), refused);
    }

    /** One write numbered {@code n} of a thread. */
    private interface Write {
        Http.Response send(int n) throws IOException;
    }

    /** A writer's loop and what it counts: 2xx acknowledged, other answers refused (0: no answer before the kill). */
    private record Writes(AtomicBoolean running, AtomicBoolean killed, AtomicInteger acknowledged,
            Map<Integer, Integer> refused) {
        java.util.concurrent.Callable<Void> loop(Write write) {
            return () -> {
                for (int n = 1; running.get(); n++) {
                    try {
                        Http.Response r = write.send(n);
                        if (r.status() / 100 == 2) {
                            acknowledged.incrementAndGet();
                        } else {
                            refused.merge(r.status(), 1, Integer::sum);
                        }
                    } catch (IOException | RuntimeException e) {
                        if (killed.get()) {
                            break; // the kill cuts requests in flight: not acknowledged, not counted
                        }
                        refused.merge(0, 1, Integer::sum);
                    }
                }
                return null;
            };
        }
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

    /**
     * A warehouse write: odd {@code n} receives a lot of 50 into the store, even {@code n} registers a resident and
     * issues one unit to them (on their card, audited).
     */
    private static Http.Response warehouseWrite(Http http, int n, long product, long store, Set<Long> lots,
            Set<Long> issuedTo, Set<Long> residents) throws IOException {
        if (n % 2 == 1) {
            Http.Response r = http.postJson("/api/warehouse/stores/" + store + "/receipts", "{\"productId\":" + product
                    + ",\"batchNumber\":\"S" + n + "\",\"producedOn\":\"2026-01-10\",\"expiresOn\":\"2029-01-09\","
                    + "\"quantity\":50,\"supplier\":\"市药具站\",\"invoiceNumber\":\"F" + n + "\"," + CHECKS + "}");
            if (r.status() == 201) {
                lots.add(ResidentIT.id(r));
            }
            return r;
        }
        Http.Response person = write(http, 5, n, null, residents, null);
        if (person.status() != 201) {
            return person;
        }
        long resident = ResidentIT.id(person);
        Http.Response r = http.postJson("/api/warehouse/stores/" + store + "/issues", "{\"productId\":" + product
                + ",\"quantity\":1,\"residentId\":" + resident + ",\"months\":3,\"method\":\"避孕套\","
                + "\"informedChoice\":true}");
        if (r.status() == 200) {
            issuedTo.add(resident);
        }
        return r;
    }

    private static final String CHECKS = "\"checklist\":{\"receivingUnit\":true,\"invoiceSeal\":true,"
            + "\"invoiceDate\":true,\"itemNumber\":true,\"name\":true,\"specification\":true,\"dose\":true,"
            + "\"unit\":true,\"quantity\":true,\"packaging\":true},\"quality\":{\"noDiscoloration\":true,"
            + "\"noDamp\":true,\"noClumping\":true,\"noMelting\":true,\"noMould\":true,\"noOdour\":true,"
            + "\"noSediment\":true,\"noContamination\":true,\"labelled\":true}";

    /** Opens the stopped instance's database: acknowledged rows with their audit entries, no half-written ones. */
    private static void assertWholeAndAudited(Path home, Set<Long> residents, Set<Long> households, Set<Long> lots,
            Set<Long> issuedTo) throws SQLException {
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

            assertTrue(ids(st, "SELECT ID FROM WH_LOT").containsAll(lots), "every acknowledged receipt's lot");
            Set<Long> cards = ids(st, "SELECT RESIDENT_ID FROM WH_CARD_ENTRY WHERE KIND = 'ISSUE'");
            Set<Long> auditedCards = ids(st, "SELECT ENTITY_ID FROM AUDIT_ENTRY WHERE ENTITY_TYPE = 'ContraceptiveCard' "
                    + "AND ACTION_NAME = 'CREATE'");
            assertTrue(cards.containsAll(issuedTo), "every acknowledged issue is on the person's card");
            Set<Long> unauditedCards = new HashSet<>(cards);
            unauditedCards.removeAll(auditedCards);
            assertTrue(unauditedCards.isEmpty(), "issues to a person without their audit entry: " + unauditedCards);
            Set<Long> issued = ids(st, "SELECT RESIDENT_ID FROM WH_LEDGER WHERE KIND = 'ISSUE' AND RESIDENT_ID IS NOT NULL");
            assertEquals(issued, cards, "every issue in the ledger has its card entry and the other way round");
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
