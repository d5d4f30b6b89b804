package org.renkou.itests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for one test JVM: {@code initdb} into a temporary folder, started with {@code pg_ctl}
 * on a free loopback port, stopped and deleted at the end. PostgreSQL refuses to run as root, so as root the cluster
 * belongs to the {@code postgres} user (Debian's package creates it) and the commands run through {@code runuser}.
 * Host connections need a password (scram-sha-256): the role {@value #USER} gets {@value #PASSWORD}, written to a
 * password file as Renkou reads it ({@code RENKOU_DB_PASSWORD_FILE}).
 *
 * <p>Without the server binaries ({@code apt-get install postgresql}) {@link #available()} says why; the tests then
 * skip with that message. CI installs them ({@code .ci/run}), so there the tests run.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "renkou";
    public static final String PASSWORD = "renkou-it-Pw1";
    /** System property: {@code postgresql} runs the Pax Exam integration tests on PostgreSQL ({@link RenkouOptions}). */
    public static final String IT_DATABASE = "renkou.it.db";

    private static PostgresServer shared;

    private final Path bin;
    private final Path dir;
    private final int port;
    private final Path passwordFile;
    private int databases;

    private PostgresServer(Path bin, Path dir, int port, Path passwordFile) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.passwordFile = passwordFile;
    }

    /** The folder of {@code initdb} and {@code pg_ctl} (newest version under /usr/lib/postgresql), if installed. */
    public static Optional<Path> binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                Optional<Path> bin = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparing(Path::toString));
                if (bin.isPresent()) {
                    return bin;
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "initdb")) && Files.isExecutable(Path.of(p, "pg_ctl"))) {
                return Optional.of(Path.of(p));
            }
        }
        return Optional.empty();
    }

    /** Null when a server can be started here, else why not (for the skip message). */
    public static String unavailable() {
        if (binaries().isEmpty()) {
            return "PostgreSQL server binaries (initdb, pg_ctl) not found: apt-get install postgresql "
                    + "(.ci/run does so; these tests run in CI)";
        }
        if (isRoot() && !Files.isExecutable(Path.of("/usr/sbin/runuser")) && !Files.isExecutable(Path.of("/sbin/runuser"))) {
            return "running as root without runuser: PostgreSQL cannot be started";
        }
        return null;
    }

    /** One server for this JVM, started on first use and stopped at exit. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "postgres-it-stop"));
        }
        return shared;
    }

    public static PostgresServer start() {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(unavailable()));
        try {
            Path dir = Files.createTempDirectory(Path.of("/tmp"), "renkou-pg-");
            int port = RenkouOptions.freePort();
            Path pwFile = Files.createTempFile("renkou-pg-password-", ".txt");
            Files.writeString(pwFile, PASSWORD + "\n", StandardCharsets.UTF_8);
            Path initPw = dir.resolve("superuser-password");
            Files.writeString(initPw, PASSWORD + "\n", StandardCharsets.UTF_8);
            if (isRoot()) {
                run(List.of("chown", "-R", "postgres", dir.toString()), dir, 30);
            }
            PostgresServer s = new PostgresServer(bin, dir, port, pwFile);
            s.asOwner(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "-E", "UTF8", "--no-locale", "--auth-local=trust", "--auth-host=scram-sha-256",
                    "--pwfile=" + initPw), 120);
            // fsync off: a test cluster, thrown away; the tests measure behaviour, not durability of the disk
            s.asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-w", "-t", "60",
                    "-l", dir.resolve("server.log").toString(), "-o", "-p " + port + " -k " + dir
                            + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                            + " -c full_page_writes=off -c max_connections=200", "start"), 90);
            try (Connection c = s.connect("postgres", "postgres"); Statement st = c.createStatement()) {
                st.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "'");
            }
            return s;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("PostgreSQL test cluster did not start: " + e, e);
        }
    }

    public int port() {
        return port;
    }

    /**
     * A hot standby of this cluster on another free loopback port: {@code pg_basebackup -R} over the local socket (as
     * the owner, trusted there), then started in recovery with {@code hot_standby=on}, streaming from this one. The
     * same roles and passwords, as on a physical replica; {@link #close} stops and deletes it.
     */
    public PostgresServer standby() {
        try {
            Path standbyDir = Files.createTempDirectory(Path.of("/tmp"), "renkou-pg-standby-");
            int standbyPort = RenkouOptions.freePort();
            Path pwFile = Files.createTempFile("renkou-pg-password-", ".txt");
            Files.writeString(pwFile, PASSWORD + "\n", StandardCharsets.UTF_8);
            if (isRoot()) {
                run(List.of("chown", "-R", "postgres", standbyDir.toString()), standbyDir, 30);
            }
            PostgresServer s = new PostgresServer(bin, standbyDir, standbyPort, pwFile);
            s.asOwner(List.of(bin.resolve("pg_basebackup").toString(), "-h", dir.toString(), "-p",
                    Integer.toString(port), "-U", "postgres", "-D", standbyDir.resolve("data").toString(), "-R",
                    "-X", "stream", "-c", "fast"), 120);
            s.asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", standbyDir.resolve("data").toString(), "-w", "-t",
                    "60", "-l", standbyDir.resolve("server.log").toString(), "-o", "-p " + standbyPort + " -k "
                            + standbyDir + " -c listen_addresses=127.0.0.1 -c hot_standby=on -c fsync=off"
                            + " -c max_connections=200", "start"), 90); // a hot standby needs the primary's at least
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL test standby did not start: " + e, e);
        }
    }

    /** The file whose first line is the password of {@value #USER}. */
    public Path passwordFile() {
        return passwordFile;
    }

    /** A new empty database owned by {@value #USER}; its name. */
    public synchronized String createDatabase(String prefix) {
        String name = (prefix + "_" + (++databases) + "_" + ProcessHandle.current().pid()).toLowerCase()
                .replaceAll("[^a-z0-9_]", "_");
        try (Connection c = connect("postgres", "postgres"); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " OWNER " + USER);
        } catch (SQLException e) {
            throw new IllegalStateException("CREATE DATABASE " + name + ": " + e, e);
        }
        return name;
    }

    /** {@code postgresql://127.0.0.1:port/db}: as an operator writes {@code RENKOU_DB}. */
    public String url(String database) {
        return "postgresql://127.0.0.1:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return connect(database, USER);
    }

    private Connection connect(String database, String user) throws SQLException {
        return DriverManager.getConnection("jdbc:" + url(database), user, PASSWORD);
    }

    @Override
    public synchronized void close() {
        try {
            asOwner(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"), 60);
        } catch (IOException | RuntimeException e) {
            // already stopped
        }
        deleteQuietly(dir);
        deleteQuietly(passwordFile);
    }

    private void asOwner(List<String> command, int seconds) throws IOException {
        List<String> c = new ArrayList<>();
        if (isRoot()) {
            c.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        c.addAll(command);
        run(c, dir, seconds);
    }

    private static void run(List<String> command, Path dir, int seconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Path out = Files.createTempFile("renkou-pg-cmd-", ".txt");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command + " did not finish in " + seconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(command + " failed (" + p.exitValue() + "): "
                        + Files.readString(out, StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static void deleteQuietly(Path p) {
        try (Stream<Path> all = Files.walk(p)) {
            all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // temporary files; the OS cleans /tmp
        }
    }
}
