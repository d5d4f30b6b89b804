package org.renkou.itests;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code bin/renkou} as a separate process, configured by environment variables only. */
final class Launcher {
    static final Path SCRIPT = RenkouOptions.distribution().resolve("bin/renkou");

    private Launcher() {
    }

    static Process launch(Path home, String port) throws IOException {
        return launch(home, port, Map.of());
    }

    /** Starts Renkou on {@code home}; console output goes to {@code home/console.txt}. */
    static Process launch(Path home, String port, Map<String, String> env) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(List.of(SCRIPT.toString()));
        pb.environment().put("RENKOU_HOME", home.toString());
        pb.environment().put("RENKOU_PORT", port);
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("console.txt").toFile()));
        return pb.start();
    }

    static String console(Path home) throws IOException {
        return Files.readString(home.resolve("console.txt"), StandardCharsets.UTF_8);
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
