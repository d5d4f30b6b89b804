package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The distribution as a user runs it: {@code bin/renkou} in its own process, configured only by environment
 * variables. Covers first start with the living sample (and a second start that does not load it again), clean shutdown on SIGTERM/Ctrl-C, warm restart with the data
 * kept, hot deploy from {@code deploy/}, and the start-up failures a user must see in the console and the log.
 */
class DistributionIT {
    @Test
    void startsServesStopsCleanlyAndKeepsData() throws Exception {
        Path home = RenkouOptions.newHome("dist");
        int port = RenkouOptions.freePort();
        Http http = new Http(port);

        // the launcher's default sample data: the living sample
        Process p = RenkouProcess.launch(home, Integer.toString(port), Map.of("RENKOU_SAMPLE_DATA", "",
                "RENKOU_JAVA_OPTS", "-Drenkou.auth.trustHeader=true"));
        long residents;
        try {
            try {
                http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 60);
            } catch (AssertionError e) {
                throw new AssertionError(RenkouProcess.diagnose(p, home, "DistributionIT-start") + e.getMessage(), e);
            }
            http.await("/api/jurisdictions/230102901001", r -> r.status() == 200, 30);
            // the first start shows residents in the resident list, in pinyin order (阿… 陈… before 王… 张…)
            http.await("/api/residents?limit=500", r -> r.status() == 200 && r.body().contains("王一诺"), 120);
            awaitLog(home, "Loaded the living sample", 60);
            Http.Response list = http.get("/api/residents?limit=500");
            residents = Asserts.number(list.body(), "total");
            assertTrue(residents >= 300, "a few hundred residents: " + residents);
            assertTrue(list.body().indexOf("陈静") < list.body().indexOf("王海涛")
                    && list.body().indexOf("王海涛") < list.body().indexOf("张伟"), list.body());
            String first = Files.readString(home.resolve("logs/renkou.log"), StandardCharsets.UTF_8);
            assertTrue(!first.contains("no certificates or applications"), "Guangdong's types and schemes were used");
            Asserts.assertOk(http.get("/api/exchange/messages?state=OVERDUE"), "核实普建华婚育情况");
            assertTrue(Asserts.number(http.get("/api/benefit-applications?status=PAID").body(), "total") >= 1,
                    "applications at every step, one paid");
            // the warehouse's own sample part, through the core's SampleData hook: a store with stock near expiry
            awaitLog(home, "Loaded the warehouse sample", 60);
            Http.Response stores = http.get("/api/warehouse/stores");
            Asserts.assertOk(stores, "示例一社区药具室");
            long store = Asserts.number(stores.body(), "id");
            Asserts.assertOk(http.get("/api/warehouse/stores/" + store + "/stock"), "\"nearExpiry\":true");
            // switched off and on during the first run: not loaded again
            assertEquals(200, http.post("/api/admin/modules/warehouse/disable").status());
            assertEquals(200, http.post("/api/admin/modules/warehouse/enable").status());
            http.await("/api/warehouse/stores", r -> r.status() == 200, 60);
            assertEquals(1, http.get("/api/warehouse/stores").body().split("\"id\":", -1).length - 1);
            // the school's part: a school of the sample community whose class has a graduate with a certificate
            awaitLog(home, "Loaded the school sample", 60);
            Http.Response schools = http.get("/api/school/schools");
            Asserts.assertOk(schools, "示例一社区人口学校");
            long klass = Asserts.number(http.get("/api/school/schools/" + Asserts.number(schools.body(), "id")
                    + "/classes").body(), "id");
            Asserts.assertOk(http.get("/api/school/classes/" + klass + "/roster"), "\"status\":\"GRADUATED\"");
            // the association's part: an association of 示例一社区 with members, contacts, the 5·29 day, a notice
            awaitLog(home, "Loaded the association sample", 60);
            Http.Response associations = http.get("/api/association/associations");
            Asserts.assertOk(associations, "示例一社区计生协会（示例）");
            long association = Asserts.number(associations.body(), "id");
            Asserts.assertOk(http.get("/api/association/associations/" + association + "/members"), "\"ACTIVE\"");
            Asserts.assertOk(http.get("/api/association/associations/" + association + "/activities"), "5·29会员活动日（示例）");
            assertEquals(201, http.postJson("/api/jurisdictions",
                    "{\"code\":\"530102902\",\"name\":\"进程测试街道\",\"level\":\"STREET\",\"parentCode\":\"530102\"}").status());
            Http.Response ui = http.get("/ui/index.html");
            assertEquals(200, ui.status());
            assertTrue(ui.body().contains("人口与家庭服务平台"));
            assertEquals(302, http.get("/").status());
        } finally {
            stop(p);
        }
        // 143 = 128 + SIGTERM: the JVM's status after its shutdown hooks ran on a signal (systemd: SuccessExitStatus=143)
        assertEquals(143, p.exitValue(), "exit code after SIGTERM");
        String log = Files.readString(home.resolve("logs/renkou.log"), StandardCharsets.UTF_8);
        assertTrue(log.contains("stopped; database closed"), log);
        assertTrue(Files.readString(home.resolve("logs/derby.log")).contains("Shutting down"), "Derby shut down cleanly");

        Process again = RenkouProcess.launch(home, Integer.toString(port), Map.of("RENKOU_SAMPLE_DATA", "",
                "RENKOU_JAVA_OPTS", "-Drenkou.auth.trustHeader=true"));
        try {
            Http.Response kept = http.await("/api/jurisdictions/530102902", r -> r.status() == 200, 60);
            assertTrue(kept.body().contains("进程测试街道"));
            // a second start does not load the sample again
            awaitLog(home, "Sample data not loaded: the database has data already", 60);
            // (awaited: the API is rebuilt while the modules start, and may answer 401 for a moment)
            Http.Response same = http.await("/api/residents?limit=1", r -> r.status() == 200, 60);
            assertEquals(residents, Asserts.number(same.body(), "total"));
            String both = Files.readString(home.resolve("logs/renkou.log"), StandardCharsets.UTF_8);
            assertEquals(1, both.split("Loaded the living sample", -1).length - 1, "loaded once");
            assertEquals(1, both.split("Loaded the warehouse sample", -1).length - 1, "the warehouse's part once");
            assertEquals(1, both.split("Loaded the school sample", -1).length - 1, "the school's part once");
            assertEquals(1, both.split("Loaded the association sample", -1).length - 1, "the association's part once");

            // clients that reset the connection while they are answered (as HAProxy's health checks may) leave no
            // ERROR with Jetty's stack in the log for each of them
            for (int i = 0; i < 300; i++) {
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    s.setSoLinger(true, 0); // close = reset
                    s.getOutputStream().write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                }
            }
            assertEquals(200, http.get("/api/health").status());
            String after = Files.readString(home.resolve("logs/renkou.log"), StandardCharsets.UTF_8);
            assertEquals(0, after.split("EofException", -1).length - 1, "no stack for a client that left");
        } finally {
            stop(again);
        }
    }

    @Test
    void hotDeploysABundleDroppedIntoDeploy() throws Exception {
        Path home = RenkouOptions.newHome("deploy");
        int port = RenkouOptions.freePort();
        Http http = new Http(port);
        Process p = launch(home, Integer.toString(port));
        try {
            http.await("/api/health", r -> r.status() == 200, 60);
            TestBundles.write(home.resolve("deploy/org.renkou.itests.hotdeploy.jar"), "org.renkou.itests.hotdeploy",
                    "Renkou-Module", "hotdeploy", "Require-Capability", TestBundles.REQUIRES_CORE_API);
            http.await("/api/health", r -> r.body().matches(
                    "(?s).*\"symbolicName\":\"org\\.renkou\\.itests\\.hotdeploy\",\"version\":\"1\\.0\\.0\",\"state\":\"ACTIVE\".*"), 60);
        } finally {
            stop(p);
        }
    }

    @Test
    void busyPortIsReportedOnConsoleAndInLog() throws Exception {
        Path home = RenkouOptions.newHome("busy");
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Process p = launch(home, Integer.toString(taken.getLocalPort()));
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, p.exitValue());
            String console = console(home);
            assertTrue(console.contains("already in use") && console.contains("RENKOU_PORT"), console);
            assertTrue(Files.readString(home.resolve("logs/renkou.log")).contains("端口 " + taken.getLocalPort() + " 已被占用"));
        }
    }

    @Test
    void badPortSettingIsRefusedWithASentence() throws Exception {
        Path home = RenkouOptions.newHome("badport");
        Process p = launch(home, "eighty");
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        String console = console(home);
        assertTrue(console.contains("RENKOU_PORT=eighty") && console.contains("1-65535"), console);
    }

    @Test
    void unresolvableBundleIsNamedInTheLog() throws Exception {
        Path home = RenkouOptions.newHome("unresolved");
        int port = RenkouOptions.freePort();
        Http http = new Http(port);
        Process p = launch(home, Integer.toString(port));
        try {
            http.await("/api/health", r -> r.status() == 200, 60);
            Path jar = home.resolve("deploy/org.renkou.itests.broken.jar");
            TestBundles.write(jar, "org.renkou.itests.broken", "Import-Package", "org.renkou.no.such.api;version=\"[9,10)\"",
                    "Renkou-Module", "broken", "Require-Capability", TestBundles.REQUIRES_CORE_API);
            http.await("/api/health", r -> r.body().contains("\"status\":\"DEGRADED\"")
                    && r.body().contains("org.renkou.itests.broken"), 60);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            String log = "";
            while (System.nanoTime() < end && !log.contains("org.renkou.no.such.api")) {
                Thread.sleep(200);
                log = Files.readString(home.resolve("logs/renkou.log"), StandardCharsets.UTF_8);
            }
            assertTrue(log.contains("org.renkou.itests.broken") && log.contains("org.renkou.no.such.api"), log);
            // the module list says why, in words
            Http.Response modules = http.get("/api/modules/broken");
            assertTrue(modules.body().contains("\"state\":\"FAILED\"") && modules.body().contains("无法解析"), modules.body());
        } finally {
            stop(p);
        }
    }

    /** These tests call the API without logging in (AuthIT and WebUiIT log in for real): header trust, tests only. */
    private static Process launch(Path home, String port) throws IOException {
        return RenkouProcess.launchTrusted(home, port);
    }

    private static void awaitLog(Path home, String text, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String log = "";
        while (System.nanoTime() < end) {
            log = Files.readString(home.resolve("logs/renkou.log"), StandardCharsets.UTF_8);
            if (log.contains(text)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("not in the log: " + text + "\n" + log);
    }

    private static String console(Path home) throws IOException {
        return RenkouProcess.console(home);
    }

    private static void stop(Process p) throws InterruptedException {
        RenkouProcess.stop(p);
    }
}
