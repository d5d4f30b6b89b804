package org.renkou.core.internal.imports;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.renkou.core.api.CitizenId;
import org.renkou.core.api.imports.ImportService;
import org.renkou.core.api.resident.MaritalStatus;
import org.renkou.core.api.resident.ResidenceStatus;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.SchemaMigrations;
import org.renkou.core.internal.resident.ResidentRules;

/**
 * The benchmark's baseline: the rows of an import file written into a fresh Derby database with nothing but JDBC
 * batch inserts — the same schema (the bundle's own migrations), the same INSERT, the same batch size and one
 * commit per batch, without the platform's checks, duplicate lookups, error rows or audit. Run by
 * {@code distribution/bench/import.sh}:
 * {@code java -cp core.jar:core.api.jar:derby.jar org.renkou.core.internal.imports.JdbcImportBaseline
 * <jurisdictions.tsv> <residents.csv> <databaseFolder>}; prints the rows per second. Given a
 * {@code jdbc:postgresql:} URL (with user and password in it) instead of the folder, and pgjdbc on the class path,
 * it measures a bare {@code COPY} of the rows instead (distribution/bench/import-pg.sh).
 */
public final class JdbcImportBaseline {
    private JdbcImportBaseline() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: JdbcImportBaseline <jurisdictions.tsv> <residents.csv> <databaseFolder>");
            System.exit(2);
        }
        if (args[2].startsWith("jdbc:postgresql:")) {
            copyBaseline(Path.of(args[0]), Path.of(args[1]), args[2]);
            return;
        }
        try (Connection c = DriverManager.getConnection("jdbc:derby:" + Path.of(args[2]).toAbsolutePath() + ";create=true")) {
            c.setAutoCommit(false);
            new SchemaMigrations("core", scripts()).migrate(c);
            jurisdictions(c, Path.of(args[0]));
            long start = System.nanoTime();
            long rows = residents(c, Path.of(args[1]));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("plain JDBC: %d rows in %.1f s = %.0f rows/s%n", rows, seconds, rows / seconds);
        }
        try {
            DriverManager.getConnection("jdbc:derby:;shutdown=true");
        } catch (SQLException expected) {
            // Derby reports a clean shutdown as an exception
        }
    }

    /**
     * PostgreSQL's reference (distribution/bench/import-pg.sh): the file's rows turned into COPY's text format
     * beforehand, untimed, then one bare {@code COPY RESIDENT … FROM STDIN} of them all in one transaction.
     */
    private static void copyBaseline(Path tsv, Path csv, String url) throws Exception {
        Path data = Files.createTempFile(csv.toAbsolutePath().getParent(), "copy-", ".txt");
        try (Connection c = DriverManager.getConnection(url)) {
            c.setAutoCommit(false);
            new SchemaMigrations("core", scripts()).migrate(c);
            jurisdictions(c, tsv);
            long rows = 0;
            try (CsvReader r = new CsvReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
                    var out = new java.io.BufferedOutputStream(Files.newOutputStream(data), 1 << 16)) {
                r.next();
                List<String> f;
                ResidentCopy chunk = new ResidentCopy();
                LocalDateTime now = LocalDateTime.now();
                while ((f = r.next()) != null) {
                    chunk.add(row(f, LocalDate.now()), null, null, "baseline", now, null);
                    rows++;
                    if (chunk.rows() == ImportService.BATCH_SIZE) {
                        out.write(chunk.bytes());
                        chunk = new ResidentCopy();
                    }
                }
                out.write(chunk.bytes());
            }
            long start = System.nanoTime();
            try (var in = new java.io.BufferedInputStream(Files.newInputStream(data), 1 << 16)) {
                ResidentCopy.copy(c, in);
            }
            c.commit();
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("bare COPY: %d rows in %.1f s = %.0f rows/s%n", rows, seconds, rows / seconds);
        } finally {
            Files.deleteIfExists(data);
        }
    }

    private static ResidentRules.Checked row(List<String> f, LocalDate today) {
        return new ResidentRules.Checked(CitizenId.parse(f.get(0), "idNumber", today), f.get(1), f.get(2), f.get(3),
                ResidenceStatus.valueOf(f.get(4)), MaritalStatus.valueOf(f.get(5)), f.get(6).isEmpty() ? null : f.get(6),
                f.get(7), null);
    }

    private static void jurisdictions(Connection c, Path tsv) throws IOException, SQLException {
        List<String[]> rows = Files.readAllLines(tsv, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                .map(l -> l.split("\t")).toList();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO JURISDICTION (CODE, NAME, LEVEL_NAME, PARENT_CODE, "
                + "VERSION, CREATED_AT) VALUES (?, ?, ?, ?, 1, ?)")) {
            String county = rows.get(0)[2];
            insert(ps, county, "示例县", "COUNTY", null);
            for (String[] r : rows) {
                insert(ps, r[0], r[3], r[1], r[2]);
            }
        }
        c.commit();
    }

    private static void insert(PreparedStatement ps, String code, String name, String level, String parent)
            throws SQLException {
        ps.setString(1, code);
        ps.setString(2, name);
        ps.setString(3, level);
        ps.setString(4, parent);
        ps.setTimestamp(5, Timestamp.valueOf(LocalDateTime.now()));
        ps.executeUpdate();
    }

    private static long residents(Connection c, Path csv) throws IOException, SQLException {
        long rows = 0;
        LocalDate today = LocalDate.now();
        try (CsvReader r = new CsvReader(Files.newBufferedReader(csv, StandardCharsets.UTF_8));
                PreparedStatement ps = c.prepareStatement(ResidentImporter.INSERT_RESIDENT)) {
            r.next(); // the header, in the generator's column order
            List<String> f;
            int inBatch = 0;
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            while ((f = r.next()) != null) {
                ResidentImporter.bind(ps, row(f, today), null, null, "baseline", now);
                ps.addBatch();
                rows++;
                if (++inBatch == ImportService.BATCH_SIZE) {
                    ps.executeBatch();
                    c.commit();
                    inBatch = 0;
                }
            }
            ps.executeBatch();
            c.commit();
        }
        return rows;
    }

    /** The bundle's migration scripts, from the jar (or classes folder) this class was loaded from. */
    private static List<SchemaMigrations.Script> scripts() throws IOException, URISyntaxException {
        URL url = JdbcImportBaseline.class.getClassLoader().getResource(CoreDatabase.MIGRATIONS);
        List<SchemaMigrations.Script> scripts = new ArrayList<>();
        FileSystem jar = "jar".equals(url.getProtocol()) ? FileSystems.newFileSystem(url.toURI(), Map.of()) : null;
        try {
            scripts.addAll(SchemaMigrations.inFolder(jar != null ? jar.getPath(CoreDatabase.MIGRATIONS) : Path.of(url.toURI())));
        } finally {
            if (jar != null) {
                jar.close();
            }
        }
        return scripts;
    }
}
