package org.renkou.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built distribution's {@code bin/renkou} in its own process, configured by environment variables. */
final class RenkouProcess {
    static final Path LAUNCHER = RenkouOptions.distribution().resolve("bin/renkou");
    private static final Pattern ADMIN_PASSWORD = Pattern.compile("初始密码 initial password: (\\S+)");

    private RenkouProcess() {
    }

    /** Starts Renkou on {@code home} and {@code port} with extra environment variables; console in console.txt. */
    static Process launch(Path home, String port, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(LAUNCHER.toString()));
        pb.environment().put("RENKOU_HOME", home.toString());
        pb.environment().put("RENKOU_PORT", port);
        pb.environment().putAll(env);
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

    /** SIGTERM, as Ctrl-C or a service manager would send; the JVM runs Renkou's shutdown hook. */
    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("Renkou did not stop within 60 s of SIGTERM");
        }
    }
}
