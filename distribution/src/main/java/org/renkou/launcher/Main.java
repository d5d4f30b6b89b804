package org.renkou.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts Renkou: reads the settings, routes the console to {@code RENKOU_HOME/logs/renkou.log} as well, checks the
 * HTTP port, boots Felix with the bundles of every feature, and on Ctrl-C stops the framework so that the database
 * closes cleanly. Exit codes: 0 stopped normally, 1 failed to start, 2 bad setting.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            Map<String, String> sys = new HashMap<>();
            System.getProperties().forEach((k, v) -> sys.put(k.toString(), v.toString()));
            settings = Settings.from(distributionDir(), System.getenv(), sys);
        } catch (Settings.InvalidSetting e) {
            System.err.println("Renkou: " + e.getMessage());
            System.exit(2);
            return;
        }
        Files.createDirectories(settings.logs());
        Files.createDirectories(settings.deploy());
        Files.createDirectories(settings.data());
        // the log holds the first administrator's password, the data folder every resident: owner only
        ownerOnly(settings.logs());
        ownerOnly(settings.data());
        Path logFile = settings.logs().resolve("renkou.log");
        if (!Files.exists(logFile)) {
            Files.createFile(logFile);
        }
        ownerOnly(logFile);
        teeConsole(logFile);
        FrameworkConfig.systemProperties(settings).forEach(System::setProperty);
        Logger log = LoggerFactory.getLogger("renkou");

        if (!portFree(settings.host(), settings.port())) {
            log.error("端口 {} 已被占用，Renkou 无法启动。请关闭占用该端口的程序，或用 RENKOU_PORT 指定其他端口。 / "
                    + "Port {} on {} is already in use; stop the program using it or set RENKOU_PORT.",
                    settings.port(), settings.port(), settings.host());
            System.exit(1);
            return;
        }

        try {
            Felix felix = start(settings, log);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(felix, log), "renkou-shutdown"));
            FrameworkEvent end = felix.waitForStop(0);
            if (end.getType() == FrameworkEvent.ERROR) {
                log.error("Renkou stopped with an error", end.getThrowable());
                System.exit(1);
            }
        } catch (BundleException | IOException | RuntimeException e) {
            log.error("Renkou could not start: {}", e.getMessage(), e);
            System.exit(1);
        }
    }

    static Felix start(Settings settings, Logger log) throws BundleException, IOException, InterruptedException {
        long t0 = System.nanoTime();
        FeatureCatalog catalog = FeatureCatalog.read(settings.distribution().resolve("features"));
        Map<String, Object> props = new HashMap<>(FrameworkConfig.properties(settings, catalog));
        props.put("felix.log.logger", new FelixLog());
        Felix felix = new Felix(props);
        felix.init();
        felix.getBundleContext().addFrameworkListener(e -> {
            if (e.getType() == FrameworkEvent.ERROR) {
                Bundle b = e.getBundle();
                log.error("Bundle {} failed: {}", b == null ? "?" : b.getSymbolicName(),
                        e.getThrowable() == null ? "" : e.getThrowable().getMessage());
            }
        });
        StartTimes startTimes = new StartTimes();
        felix.getBundleContext().addBundleListener(startTimes);
        int maxLevel = BundleSet.reconcile(felix.getBundleContext(), catalog.bundles(settings.distribution().resolve("system")), log);
        felix.start();
        FrameworkStartLevel fsl = felix.adapt(FrameworkStartLevel.class);
        Object done = new Object();
        synchronized (done) {
            fsl.setStartLevel(maxLevel, e -> {
                synchronized (done) {
                    done.notifyAll();
                }
            });
            done.wait(60_000);
        }
        BundleSet.retryFailedStarts(felix.getBundleContext(), log);
        int active = 0;
        int total = 0;
        for (Bundle b : felix.getBundleContext().getBundles()) {
            total++;
            if (b.getState() == Bundle.ACTIVE) {
                active++;
            } else if (!BundleSet.isFragment(b) && !BundleSet.isLazy(b)) {
                log.warn("Bundle {} is not active ({})", b.getSymbolicName(), BundleSet.stateName(b));
            }
        }
        log.info("Renkou 已启动 / started in {} ms: {}/{} bundles active; web UI http://{}:{}/ ; home {}",
                (System.nanoTime() - t0) / 1_000_000, active, total, settings.host(), settings.port(), settings.home());
        felix.getBundleContext().removeBundleListener(startTimes);
        log.info("Slowest bundle starts / 启动最慢的组件: {}", startTimes.slowest(5));
        return felix;
    }

    static void stop(Felix felix, Logger log) {
        if (felix.getState() != Bundle.ACTIVE && felix.getState() != Bundle.STARTING) {
            return;
        }
        log.info("Renkou 正在停止 / stopping...");
        try {
            felix.stop();
            felix.waitForStop(30_000);
            log.info("Renkou 已停止，数据库已关闭 / stopped; database closed");
        } catch (BundleException | InterruptedException e) {
            log.error("Renkou did not stop cleanly: {}", e.toString());
        }
    }

    static boolean portFree(String host, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path distributionDir() throws URISyntaxException {
        Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // lib/renkou-launcher.jar -> the distribution; target/classes when run from an IDE.
        return jar.getParent().getParent();
    }

    /** Everything written to the console also goes to the log file, so a failed start is visible in both. */
    /** rwx------ (folders) or rw------- (files) where the file system has POSIX permissions; else left alone. */
    static void ownerOnly(Path p) {
        try {
            Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString(
                    Files.isDirectory(p) ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Windows, or a file system without POSIX permissions: the folder's ACLs apply
        }
    }

    private static void teeConsole(Path logFile) throws IOException {
        OutputStream file = Files.newOutputStream(logFile, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.setOut(new PrintStream(new Tee(System.out, file), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(System.err, file), true, StandardCharsets.UTF_8));
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public synchronized void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
