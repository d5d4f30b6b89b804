package org.renkou.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.systemPackages;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.ops4j.pax.exam.Option;
import org.renkou.launcher.FeatureCatalog;
import org.renkou.launcher.FrameworkConfig;
import org.renkou.launcher.Settings;

/**
 * Pax Exam options for the real platform: the bundles of every feature of the built distribution and the same
 * framework properties the launcher uses (both come from the launcher's own classes), on a given home folder and
 * HTTP port.
 */
public final class RenkouOptions {

    private RenkouOptions() {
    }

    public static Path distribution() {
        return Path.of(System.getProperty("renkou.distribution", "../../distribution/target/renkou"))
                .toAbsolutePath().normalize();
    }

    /** A fresh folder under target/it-work. */
    public static Path newHome(String name) {
        try {
            Path work = Path.of(System.getProperty("renkou.itests.work", "target/it-work"));
            Files.createDirectories(work);
            Path home = Files.createTempDirectory(work.toAbsolutePath(), name + "-");
            Files.createDirectories(home.resolve("logs"));
            Files.createDirectories(home.resolve("deploy"));
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The launcher's settings for a test: the sample jurisdiction tree only, the tests count what they create. */
    public static Settings settings(Path home, int port) {
        return settings(home, port, "jurisdictions");
    }

    /** @param sampleData {@code RENKOU_SAMPLE_DATA}: {@code living} for a test about the living sample */
    public static Settings settings(Path home, int port, String sampleData) {
        return Settings.from(distribution(), Map.of("RENKOU_HOME", home.toString(), "RENKOU_PORT",
                Integer.toString(port), "RENKOU_SHELL", "false", "RENKOU_SAMPLE_DATA", sampleData), Map.of());
    }

    private static final Map<Path, String> DATABASES = new java.util.concurrent.ConcurrentHashMap<>();

    /** Whether the Pax Exam tests run on PostgreSQL ({@code -Drenkou.it.db=postgresql}) rather than Derby. */
    static boolean onPostgresql() {
        return "postgresql".equals(System.getProperty(PostgresServer.IT_DATABASE));
    }

    /**
     * With {@code -Drenkou.it.db=postgresql} every Pax Exam test runs on a fresh database of a private PostgreSQL
     * cluster ({@link PostgresServer}) instead of Derby under the home folder (docs/testing.md).
     */
    static List<Option> database(Path home) {
        if (!onPostgresql()) {
            return List.of();
        }
        PostgresServer pg = PostgresServer.shared();
        // one database a home folder: a second framework on the same home (RestartIT) finds the first one's data
        String db = DATABASES.computeIfAbsent(home.toAbsolutePath(), h -> pg.createDatabase("it"));
        return List.of(frameworkProperty("renkou.db.url").value(pg.url(db)),
                frameworkProperty("renkou.db.user").value(PostgresServer.USER),
                frameworkProperty("renkou.db.password.file").value(pg.passwordFile().toString()));
    }

    public static Option[] renkouRuntime(Path home, int port) {
        return renkouRuntime(home, port, "jurisdictions");
    }

    public static Option[] renkouRuntime(Path home, int port, String sampleData) {
        Settings s = settings(home, port, sampleData);
        FeatureCatalog catalog;
        try {
            catalog = FeatureCatalog.read(distribution().resolve("features"));
        } catch (IOException e) {
            throw new UncheckedIOException("Build the distribution first (mvn install)", e);
        }
        List<Option> options = new ArrayList<>();
        FrameworkConfig.properties(s, catalog).forEach((k, v) -> {
            // Pax Exam keeps its own framework cache, and adds its own packages to the system exports
            if (!"org.osgi.framework.storage".equals(k) && !"org.osgi.framework.system.packages.extra".equals(k)) {
                options.add(frameworkProperty(k).value(v));
            }
        });
        options.addAll(database(home));
        // the tests name their staff member in X-Renkou-User; never set in the distribution (see CallerFilter)
        options.add(frameworkProperty("renkou.auth.trustHeader").value("true"));
        options.add(systemPackages(FrameworkConfig.EXTRA_PACKAGES.split(",")));
        FrameworkConfig.systemProperties(s).forEach((k, v) -> options.add(systemProperty(k).value(v)));
        options.add(systemProperty("pax.exam.logging").value("none"));
        for (FeatureCatalog.BundleFile b : catalog.bundles(distribution().resolve("system"))) {
            options.add(bundle(b.file().toUri().toString()).startLevel(b.startLevel()).start());
        }
        options.add(junitBundles());
        options.add(frameworkStartLevel(40));
        options.add(cleanCaches(true));
        return options.toArray(new Option[0]);
    }
}
