package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Backup and restore of the whole platform (备份与恢复): {@code POST /api/admin/backup} while several threads write
 * (streets, residents, households), the backup copied into the database folder of a new home (operations guide,
 * "Backups"), the platform started there; every record answered 2xx before the backup began is there with its audit
 * entry, and nothing half written.
 */
class BackupIT {

    @Test
    void anOnlineBackupRestoresIntoANewHomeWithEveryEarlierWriteAndItsAuditEntry() throws Exception {
        Path home = RenkouOptions.newHome("backup");
        int port = RenkouOptions.freePort();
        Http http = new Http(port);
        Set<String> streets = ConcurrentHashMap.newKeySet();
        Set<Long> residents = ConcurrentHashMap.newKeySet();
        Set<Long> households = ConcurrentHashMap.newKeySet();
        Set<Long> residentsBefore;
        Set<Long> householdsBefore;
        Set<String> streetsBefore;
        Path backup;
        Process p = RenkouProcess.launchTrusted(home, Integer.toString(port));
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        try {
            http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 90);
            http.await("/api/jurisdictions/440606901001", r -> r.status() == 200, 60);
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                workers.add(load.submit(() -> {
                    for (int n = 1; running.get(); n++) {
                        CrashSoakIT.write(http, thread, n, streets, residents, households);
                    }
                    return null;
                }));
            }
            Thread.sleep(6000);
            // answered before the backup began: must be in it
            residentsBefore = new HashSet<>(residents);
            householdsBefore = new HashSet<>(households);
            streetsBefore = new HashSet<>(streets);
            Http.Response r = http.post("/api/admin/backup");
            assertEquals(200, r.status(), r.body());
            Matcher m = Pattern.compile("\"folder\":\"([^\"]+)\"").matcher(r.body());
            assertTrue(m.find(), r.body());
            backup = Path.of(m.group(1));
            Thread.sleep(1500); // writes go on after the backup: not in it, and no harm
            running.set(false);
            for (Future<?> w : workers) {
                w.get(60, TimeUnit.SECONDS);
            }
            assertTrue(residentsBefore.size() >= 5, "load ran before the backup: " + residentsBefore.size());
        } finally {
            running.set(false);
            load.shutdownNow();
            RenkouProcess.stop(p);
        }

        // restore: the backup's database folder becomes data/renkou of a new home
        Path restored = RenkouOptions.newHome("restored");
        copy(backup, restored.resolve("data/renkou"));
        int port2 = RenkouOptions.freePort();
        Http again = new Http(port2);
        Process q = RenkouProcess.launchTrusted(restored, Integer.toString(port2));
        try {
            again.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 90);
            again.await("/api/jurisdictions/440606901001", r -> r.status() == 200, 60);
            for (String code : streetsBefore) {
                assertEquals(200, again.get("/api/jurisdictions/" + code).status(), "street " + code);
            }
            for (long id : residentsBefore) {
                assertEquals(200, again.get("/api/residents/" + id).status(), "resident " + id);
            }
            for (long id : householdsBefore) {
                assertEquals(200, again.get("/api/households/" + id).status(), "household " + id);
            }
            assertEquals(201, again.postJson("/api/jurisdictions", "{\"code\":\"530102904\",\"name\":\"恢复后街道\","
                    + "\"level\":\"STREET\",\"parentCode\":\"530102\"}").status(), "the restored platform takes writes");
        } finally {
            RenkouProcess.stop(q);
        }
        String url = "jdbc:derby:" + restored.resolve("data/renkou");
        try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement()) {
            Set<Long> audited = CrashSoakIT.ids(st, "SELECT ENTITY_ID FROM AUDIT_ENTRY WHERE ENTITY_TYPE = 'resident' "
                    + "AND ACTION_NAME = 'CREATE'");
            assertTrue(audited.containsAll(residentsBefore), "every earlier resident's audit entry is restored");
            Set<Long> auditedHouseholds = CrashSoakIT.ids(st, "SELECT ENTITY_ID FROM AUDIT_ENTRY WHERE "
                    + "ENTITY_TYPE = 'household' AND ACTION_NAME = 'CREATE'");
            assertTrue(auditedHouseholds.containsAll(householdsBefore), "every earlier household's audit entry");
            Set<Long> stored = CrashSoakIT.ids(st, "SELECT ID FROM RESIDENT WHERE NAME LIKE '压测%'");
            Set<Long> unaudited = new HashSet<>(stored);
            unaudited.removeAll(audited);
            assertTrue(unaudited.isEmpty(), "residents without their audit entry (half written): " + unaudited);
        } finally {
            try {
                DriverManager.getConnection(url + ";shutdown=true");
            } catch (SQLException expected) {
                // Derby reports a clean close as an exception
            }
        }
        System.out.printf("BackupIT: %d residents, %d households, %d streets written before the backup, all restored%n",
                residentsBefore.size(), householdsBefore.size(), streetsBefore.size());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
