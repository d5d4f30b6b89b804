package org.renkou.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Versioned schema migrations: numbered SQL scripts ({@code V1__what.sql}, {@code V2__...}) applied once each, in
 * order, and recorded in {@code RENKOU_SCHEMA_VERSION}, so an upgrade changes the schema of a running office without
 * losing its data. Each script runs in its own transaction: a failing script leaves the schema at the last good
 * version. Scripts are plain SQL separated by {@code ;} at line ends.
 */
public final class SchemaMigrations {
    private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__([A-Za-z0-9_]+)\\.sql");
    private static final String HISTORY = "RENKOU_SCHEMA_VERSION";

    private final String component;
    private final List<Script> scripts;

    /** A migration script: its version, description and SQL text. */
    public record Script(int version, String description, String sql) {
    }

    /**
     * @param component whose schema this is (one history per data-owning bundle)
     * @param scripts the complete list, in any order; versions must be unique
     */
    public SchemaMigrations(String component, List<Script> scripts) {
        this.component = component;
        this.scripts = new ArrayList<>(scripts);
        this.scripts.sort((a, b) -> Integer.compare(a.version(), b.version()));
        for (int i = 1; i < this.scripts.size(); i++) {
            if (this.scripts.get(i).version() == this.scripts.get(i - 1).version()) {
                throw new IllegalArgumentException("Two migrations with version " + this.scripts.get(i).version());
            }
        }
    }

    /** How many scripts there are (the schema version they lead to). */
    public int size() {
        return scripts.size();
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
     * Applies the scripts not yet applied. The connection must not be in auto-commit mode for the caller's sake;
     * this method commits after each script.
     *
     * @return the versions applied now (empty when the schema was current)
     */
    public List<Integer> migrate(Connection c) throws SQLException {
        ensureHistoryTable(c);
        Set<Integer> applied = appliedVersions(c);
        List<Integer> now = new ArrayList<>();
        for (Script s : scripts) {
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
        try (ResultSet rs = md.getTables(null, null, HISTORY, new String[] {"TABLE"})) {
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

    /** Splits a script at semicolons that end a line; drops {@code --} comment lines. */
    static List<String> statements(String script) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\\R")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("--")) {
                continue;
            }
            if (t.endsWith(";")) {
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
