package org.renkou.core.internal.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;

/**
 * Versioned schema migrations: numbered SQL scripts ({@code V1__what.sql}, {@code V2__...}) applied once each, in
 * order, and recorded in {@code RENKOU_SCHEMA_VERSION}, so an upgrade changes the schema of a running office without
 * losing its data. Each script runs in its own transaction: a failing script leaves the schema at the last good
 * version. Scripts are plain SQL separated by {@code ;} at line ends.
 *
 * <p>One history for every database: {@code db/<component>/V<n>__*.sql} is written in the SQL Derby and PostgreSQL
 * share; where they differ, {@code db/<component>/<dialect>/V<n>__*.sql} ({@code derby}, {@code postgresql}; see
 * {@link Dialect}) replaces the common script of the same version on that database, and a version found only in a
 * dialect folder runs only there (e.g. PostgreSQL's boolean columns). The dialect is the connection's own
 * ({@link DatabaseMetaData#getDatabaseProductName()}), so nothing needs configuring.
 */
public final class SchemaMigrations {
    private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
    private static final String HISTORY = "RENKOU_SCHEMA_VERSION";
    /** PostgreSQL advisory lock key held while migrating ("RKMG"). */
    static final long MIGRATION_LOCK = 0x524b4d47L;

    private final String component;
    private final List<Script> scripts;

    /**
     * A migration script: its version, description, SQL text and the dialect it is written for (null: every one).
     */
    public record Script(int version, String description, String sql, Dialect dialect) {
        public Script(int version, String description, String sql) {
            this(version, description, sql, null);
        }
    }

    /**
     * @param component whose schema this is (one history per data-owning bundle)
     * @param scripts the complete list, in any order; versions must be unique
     */
    public SchemaMigrations(String component, List<Script> scripts) {
        this.component = component;
        this.scripts = new ArrayList<>(scripts);
        this.scripts.sort((a, b) -> Integer.compare(a.version(), b.version()));
        Set<String> seen = new HashSet<>();
        for (Script s : this.scripts) {
            if (!seen.add(s.version() + "/" + s.dialect())) {
                throw new IllegalArgumentException("Two migrations with version " + s.version()
                        + (s.dialect() == null ? "" : " for " + s.dialect().id()));
            }
        }
    }

    /** How many scripts there are for every database (the common ones). */
    public int size() {
        return (int) scripts.stream().filter(s -> s.dialect() == null).count();
    }

    /**
     * The scripts that run on {@code dialect}, in version order: its own, and the common ones of versions it has no
     * own script for.
     */
    public List<Script> scriptsFor(Dialect dialect) {
        Set<Integer> own = new HashSet<>();
        scripts.stream().filter(s -> s.dialect() == dialect).forEach(s -> own.add(s.version()));
        return scripts.stream().filter(s -> s.dialect() == dialect || s.dialect() == null && !own.contains(s.version()))
                .toList();
    }

    /** The dialect of the database behind {@code c}, from its product name. */
    public static Dialect dialectOf(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        if (product.contains("Derby")) {
            return Dialect.DERBY;
        }
        return product.contains("PostgreSQL") ? Dialect.POSTGRESQL : Dialect.OTHER;
    }

    /** Loads scripts {@code <folder>/V<n>__<name>.sql} for the given file names through {@code loader}. */
    public static Script load(ClassLoader loader, String folder, String fileName) throws IOException {
        Matcher m = SCRIPT_NAME.matcher(fileName);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a migration script name: " + fileName);
        }
        try (InputStream in = loader.getResourceAsStream(folder + "/" + fileName)) {
            if (in == null) {
                throw new IOException("Missing migration script " + folder + "/" + fileName);
            }
            return new Script(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /**
     * The {@code folder/V<n>__<name>.sql} scripts of {@code owner}, read through the bundle (not a class loader), in
     * version order: the core's own ({@code db/core}) and each module's ({@code db/<id>}).
     *
     * @throws IllegalArgumentException for a file in the folder that is not named as a migration script
     * @throws IllegalStateException    when a script cannot be read
     */
    public static List<Script> inBundle(Bundle owner, String folder) {
        List<Script> scripts = new ArrayList<>(inBundle(owner, folder, null));
        for (Dialect d : Dialect.values()) {
            scripts.addAll(inBundle(owner, folder + "/" + d.id(), d));
        }
        scripts.sort((a, b) -> Integer.compare(a.version(), b.version()));
        return scripts;
    }

    private static List<Script> inBundle(Bundle owner, String folder, Dialect dialect) {
        List<Script> scripts = new ArrayList<>();
        // getEntryPaths, not findEntries: findEntries resolves an installed bundle, and a resolve from here (the
        // module list, the health page) racing the framework's start-level thread made its start of that bundle fail
        Enumeration<String> paths = owner.getEntryPaths(folder);
        for (String path : paths == null ? Collections.<String>emptyList() : Collections.list(paths)) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (path.endsWith("/") || !name.startsWith("V") || !name.endsWith(".sql")) {
                continue;
            }
            URL url = owner.getEntry(path);
            Matcher m = SCRIPT_NAME.matcher(name);
            if (url == null) {
                continue;
            }
            if (!m.matches()) {
                throw new IllegalArgumentException("Not a migration script name: " + path);
            }
            try (InputStream in = url.openStream()) {
                scripts.add(new Script(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), dialect));
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + path + " of " + owner.getSymbolicName(), e);
            }
        }
        return scripts;
    }

    /**
     * The scripts of a folder on disk (a build's {@code target/classes/db/core}) and of its dialect sub-folders, for
     * tools and tests outside OSGi.
     */
    public static List<Script> inFolder(Path folder) throws IOException {
        List<Script> scripts = new ArrayList<>();
        for (Dialect d : new Dialect[] {null, Dialect.DERBY, Dialect.POSTGRESQL}) {
            Path dir = d == null ? folder : folder.resolve(d.id());
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Matcher m = SCRIPT_NAME.matcher(f.getFileName().toString());
                    if (!m.matches()) {
                        throw new IllegalArgumentException("Not a migration script name: " + f);
                    }
                    scripts.add(new Script(Integer.parseInt(m.group(1)), m.group(2).replace('_', ' '),
                            Files.readString(f, StandardCharsets.UTF_8), d));
                }
            }
        }
        return scripts;
    }

    /**
     * Applies the scripts not yet applied. The connection must not be in auto-commit mode for the caller's sake;
     * this method commits after each script.
     *
     * @return the versions applied now (empty when the schema was current)
     */
    public List<Integer> migrate(Connection c) throws SQLException {
        Dialect dialect = dialectOf(c);
        if (dialect != Dialect.POSTGRESQL) {
            return migrate(c, dialect); // embedded Derby: one node, one JVM
        }
        // several nodes may start at once on one PostgreSQL database: one migrates, the others wait and find it done
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_advisory_lock(" + MIGRATION_LOCK + ")");
        }
        try {
            return migrate(c, dialect);
        } catch (SQLException | RuntimeException e) {
            c.rollback(); // a failed script aborted the transaction: end it so that the lock can be given back
            throw e;
        } finally {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_unlock(" + MIGRATION_LOCK + ")");
            }
        }
    }

    private List<Integer> migrate(Connection c, Dialect dialect) throws SQLException {
        ensureHistoryTable(c);
        Set<Integer> applied = appliedVersions(c);
        List<Integer> now = new ArrayList<>();
        for (Script s : scriptsFor(dialect)) {
            if (applied.contains(s.version())) {
                continue;
            }
            try (Statement st = c.createStatement()) {
                for (String sql : statements(s.sql())) {
                    st.execute(sql);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO " + HISTORY + " (COMPONENT, VERSION, DESCRIPTION, APPLIED_AT) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, component);
                ps.setInt(2, s.version());
                ps.setString(3, s.description());
                ps.setTimestamp(4, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
            now.add(s.version());
        }
        return now;
    }

    private static void ensureHistoryTable(Connection c) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        // PostgreSQL keeps unquoted names in lower case, Derby in upper case
        String name = md.storesLowerCaseIdentifiers() ? HISTORY.toLowerCase(Locale.ROOT) : HISTORY;
        try (ResultSet rs = md.getTables(null, null, name, new String[] {"TABLE"})) {
            if (rs.next()) {
                return;
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE " + HISTORY + " (COMPONENT VARCHAR(64) NOT NULL, VERSION INT NOT NULL, "
                    + "DESCRIPTION VARCHAR(200) NOT NULL, APPLIED_AT TIMESTAMP NOT NULL, "
                    + "PRIMARY KEY (COMPONENT, VERSION))");
        }
        c.commit();
    }

    private Set<Integer> appliedVersions(Connection c) throws SQLException {
        Set<Integer> versions = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT VERSION FROM " + HISTORY + " WHERE COMPONENT = ?")) {
            ps.setString(1, component);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getInt(1));
                }
            }
        }
        return versions;
    }

    /**
     * Splits a script at semicolons that end a line, except inside a {@code $$}-quoted body (a PostgreSQL function's);
     * drops {@code --} comment lines.
     */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inBody = false;
        for (String line : script.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            if ((t.split("\\$\\$", -1).length - 1) % 2 == 1) {
                inBody = !inBody;
            }
            if (t.endsWith(";") && !inBody) {
                current.append(t, 0, t.length() - 1);
                out.add(current.toString().strip());
                current.setLength(0);
            } else {
                current.append(t).append('\n');
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }
}
