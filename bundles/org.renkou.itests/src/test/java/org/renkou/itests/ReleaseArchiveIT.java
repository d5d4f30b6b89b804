package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;

/**
 * The release archives as an operator gets them (issue 18): {@code renkou-<version>.tar.gz} unpacked with tar into a
 * fresh folder starts with Java alone, serves and stops cleanly on SIGTERM (exit 143, what the systemd unit counts as
 * success), with its data outside the release; the zip holds the same files; the service definitions are in it. The
 * same home then starts from the release unpacked in another folder, as an upgrade beside the old release does.
 */
class ReleaseArchiveIT {
    @Test
    void theTarballUnpacksStartsAndStopsAndTheZipHoldsTheSameFiles() throws Exception {
        Path target = RenkouOptions.distribution().getParent();
        Path tarball = only(target, ".tar.gz");
        Path zip = only(target, ".zip");
        String top = tarball.getFileName().toString().replace(".tar.gz", "");

        Path unpacked = RenkouOptions.newHome("release");
        run(List.of("tar", "-xzf", tarball.toString(), "-C", unpacked.toString()));
        Path release = unpacked.resolve(top);
        Path launcher = release.resolve("bin/renkou");
        assertTrue(Files.getPosixFilePermissions(launcher).contains(PosixFilePermission.OWNER_EXECUTE),
                "bin/renkou is executable after tar -x");
        for (String file : List.of("lib/renkou-launcher.jar", "etc/systemd/renkou.service", "etc/renkou.env",
                "etc/windows/renkou-service.xml", "docs/operations.md", "README.md", "bin/renkou.bat")) {
            assertTrue(Files.isRegularFile(release.resolve(file)), file);
        }
        String unit = Files.readString(release.resolve("etc/systemd/renkou.service"), StandardCharsets.UTF_8);
        assertTrue(unit.contains("Restart=on-failure") && unit.contains("SuccessExitStatus=143"), unit);
        for (String written : List.of("data", "logs", "cache", "cds", "deploy", "files")) {
            assertFalse(Files.exists(release.resolve(written)), "nothing a run writes is released: " + written);
        }
        TreeSet<String> inTar = new TreeSet<>(run(List.of("tar", "-tzf", tarball.toString())).lines()
                .filter(n -> !n.endsWith("/")).toList());
        TreeSet<String> inZip = new TreeSet<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = z.entries(); e.hasMoreElements();) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory()) {
                    inZip.add(entry.getName());
                }
            }
        }
        assertEquals(inTar, inZip);

        Path home = RenkouOptions.newHome("release-home");
        startServeAndStop(launcher, home, http -> {
            assertTrue(Files.isDirectory(home.resolve("data")), "the data is in RENKOU_HOME");
            assertFalse(Files.exists(release.resolve("data")), "not in the release");
            http.await("/api/jurisdictions/530102", r -> r.status() == 200, 60); // the parent, from the sample tree
            return http.postJson("/api/jurisdictions", JURISDICTION).status();
        }, 201);

        // docs/county.md's upgrade: the release unpacked beside the old one starts on the same home, data kept (the
        // framework cache still names the bundles of the first folder)
        Path beside = RenkouOptions.newHome("release-beside");
        run(List.of("tar", "-xzf", tarball.toString(), "-C", beside.toString()));
        startServeAndStop(beside.resolve(top).resolve("bin/renkou"), home,
                http -> http.get("/api/jurisdictions/" + CODE).status(), 200);
    }

    /** A jurisdiction the first start adds, to be read after the move (a code the sample tree does not use). */
    private static final String CODE = "530102950";
    private static final String JURISDICTION = "{\"code\":\"" + CODE + "\",\"name\":\"发布测试街道\",\"level\":\"STREET\","
            + "\"parentCode\":\"530102\"}";

    /** Starts the launcher on the home, waits for UP, checks what {@code served} answers, stops it with SIGTERM. */
    private static void startServeAndStop(Path launcher, Path home, Served served, int expected) throws Exception {
        int port = RenkouOptions.freePort();
        // trusted X-Renkou-User header: the test acts as the system administrator without logging in
        Process p = RenkouProcess.launch(launcher, home, Integer.toString(port),
                Map.of("RENKOU_JAVA_OPTS", "-Drenkou.auth.trustHeader=true"));
        try {
            Http http = new Http(port);
            http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 90);
            assertEquals(expected, served.status(http), launcher.toString());
        } catch (AssertionError e) {
            throw new AssertionError(RenkouProcess.diagnose(p, home, "ReleaseArchiveIT") + e.getMessage(), e);
        } finally {
            p.destroy();
            assertTrue(p.waitFor(90, TimeUnit.SECONDS), "stopped within 90 s of SIGTERM (the unit's TimeoutStopSec)");
        }
        assertEquals(143, p.exitValue(), "SIGTERM ends the JVM with 143");
    }

    @FunctionalInterface
    private interface Served {
        int status(Http http) throws Exception;
    }

    private static Path only(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().matches("renkou-.*" + suffix.replace(".", "\\.")))
                    .toList();
            assertEquals(1, found.size(), "one release archive " + suffix + " in " + folder + ": " + found);
            return found.get(0);
        }
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), command + ": " + out);
        return out;
    }
}
