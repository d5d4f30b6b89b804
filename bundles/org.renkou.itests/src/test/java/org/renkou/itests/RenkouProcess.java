package org.renkou.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built distribution's {@code bin/renkou} in its own process, configured by environment variables. */
final class RenkouProcess {
    static final Path LAUNCHER = RenkouOptions.distribution().resolve("bin/renkou");
    private static final Pattern ADMIN_PASSWORD = Pattern.compile("初始密码 initial password: (\\S+)");

    private RenkouProcess() {
    }

    /**
     * Starts Renkou on {@code home} and {@code port} with extra environment variables; console in console.txt. A new
     * database gets the sample tree only ({@code RENKOU_SAMPLE_DATA=jurisdictions}) unless {@code env} says otherwise;
     * an empty value there leaves the launcher's default (the living sample).
     */
    static Process launch(Path home, String port, Map<String, String> env) throws IOException {
        return launch(LAUNCHER, home, port, env);
    }

    /** {@link #launch(Path, String, Map)} with another copy of the launcher, e.g. from an unpacked release. */
    static Process launch(Path launcher, Path home, String port, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(launcher.toString()));
        pb.environment().put("RENKOU_HOME", home.toString());
        pb.environment().put("RENKOU_PORT", port);
        pb.environment().put("RENKOU_SAMPLE_DATA", "jurisdictions");
        pb.environment().putAll(env);
        if (pb.environment().get("RENKOU_SAMPLE_DATA").isEmpty()) {
            pb.environment().remove("RENKOU_SAMPLE_DATA");
        }
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(home.resolve("console.txt").toFile());
        return pb.start();
    }

    /**
     * For tests that call the API as a named staff member without logging in: the X-Renkou-User header is trusted
     * (a system property only tests set; AuthIT and WebUiIT log in for real).
     */
    static Process launchTrusted(Path home, String port) throws IOException {
        return launch(home, port, Map.of("RENKOU_JAVA_OPTS", "-Drenkou.auth.trustHeader=true"));
    }

    static String console(Path home) throws IOException {
        return Files.readString(home.resolve("console.txt"), StandardCharsets.UTF_8);
    }

    /** The first administrator's password as printed once on the console at the first start. */
    static String awaitAdminPassword(Path home, int seconds) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            Matcher m = ADMIN_PASSWORD.matcher(console(home));
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no administrator password on the console: " + console(home));
    }

    /**
     * What to read when a start did not come up as expected: the warnings and errors of the process's log (first, so a
     * shortened CI report still shows them) and a thread dump written next to the test reports.
     */
    static String diagnose(Process p, Path home, String label) {
        StringBuilder sb = new StringBuilder();
        try {
            for (String line : Files.readAllLines(home.resolve("logs/renkou.log"), StandardCharsets.UTF_8)) {
                if (line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Exception")) {
                    sb.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            sb.append("(no log: ").append(e).append(")\n");
        }
        Path dump = Path.of(System.getProperty("renkou.itests.work", "target"), "..", "stop-hangs", label + "-threads.txt")
                .normalize();
        p.toHandle().descendants().filter(h -> h.info().command().orElse("").endsWith("java")).findFirst()
                .or(() -> p.toHandle().info().command().orElse("").endsWith("java") ? Optional.of(p.toHandle()) : Optional.empty())
                .ifPresent(java -> {
                    try {
                        Files.createDirectories(dump.getParent());
                        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                                Long.toString(java.pid()), "Thread.print").redirectErrorStream(true)
                                .redirectOutput(dump.toFile()).start();
                        jcmd.waitFor(30, TimeUnit.SECONDS);
                        sb.append("threads: ").append(dump).append('\n');
                    } catch (IOException | InterruptedException e) {
                        sb.append("(no thread dump: ").append(e).append(")\n");
                    }
                });
        return sb.toString();
    }

    /** SIGTERM, as Ctrl-C or a service manager would send; the JVM runs Renkou's shutdown hook. */
    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Renkou did not stop within 60 s of SIGTERM");
        }
    }
}
