package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two Renkou nodes (the built launcher, two processes) on one PostgreSQL database behind HAProxy (round robin, no
 * sticky sessions), all on 127.0.0.1: a login through the proxy is served by both nodes (sessions in the database);
 * a write on node A is read on node B at once (no shared entity cache); the same stale edit sent to A and B at once
 * gives one 200 and one 409; a logout on B ends the session on A; the warehouse module switched off on A is off on
 * B within the module poll; the scheduled jobs run on one node (the statistics snapshot once, not once per node);
 * a file uploaded on A downloads on B; failed logins on A lock the account on B for that address, and a flood of
 * them from one address on both nodes answers 401 or 429 only and throttles it on both; through the proxy
 * ({@code option forwardfor}, the nodes trusting 127.0.0.1) failed logins lock the account for the client that
 * sent them, not for every client of the proxy, and a client cannot name itself another address; {@code kill -9} of A under load: the requests through the proxy keep succeeding on B
 * (only those in flight on A may fail) and every write that got its 201 is there. Skipped, saying why, without
 * PostgreSQL or HAProxy (CI installs both and requires them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern CSRF = Pattern.compile("\"csrfToken\":\"([^\"]+)\"");

    private PostgresServer pg;
    private Process nodeA;
    private Process nodeB;
    private Process proxy;
    private int portA;
    private int portB;
    private int proxyPort;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A logged-in client: session cookie and CSRF token, sent to any port. */
    private record Session(String cookie, String csrf) {
    }

    private record Answer(int status, String body, String node) {
    }

    @BeforeAll
    void start() throws Exception {
        PostgresAssumptions.assumeAvailable();
        String noProxy = haproxy() == null ? "haproxy not found: apt-get install haproxy (.ci/run does so)" : null;
        if (noProxy != null && Boolean.getBoolean("renkou.it.requirePostgres")) {
            throw new AssertionError(noProxy);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(noProxy == null, () -> "skipped: " + noProxy);
        pg = PostgresServer.start();
        String db = pg.createDatabase("cluster");
        Map<String, String> env = Map.of("RENKOU_DB", pg.url(db), "RENKOU_DB_USER", PostgresServer.USER,
                "RENKOU_DB_PASSWORD_FILE", pg.passwordFile().toString(), "RENKOU_DB_POOL_SIZE", "6",
                "RENKOU_JAVA_OPTS", "-Drenkou.modules.pollSeconds=2 -Xmx384m", "RENKOU_TRUSTED_PROXIES", "127.0.0.1");
        Path homeA = RenkouOptions.newHome("cluster-a");
        Path homeB = RenkouOptions.newHome("cluster-b");
        portA = RenkouOptions.freePort();
        portB = RenkouOptions.freePort();
        // A first: it creates the schema, the sample data and the administrator; B then finds them
        nodeA = RenkouProcess.launch(homeA, Integer.toString(portA), env);
        awaitUp(portA, homeA);
        adminPassword = RenkouProcess.awaitAdminPassword(homeA, 60);
        nodeB = RenkouProcess.launch(homeB, Integer.toString(portB), env);
        awaitUp(portB, homeB);
        proxyPort = RenkouOptions.freePort();
        Path cfg = homeA.resolve("haproxy.cfg");
        // the configuration docs/county.md gives operators, with this run's ports
        String documented = Files.readString(Path.of("../../docs/haproxy.cfg"), StandardCharsets.UTF_8);
        Files.writeString(cfg, documented.replace("bind :8080", "bind 127.0.0.1:" + proxyPort)
                .replace("127.0.0.1:8081", "127.0.0.1:" + portA).replace("127.0.0.1:8082", "127.0.0.1:" + portB),
                StandardCharsets.UTF_8);
        proxy = new ProcessBuilder(haproxy(), "-f", cfg.toString(), "-db").redirectErrorStream(true)
                .redirectOutput(homeA.resolve("haproxy.txt").toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Set<String> nodes = new java.util.HashSet<>();
        while (nodes.size() < 2 && System.nanoTime() < end) {
            try {
                Answer a = send(proxyPort, "GET", "/api/health", null, null);
                if (a.status() == 200) {
                    nodes.add(a.node());
                }
            } catch (IOException e) {
                // the proxy is not listening yet
            }
            Thread.sleep(100);
        }
        assertEquals(Set.of("a", "b"), nodes, "the proxy reaches both nodes");
    }

    private String adminPassword;

    @AfterAll
    void stop() throws Exception {
        for (Process p : new Process[] {proxy, nodeA, nodeB}) {
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (pg != null) {
            pg.close();
        }
    }

    @Test
    void twoNodesBehindTheProxy() throws Exception {
        // login through the proxy (password change forced at the first login), then served by both nodes
        Session first = login(proxyPort, "admin", adminPassword);
        assertEquals(204, send(proxyPort, "POST", "/api/auth/password", first, "{\"oldPassword\":\"" + adminPassword
                + "\",\"newPassword\":\"Cluster-2026a\"}").status());
        Session admin = login(proxyPort, "admin", "Cluster-2026a");
        Set<String> servedBy = new java.util.HashSet<>();
        for (int i = 0; i < 6; i++) {
            Answer me = send(proxyPort, "GET", "/api/auth/me", admin, null);
            assertEquals(200, me.status(), me.body());
            servedBy.add(me.node());
        }
        assertEquals(Set.of("a", "b"), servedBy, "one session, both nodes");

        // write on A, read on B at once
        assertEquals(201, send(portA, "POST", "/api/staff", admin, "{\"username\":\"officer\",\"name\":\"测试\","
                + "\"roles\":[\"FAMILY_SERVICES\"],\"jurisdictionCodes\":[\"440606\"],\"password\":\"Start-2026a\"}")
                .status());
        Session officerFirst = login(portB, "officer", "Start-2026a");
        assertEquals(204, send(portB, "POST", "/api/auth/password", officerFirst,
                "{\"oldPassword\":\"Start-2026a\",\"newPassword\":\"Work-2026officer\"}").status());
        Session officer = login(proxyPort, "officer", "Work-2026officer");
        Answer created = send(portA, "POST", "/api/residents", officer, "{\"idNumber\":\""
                + ResidentIT.idNumber("44060619900101004") + "\",\"name\":\"赵敏\",\"residenceCode\":\"440606901001\"}");
        assertEquals(201, created.status(), created.body());
        String id = match(ID, created.body());
        String v1 = "{\"idNumber\":\"" + ResidentIT.idNumber("44060619900101004") + "\",\"name\":\"赵敏\","
                + "\"residenceCode\":\"440606901001\",\"version\":1,\"phone\":";
        assertTrue(send(portB, "GET", "/api/residents/" + id, officer, null).body().contains("赵敏"));

        // the same edit of version 1 on A and on B at once: one wins, the other is told (409), nothing lost
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Answer>> both = pool.invokeAll(List.<Callable<Answer>>of(
                    () -> send(portA, "PUT", "/api/residents/" + id, officer, v1 + "\"111111\"}"),
                    () -> send(portB, "PUT", "/api/residents/" + id, officer, v1 + "\"222222\"}")));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> f : both) {
                statuses.add(f.get().status());
            }
            statuses.sort(null);
            assertEquals(List.of(200, 409), statuses, "one edit wins, the other is a conflict");
            String winner = both.get(0).get().status() == 200 ? "111111" : "222222";
            assertTrue(send(portA, "GET", "/api/residents/" + id, officer, null).body().contains(winner));
            assertTrue(send(portB, "GET", "/api/residents/" + id, officer, null).body().contains(winner));
        } finally {
            pool.shutdownNow();
        }

        // a logout on B ends the session on A
        Session shortLived = login(portA, "officer", "Work-2026officer");
        assertEquals(200, send(portA, "GET", "/api/auth/me", shortLived, null).status());
        send(portB, "POST", "/api/auth/logout", shortLived, null);
        assertEquals(401, send(portA, "GET", "/api/auth/me", shortLived, null).status());

        // the warehouse switched off on A is off on B within the poll (2 s here, 10 s by default)
        // (the administrator may not read the catalogue: 403 while the module is on, 404 once its API is gone)
        assertEquals(403, send(portB, "GET", "/api/warehouse/products", admin, null).status());
        Answer off = send(portA, "POST", "/api/admin/modules/warehouse/disable?cascade=false", admin, null);
        assertEquals(200, off.status(), off.body());
        assertTrue(awaitStatus(portB, "/api/warehouse/products", admin, 404, 15), "warehouse off on B");
        assertEquals(200, send(portA, "POST", "/api/admin/modules/warehouse/enable?cascade=false", admin, null).status());
        assertTrue(awaitStatus(portB, "/api/warehouse/products", admin, 403, 15), "warehouse on again on B");

        // the scheduled jobs run on one node: exactly one says it leads (the checks: a platform administrator's detail)
        boolean aLeads = send(portA, "GET", "/api/health", admin, null).body().contains("(leader)");
        boolean bLeads = send(portB, "GET", "/api/health", admin, null).body().contains("(leader)");
        assertTrue(aLeads ^ bLeads, "one job leader: A " + aLeads + ", B " + bLeads);
        // ... and the statistics snapshot's routine job (at start, then on its timer) ran there only: once across
        // the two nodes, not once per node (each node counts the jobs it ran in its health detail)
        String leaderHealth = send(aLeads ? portA : portB, "GET", "/api/health", admin, null).body();
        String otherHealth = send(aLeads ? portB : portA, "GET", "/api/health", admin, null).body();
        assertTrue(leaderHealth.contains("statistics="), "the snapshot job ran at start, on the leader: "
                + leaderHealth);
        assertFalse(otherHealth.contains("statistics="), "and not on the other node: " + otherHealth);

        // a file uploaded on A downloads on B, byte for byte (a meeting's attachment of the association module)
        String association = "/api/association/associations/" + match(ID, send(portA, "POST",
                "/api/association/associations", admin, "{\"name\":\"集群协会\",\"jurisdictionCode\":\"440606901001\"}")
                .body());
        String meeting = association + "/meetings/" + match(ID, send(portA, "POST", association + "/meetings", admin,
                "{\"kind\":\"YEARLY_COMMENDATION\",\"heldOn\":\"" + java.time.LocalDate.now(java.time.ZoneId.of(
                        "Asia/Shanghai")) + "\",\"topic\":\"表彰\"}").body());
        byte[] pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        HttpResponse<byte[]> up = sendBytes(portA, "POST", meeting + "/files?fileName=cluster.pdf", admin, pdf);
        assertEquals(201, up.statusCode(), new String(up.body(), StandardCharsets.UTF_8));
        String file = match(ID, new String(up.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> down = sendBytes(portB, "GET", meeting + "/files/" + file, admin, null);
        assertEquals(200, down.statusCode());
        assertArrayEquals(pdf, down.body(), "the same bytes on B");

        // failed logins count on every node: five wrong passwords on A lock the account on B, for that address only
        assertEquals(201, send(portA, "POST", "/api/staff", admin, "{\"username\":\"target\",\"name\":\"锁定\","
                + "\"roles\":[\"FAMILY_SERVICES\"],\"jurisdictionCodes\":[\"440606\"],\"password\":\"Start-2026a\"}")
                .status());
        for (int i = 0; i < 5; i++) {
            assertEquals(401, Http.loginFrom(portA, "127.0.0.2", "target", "wrong-2026"));
        }
        assertEquals(401, Http.loginFrom(portB, "127.0.0.2", "target", "Start-2026a"), "locked on B by failures on A");
        assertEquals(200, Http.loginFrom(portB, "127.0.0.3", "target", "Start-2026a"), "not for another address");
        // a flood of failures from one address on both nodes at once: 401 or 429, never an error of the database,
        // and after 20 failures in all (not 20 per node) the address waits on both
        Map<Integer, Integer> flood = new ConcurrentHashMap<>();
        ExecutorService guessers = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Void>> guesses = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int port = i % 2 == 0 ? portA : portB;
                String user = i % 3 == 0 ? "nobody" + i : "target";
                guesses.add(() -> {
                    flood.merge(Http.loginFrom(port, "127.0.0.4", user, "wrong-2026"), 1, Integer::sum);
                    return null;
                });
            }
            for (Future<Void> f : guessers.invokeAll(guesses)) {
                f.get();
            }
        } finally {
            guessers.shutdownNow();
        }
        assertEquals(Set.of(401, 429), flood.keySet(), "only 401 and 429: " + flood);
        assertEquals(429, Http.loginFrom(portA, "127.0.0.4", "target", "Start-2026a"));
        assertEquals(429, Http.loginFrom(portB, "127.0.0.4", "target", "Start-2026a"));
        // through the proxy every connection to the nodes comes from 127.0.0.1 (trusted); the proxy names the client:
        // five failures of client A (127.0.0.5) lock the account for A, not for client B (127.0.0.6)
        for (int i = 0; i < 5; i++) {
            assertEquals(401, Http.loginFrom(proxyPort, "127.0.0.5", "target", "wrong-2026"));
        }
        assertEquals(401, Http.loginFrom(proxyPort, "127.0.0.5", "target", "Start-2026a"), "locked for client A");
        assertEquals(200, Http.loginFrom(proxyPort, "127.0.0.6", "target", "Start-2026a"),
                "client B behind the same proxy is not locked by A's failures");
        // A naming itself B: the proxy appends A's address after what A sent, and that one counts
        assertEquals(401, Http.loginFrom(proxyPort, "127.0.0.5", "target", "Start-2026a", "127.0.0.6"));
        // straight to a node from an untrusted address the header is not believed: A is A
        assertEquals(401, Http.loginFrom(portB, "127.0.0.5", "target", "Start-2026a", "127.0.0.6"));
        assertEquals(200, Http.loginFrom(portB, "127.0.0.6", "target", "Start-2026a", "127.0.0.5"));

        // kill -9 A under load: reads and writes through the proxy go on, on B
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Set<String> written = ConcurrentHashMap.newKeySet();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>(); // failures by status (0: no answer)
        ExecutorService load = Executors.newFixedThreadPool(3);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int thread = t;
            workers.add(load.submit(() -> {
                int n = 0;
                while (running.get()) {
                    try {
                        Answer a;
                        if (thread == 0 && n < 300) { // street codes 440606700…440606999
                            String code = "440606" + (700 + n++);
                            a = send(proxyPort, "POST", "/api/jurisdictions", admin, "{\"code\":\"" + code
                                    + "\",\"name\":\"集群街道" + n + "\",\"level\":\"STREET\",\"parentCode\":\"440606\"}");
                            if (a.status() == 201) {
                                written.add(code);
                            }
                        } else {
                            a = send(proxyPort, "GET", "/api/residents/" + id, officer, null);
                        }
                        if (a.status() < 300) {
                            ok.incrementAndGet();
                        } else {
                            failed.incrementAndGet();
                            statuses.merge(a.status(), 1, Integer::sum);
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet();
                        statuses.merge(0, 1, Integer::sum);
                    }
                }
                return null;
            }));
        }
        Thread.sleep(1500);
        int beforeKill = ok.get();
        nodeA.destroyForcibly(); // SIGKILL: no shutdown hook, connections cut
        nodeA.waitFor(10, TimeUnit.SECONDS);
        int failedAtKill = failed.get();
        Thread.sleep(4000);
        int okAfter = ok.get();
        Thread.sleep(2000);
        int failedLate = failed.get();
        running.set(false);
        for (Future<?> w : workers) {
            w.get(30, TimeUnit.SECONDS);
        }
        load.shutdownNow();
        assertTrue(beforeKill > 0, "load ran before the kill");
        assertTrue(ok.get() > okAfter && okAfter > beforeKill, "requests kept succeeding after the kill");
        assertTrue(failed.get() <= failedAtKill + 6, "only requests in flight on A fail: " + failed.get() + " failed " + statuses + ", "
                + ok.get() + " ok");
        assertEquals(failedLate, failed.get(), "none fails once the proxy has taken A out");
        for (String code : written) {
            Answer a = send(portB, "GET", "/api/jurisdictions/" + code, admin, null);
            assertEquals(200, a.status(), "a write answered 201 is kept: " + code);
        }
        // B runs the jobs now (it took over A's lock, or had it)
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!send(portB, "GET", "/api/health", admin, null).body().contains("(leader)")) {
            assertTrue(System.nanoTime() < end, "B took over the scheduled jobs");
            Thread.sleep(250);
        }
        System.out.printf("ClusterIT kill -9: %d ok, %d failed %s, %d writes kept%n", ok.get(), failed.get(),
                statuses, written.size());
    }

    private boolean awaitStatus(int port, String path, Session s, int status, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (send(port, "GET", path, s, null).status() == status) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private Session login(int port, String user, String password) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password
                        + "\"}")).build();
        HttpResponse<String> r = client.send(req, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), "login of " + user + ": " + r.body());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        return new Session(cookie, match(CSRF, r.body()));
    }

    private Answer send(int port, String method, String path, Session s, String json) throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (s != null) {
            b.header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrf());
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body(), r.headers().firstValue("X-Renkou-Node").orElse(""));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** A request with a binary body (or none) answered in bytes. */
    private HttpResponse<byte[]> sendBytes(int port, String method, String path, Session s, byte[] body)
            throws IOException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Cookie", s.cookie()).header("X-CSRF-Token", s.csrf())
                .header("Content-Type", "application/octet-stream")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private void awaitUp(int port, Path home) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < end) {
            try {
                Answer h = send(port, "GET", "/api/health", null, null);
                if (h.status() == 200 && h.body().contains("\"status\":\"UP\"")
                        && send(port, "GET", "/api/auth/me", null, null).status() == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("node on port " + port + " did not come up: " + RenkouProcess.console(home));
    }

    private static String match(Pattern p, String body) {
        Matcher m = p.matcher(body);
        assertTrue(m.find(), body);
        return m.group(1);
    }

    private static String haproxy() {
        for (String dir : new String[] {"/usr/sbin", "/usr/local/sbin", "/usr/bin"}) {
            if (Files.isExecutable(Path.of(dir, "haproxy"))) {
                return dir + "/haproxy";
            }
        }
        return null;
    }
}
