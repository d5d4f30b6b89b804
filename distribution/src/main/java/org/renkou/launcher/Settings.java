package org.renkou.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where and how Renkou runs, read once from the environment ({@code RENKOU_*}) or the matching system properties
 * ({@code renkou.*}), which win. Bad values stop the start with a sentence saying what to fix.
 *
 * @param distribution the unpacked distribution (bin/, lib/, features/, system/)
 * @param home data, logs, deploy/ and the framework cache
 * @param files the shared folder ({@code RENKOU_FILES}, default {@code home/files}): backups and the files modules
 *        keep; every node of a cluster mounts the same one
 * @param database framework properties {@code renkou.db.*} for the database, from {@code RENKOU_DB},
 *        {@code RENKOU_DB_USER}, {@code RENKOU_DB_PASSWORD_FILE} (empty: the embedded Derby database under data),
 *        and a hot standby for the report reads from {@code RENKOU_DB_REPLICA}
 * @param sampleData what a new database gets ({@code RENKOU_SAMPLE_DATA}): {@code living} (default),
 *        {@code jurisdictions} or {@code false}
 * @param trustedProxies the reverse proxies whose {@code X-Forwarded-For} names the client
 *        ({@code RENKOU_TRUSTED_PROXIES}: addresses and CIDR blocks), null for none; the core checks the entries
 */
public record Settings(Path distribution, Path home, Path data, Path files, int port, String host, String sampleData,
        boolean shell, Map<String, String> database, String trustedProxies) {
    /** Framework property read by the core's client address resolver (PID org.renkou.http). */
    public static final String TRUSTED_PROXIES = "renkou.trustedProxies";

    /** Environment variable → framework property read by the core's database configuration (PID org.renkou.db). */
    private static final Map<String, String> DATABASE = Map.of("RENKOU_DB", "renkou.db.url",
            "RENKOU_DB_USER", "renkou.db.user", "RENKOU_DB_PASSWORD_FILE", "renkou.db.password.file",
            "RENKOU_DB_POOL_SIZE", "renkou.db.pool.size", "RENKOU_DB_REPLICA", "renkou.db.replica.url",
            "RENKOU_DB_REPLICA_MAX_LAG", "renkou.db.replica.max.lag.seconds");

    private static final java.util.Set<String> SAMPLE_DATA = java.util.Set.of("living", "jurisdictions", "false", "true");

    /** A setting that cannot be used; the message is for the person starting Renkou. */
    public static final class InvalidSetting extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidSetting(String message) {
            super(message);
        }
    }

    public static Settings from(Path distribution, Map<String, String> env, Map<String, String> sys) {
        Path home = path(value("RENKOU_HOME", "renkou.home", env, sys), distribution);
        Path data = path(value("RENKOU_DATA", "renkou.data", env, sys), home.resolve("data"));
        Path files = path(value("RENKOU_FILES", "renkou.files", env, sys), home.resolve("files"));
        String portText = value("RENKOU_PORT", "renkou.port", env, sys);
        int port = 8080;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText.strip());
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw new InvalidSetting("RENKOU_PORT=" + portText + " 不是有效端口 / is not a port number (1-65535).");
            }
        }
        String host = value("RENKOU_HOST", "renkou.host", env, sys);
        Map<String, String> database = new TreeMap<>();
        DATABASE.forEach((envName, propName) -> {
            String v = value(envName, propName, env, sys);
            if (v != null) {
                database.put(propName, v.strip());
            }
        });
        String trustedProxies = value("RENKOU_TRUSTED_PROXIES", TRUSTED_PROXIES, env, sys);
        String sample = value("RENKOU_SAMPLE_DATA", "renkou.sampleData", env, sys);
        sample = sample == null ? "living" : sample.strip().toLowerCase(java.util.Locale.ROOT);
        if (!SAMPLE_DATA.contains(sample)) {
            throw new InvalidSetting("RENKOU_SAMPLE_DATA=" + sample + " 应为 living、jurisdictions 或 false / must be "
                    + "living (sample residents too), jurisdictions (the sample tree only) or false (nothing).");
        }
        return new Settings(distribution, home, data, files, port, host == null ? "127.0.0.1" : host.strip(),
                "true".equals(sample) ? "living" : sample,
                !"false".equalsIgnoreCase(value("RENKOU_SHELL", "renkou.shell", env, sys)), Map.copyOf(database),
                trustedProxies == null ? null : trustedProxies.strip());
    }

    private static String value(String envName, String propName, Map<String, String> env, Map<String, String> sys) {
        String v = sys.get(propName);
        if (v == null || v.isBlank()) {
            v = env.get(envName);
        }
        return v == null || v.isBlank() ? null : v;
    }

    private static Path path(String value, Path fallback) {
        return (value == null ? fallback : Path.of(value)).toAbsolutePath().normalize();
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path deploy() {
        return home.resolve("deploy");
    }

    public Path cache() {
        return home.resolve("cache");
    }

    /** Values for {@code ${renkou.*}} placeholders in feature properties. */
    public Map<String, String> placeholders() {
        return Map.of("renkou.home", home.toString(), "renkou.port", Integer.toString(port), "renkou.host", host,
                "renkou.data", data.toString());
    }
}
