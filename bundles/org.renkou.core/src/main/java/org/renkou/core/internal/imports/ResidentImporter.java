package org.renkou.core.internal.imports;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.postgresql.PGStatement;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.household.Relation;
import org.renkou.core.api.imports.ImportService;
import org.renkou.core.api.imports.ImportState;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.Dialect;
import org.renkou.core.internal.db.SchemaMigrations;
import org.renkou.core.internal.jurisdiction.JurisdictionEntity;
import org.renkou.core.internal.resident.ResidentCounts;
import org.renkou.core.internal.resident.NameKeys;
import org.renkou.core.internal.resident.ResidentRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one import job: reads the file, checks each row with {@link ResidentRules}, and writes the good rows in
 * batches with JDBC batch inserts on the entity manager's own connection (on PostgreSQL with {@code COPY}, see
 * {@link ResidentCopy}). Each batch is one transaction holding
 * its residents, its rejected rows, the job's counters and one IMPORT audit entry: a crash loses at most the batch
 * in flight, never part of one.
 */
final class ResidentImporter {
    static final String TYPE = "import";
    static final String INSERT_RESIDENT = "INSERT INTO RESIDENT (ID_NUMBER, NAME, SEX, BIRTH_DATE, RESIDENCE_CODE, "
            + "REGISTRATION_CODE, STATUS, MARITAL_STATUS, PHONE, ADDRESS, HOUSEHOLD_ID, RELATION, IMPORT_JOB, VERSION, "
            + "CREATED_AT, UPDATED_AT, HUKOU_NATURE, NAME_KEY) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?)";
    private static final int IN_LIST = 100;
    private static final String EXISTING = "SELECT ID_NUMBER FROM RESIDENT WHERE ID_NUMBER IN ("
            + "?, ".repeat(IN_LIST - 1) + "?)";
    private static final String HOUSEHOLDS = "SELECT h.HH_NUMBER, h.ID, h.RESIDENCE_CODE, (SELECT COUNT(*) FROM "
            + "RESIDENT r WHERE r.HOUSEHOLD_ID = h.ID AND r.RELATION = 'HEAD') FROM HOUSEHOLD h WHERE h.HH_NUMBER IN ("
            + "?, ".repeat(IN_LIST - 1) + "?)";
    /**
     * PostgreSQL: the same lookups with one array parameter, one round trip per batch instead of one per 100 keys,
     * in the unpartitioned key tables (a household then read from its prefecture's partition only).
     */
    private static final String EXISTING_ANY = "SELECT ID_NUMBER FROM RESIDENT_KEY WHERE ID_NUMBER = ANY(?)";
    private static final String HOUSEHOLD_NUMBERS_ANY = "SELECT HH_NUMBER FROM HOUSEHOLD_KEY WHERE HH_NUMBER = ANY(?)";
    private static final String HOUSEHOLDS_ANY = "SELECT k.HH_NUMBER, k.ID, h.RESIDENCE_CODE, (SELECT COUNT(*) FROM "
            + "RESIDENT r WHERE r.HOUSEHOLD_ID = k.ID AND r.RELATION = 'HEAD') FROM HOUSEHOLD_KEY k JOIN HOUSEHOLD h "
            + "ON h.ID = k.ID AND SUBSTR(h.RESIDENCE_CODE, 1, 4) = k.PREFECTURE WHERE k.HH_NUMBER = ANY(?)";
    private static final String NEW_HOUSEHOLDS_PG = "INSERT INTO HOUSEHOLD (HH_NUMBER, RESIDENCE_CODE, ADDRESS, "
            + "VERSION, CREATED_AT, UPDATED_AT) SELECT n, r, a, 1, ?, ? FROM UNNEST(?::varchar[], ?::varchar[], "
            + "?::varchar[]) AS t(n, r, a) RETURNING HH_NUMBER, ID, RESIDENCE_CODE";
    private static final long LOG_EVERY_NANOS = 5_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ResidentImporter.class);

    private final Database db;
    private final Caller caller;
    private final String jobId;
    private final CsvFile file;
    private final BooleanSupplier stopping;
    private final Map<String, Boolean> places = new HashMap<>();
    private long processed;
    private long imported;
    private long skipped;
    private long errors;
    private Boolean copy;

    /** A household met in the file: its key and whether it has a head yet. */
    private static final class Household {
        final long id;
        final String residenceCode;
        boolean hasHead;

        Household(long id, String residenceCode, boolean hasHead) {
            this.id = id;
            this.residenceCode = residenceCode;
            this.hasHead = hasHead;
        }
    }

    /** What one batch brings: rows to write and rows rejected, in file order. */
    private static final class Batch {
        final List<Good> rows = new ArrayList<>();
        final List<RowError> errors = new ArrayList<>();
        /** The rows whose 15-digit ID number was converted: line, old, new. */
        final List<String[]> conversions = new ArrayList<>();
        long firstLine = -1;
        long lastLine;

        int size() {
            return rows.size() + errors.size();
        }
    }

    /** A row that passed the checks that need no database. */
    private record Good(ImportColumns.Row row, ResidentRules.Checked checked) {
    }

    private record RowError(long line, String field, String zh, String en) {
        static RowError of(long line, RenkouException e) {
            return new RowError(line, e.field(), e.messageZh(), e.messageEn());
        }
    }

    /** Told after each committed batch (the metrics count rows as they commit). */
    @FunctionalInterface
    interface Committed {
        void batch(long rows, long imported);
    }

    private final Committed committed;

    ResidentImporter(Database db, Caller caller, String jobId, CsvFile file, BooleanSupplier stopping,
            Committed committed) {
        this.committed = committed;
        this.db = db;
        this.caller = caller;
        this.jobId = jobId;
        this.file = file;
        this.stopping = stopping;
    }

    /** Reads the header; INVALID when it is missing or wrong. */
    static ImportColumns header(CsvFile file) throws IOException {
        try (CsvReader r = new CsvReader(file.reader())) {
            List<String> header = r.next();
            if (header == null) {
                throw RenkouException.invalid("header", "文件为空。", "The file is empty.");
            }
            return ImportColumns.of(header);
        }
    }

    /** Imports the whole file; returns normally when every row was settled or the job was told to stop. */
    void run() throws IOException {
        long start = System.nanoTime();
        long lastLog = start;
        try (CsvReader r = new CsvReader(file.reader())) {
            ImportColumns columns = ImportColumns.of(r.next());
            Batch batch = new Batch();
            List<String> fields;
            while ((fields = r.next()) != null) {
                long line = r.line();
                if (batch.firstLine < 0) {
                    batch.firstLine = line;
                }
                batch.lastLine = line;
                try {
                    ImportColumns.Row row = columns.parse(line, fields);
                    ResidentRules.Checked c = ResidentRules.check(row.resident());
                    ResidentRules.checkPlace(caller, c.residenceCode(), placeExists(c.residenceCode()));
                    batch.rows.add(new Good(row, c));
                    if (row.oldIdNumber() != null) {
                        batch.conversions.add(new String[] {Long.toString(line), row.oldIdNumber(), c.id().number()});
                    }
                } catch (RenkouException e) {
                    batch.errors.add(RowError.of(line, e));
                }
                if (batch.size() == ImportService.BATCH_SIZE) {
                    if (stopping.getAsBoolean()) {
                        return;
                    }
                    write(batch);
                    batch = new Batch();
                    if (System.nanoTime() - lastLog > LOG_EVERY_NANOS) {
                        lastLog = System.nanoTime();
                        LOG.info("Import {}: {} of {} rows ({}%), {} rows/s", jobId, processed, file.rows(),
                                file.rows() == 0 ? 100 : processed * 100 / file.rows(),
                                (long) (processed / ((lastLog - start) / 1e9)));
                    }
                }
            }
            if (batch.size() > 0 && !stopping.getAsBoolean()) {
                write(batch);
            }
        }
    }

    long processed() {
        return processed;
    }

    private boolean placeExists(String code) {
        return places.computeIfAbsent(code, c -> db.read(em -> em.find(JurisdictionEntity.class, c) != null));
    }

    /** One transaction: the batch's residents, its errors, the job's counters and the audit entry. */
    private void write(Batch batch) {
        long[] counts = db.tx(em -> {
            try {
                return write(em.unwrap(Connection.class), batch, em);
            } catch (SQLException e) {
                throw new IllegalStateException("import batch failed: " + e.getMessage(), e);
            }
        });
        ResidentCounts.changed(); // JDBC batches pass the entity listener by
        imported += counts[0];
        skipped += counts[1];
        errors += counts[2];
        processed += batch.size();
        committed.batch(batch.size(), counts[0]);
    }

    private long[] write(Connection c, Batch batch, javax.persistence.EntityManager em) throws SQLException {
        if (copy(c)) { // the lookups are key probes: else the planner reads the whole table for a thousand keys
            seqScan(c, false); // until it holds about a million rows, or while it was not analysed yet
        }
        Set<String> existing = existing(c, batch.rows, copy(c));
        List<Good> fresh = new ArrayList<>();
        List<RowError> rejected = new ArrayList<>(batch.errors);
        long skippedNow = 0;
        for (Good good : batch.rows) {
            if (existing.add(good.checked().id().number())) {
                fresh.add(good);
            } else { // registered already, or earlier in the file: the first one wins
                skippedNow++;
            }
        }
        Map<Good, Long> householdOf = new HashMap<>();
        if (fresh.stream().anyMatch(g -> g.row().householdNumber() != null)) {
            Map<String, Household> households = households(c, fresh, copy(c));
            for (var it = fresh.iterator(); it.hasNext();) {
                Good good = it.next();
                if (good.row().householdNumber() != null) {
                    try {
                        householdOf.put(good, join(households.get(good.row().householdNumber()), good.row()));
                    } catch (RenkouException e) {
                        rejected.add(RowError.of(good.row().line(), e));
                        it.remove();
                    }
                }
            }
        }
        if (copy(c)) {
            seqScan(c, true);
        }
        long before = maxResidentId(c);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        if (copy(c)) { // PostgreSQL: one COPY per batch, several times faster than a JDBC batch of INSERTs
            ResidentCopy rows = new ResidentCopy();
            for (Good good : fresh) {
                rows.add(good.checked(), householdOf.get(good), good.row().relation(), jobId, now.toLocalDateTime(),
                        hukouNature(good));
            }
            rows.copyInto(c);
        } else {
            try (PreparedStatement ps = c.prepareStatement(INSERT_RESIDENT)) {
                for (Good good : fresh) {
                    bind(ps, good.checked(), householdOf.get(good), good.row().relation(), jobId, now);
                    setOrNull(ps, 16, hukouNature(good));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        long[] ids = idRange(c, before);
        writeErrors(c, rejected);
        writeConversions(c, batch.conversions);
        long doneImported = imported + fresh.size();
        long doneSkipped = skipped + skippedNow;
        long doneErrors = errors + rejected.size();
        try (PreparedStatement ps = c.prepareStatement("UPDATE IMPORT_JOB SET PROCESSED_ROWS = ?, IMPORTED_ROWS = ?, "
                + "SKIPPED_EXISTING = ?, ERROR_ROWS = ?, CONVERTED_IDS = CONVERTED_IDS + ? WHERE ID = ?")) {
            ps.setLong(1, processed + batch.size());
            ps.setLong(2, doneImported);
            ps.setLong(3, doneSkipped);
            ps.setLong(4, doneErrors);
            ps.setLong(5, batch.conversions.size());
            ps.setString(6, jobId);
            ps.executeUpdate();
        }
        AuditLog.write(em, caller, AuditAction.IMPORT, TYPE, jobId, commonCode(fresh),
                "{\"lines\":[" + batch.firstLine + "," + batch.lastLine + "],\"residentIds\":["
                        + (ids == null ? "" : ids[0] + "," + ids[1]) + "],\"imported\":" + fresh.size()
                        + ",\"skippedExisting\":" + skippedNow + ",\"errors\":" + rejected.size() + "}", null);
        return new long[] {fresh.size(), skippedNow, rejected.size()};
    }

    /** Whether new residents go in with COPY: on PostgreSQL, asked once per job. */
    private boolean copy(Connection c) throws SQLException {
        if (copy == null) {
            copy = SchemaMigrations.dialectOf(c) == Dialect.POSTGRESQL;
        }
        return copy;
    }

    private static String hukouNature(Good good) {
        return good.row().resident().hukouNature == null ? null : good.row().resident().hukouNature.name();
    }

    /** Records the batch's 15-digit conversions for the job report (the first ones are shown, like errors). */
    private void writeConversions(Connection c, List<String[]> conversions) throws SQLException {
        if (conversions.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO IMPORT_CONVERSION (JOB_ID, LINE_NO, FROM_ID, TO_ID) VALUES (?, ?, ?, ?)")) {
            for (String[] conv : conversions) {
                ps.setString(1, jobId);
                ps.setLong(2, Long.parseLong(conv[0]));
                ps.setString(3, conv[1]);
                ps.setString(4, conv[2]);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Binds one resident row to {@link #INSERT_RESIDENT} (shared with the JDBC baseline of the benchmark). */
    static void bind(PreparedStatement ps, ResidentRules.Checked r, Long household, Relation relation, String job,
            Timestamp now) throws SQLException {
        ps.setString(1, r.id().number());
        ps.setString(2, r.name());
        ps.setString(3, r.id().sex().name());
        ps.setDate(4, Date.valueOf(r.id().birthDate()));
        ps.setString(5, r.residenceCode());
        ps.setString(6, r.registrationCode());
        ps.setString(7, r.status().name());
        setOrNull(ps, 8, r.marital() == null ? null : r.marital().name());
        setOrNull(ps, 9, r.phone());
        setOrNull(ps, 10, r.address());
        if (household == null) {
            ps.setNull(11, Types.BIGINT);
        } else {
            ps.setLong(11, household);
        }
        setOrNull(ps, 12, relation == null ? null : relation.name());
        setOrNull(ps, 13, job);
        ps.setTimestamp(14, now);
        ps.setTimestamp(15, now);
        ps.setNull(16, Types.VARCHAR); // 户口性质: the importer sets it after binding when the file has it
        ps.setString(17, NameKeys.of(r.name()));
    }

    private static void setOrNull(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.VARCHAR);
        } else {
            ps.setString(i, v);
        }
    }

    /** The ID numbers of {@code rows} that are registered already. */
    private static Set<String> existing(Connection c, List<Good> rows, boolean pg) throws SQLException {
        Set<String> found = new HashSet<>();
        List<String> numbers = rows.stream().map(g -> g.checked().id().number()).toList();
        RowHandler each = rs -> found.add(rs.getString(1));
        if (pg) {
            byArray(c, EXISTING_ANY, numbers, each);
        } else {
            inChunks(c, EXISTING, numbers, each);
        }
        return found;
    }

    /** The households the rows name: those that exist, and new ones created in this batch's transaction. */
    private static Map<String, Household> households(Connection c, List<Good> rows, boolean pg) throws SQLException {
        Map<String, Good> first = new LinkedHashMap<>();
        for (Good g : rows) {
            if (g.row().householdNumber() != null) {
                first.putIfAbsent(g.row().householdNumber(), g);
            }
        }
        List<String> numbers = new ArrayList<>(first.keySet());
        Map<String, Household> found = findHouseholds(c, numbers, pg);
        List<String> missing = numbers.stream().filter(n -> !found.containsKey(n)).toList();
        if (!missing.isEmpty() && pg) { // one INSERT … RETURNING for all new households, no lookup afterwards
            insertHouseholds(c, missing, first, found);
        } else if (!missing.isEmpty()) {
            Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO HOUSEHOLD (HH_NUMBER, RESIDENCE_CODE, ADDRESS, "
                    + "VERSION, CREATED_AT, UPDATED_AT) VALUES (?, ?, ?, 1, ?, ?)")) {
                for (String number : missing) { // a new household lives where its first member in the file lives
                    ResidentRules.Checked r = first.get(number).checked();
                    ps.setString(1, number);
                    ps.setString(2, r.residenceCode());
                    setOrNull(ps, 3, r.address());
                    ps.setTimestamp(4, now);
                    ps.setTimestamp(5, now);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            found.putAll(findHouseholds(c, missing, false));
        }
        return found;
    }

    /** PostgreSQL: creates the {@code missing} households in one statement, adds them (headless) to {@code found}. */
    private static void insertHouseholds(Connection c, List<String> missing, Map<String, Good> first,
            Map<String, Household> found) throws SQLException {
        String[] codes = new String[missing.size()];
        String[] addresses = new String[missing.size()];
        for (int i = 0; i < codes.length; i++) { // a new household lives where its first member in the file lives
            ResidentRules.Checked r = first.get(missing.get(i)).checked();
            codes[i] = r.residenceCode();
            addresses[i] = r.address();
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        try (PreparedStatement ps = c.prepareStatement(NEW_HOUSEHOLDS_PG)) {
            ps.setTimestamp(1, now);
            ps.setTimestamp(2, now);
            ps.setArray(3, c.createArrayOf("varchar", missing.toArray()));
            ps.setArray(4, c.createArrayOf("varchar", codes));
            ps.setArray(5, c.createArrayOf("varchar", addresses));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new Household(rs.getLong(2), rs.getString(3), false));
                }
            }
        }
    }

    private static Map<String, Household> findHouseholds(Connection c, List<String> numbers, boolean pg)
            throws SQLException {
        Map<String, Household> found = new HashMap<>();
        RowHandler each = rs -> found.put(rs.getString(1),
                new Household(rs.getLong(2), rs.getString(3), rs.getLong(4) > 0));
        if (pg) { // the registered ones first, by the key table alone: most batches name new households only
            List<String> registered = new ArrayList<>();
            byArray(c, HOUSEHOLD_NUMBERS_ANY, numbers, rs -> registered.add(rs.getString(1)));
            byArray(c, HOUSEHOLDS_ANY, registered, each);
        } else {
            inChunks(c, HOUSEHOLDS, numbers, each);
        }
        return found;
    }

    /** Runs {@code sql}, whose one parameter is an array, once with all of {@code keys} (PostgreSQL). */
    private static void byArray(Connection c, String sql, List<String> keys, RowHandler each) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            // planned afresh for each batch: a generic plan costed while RESIDENT was empty would scan it for every
            // lookup of the job (not plan_cache_mode for the transaction: that re-planned the foreign-key checks
            // of every copied row)
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
            ps.setArray(1, c.createArrayOf("varchar", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.accept(rs);
                }
            }
        }
    }

    private static void seqScan(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL enable_seqscan = " + (on ? "on" : "off"));
        }
    }

    /** Runs {@code sql}, whose one parameter list is {@value #IN_LIST} long, for every chunk of {@code keys}. */
    private static void inChunks(Connection c, String sql, List<String> keys, RowHandler each) throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int from = 0; from < keys.size(); from += IN_LIST) {
                for (int i = 0; i < IN_LIST; i++) { // a fixed-size list keeps one compiled statement; pad with the last
                    ps.setString(i + 1, keys.get(Math.min(from + i, keys.size() - 1)));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(rs);
                    }
                }
            }
        }
    }

    private interface RowHandler {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Puts a row into its household: within the caller's reach, and one head only. */
    private long join(Household h, ImportColumns.Row row) {
        if (!caller.covers(h.residenceCode)) {
            throw RenkouException.invalid("householdNumber", "户 " + row.householdNumber() + " 不在您的辖区内。",
                    "Household " + row.householdNumber() + " lies outside your jurisdiction.");
        }
        if (row.relation() == Relation.HEAD) {
            if (h.hasHead) {
                throw RenkouException.invalid("relation", "户 " + row.householdNumber() + " 已有户主，一户只能有一位户主。",
                        "Household " + row.householdNumber() + " has a head already; a household has exactly one.");
            }
            h.hasHead = true;
        }
        return h.id;
    }

    private static long maxResidentId(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(ID) FROM RESIDENT")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** First and last resident ID written since {@code before}, or null if none. */
    private static long[] idRange(Connection c, long before) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MIN(ID), MAX(ID) FROM RESIDENT WHERE ID > ?")) {
            ps.setLong(1, before);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getObject(1) != null ? new long[] {rs.getLong(1), rs.getLong(2)} : null;
            }
        }
    }

    /** Keeps the first {@link ImportService#MAX_ERRORS_SHOWN} rejected rows of the job. */
    private void writeErrors(Connection c, List<RowError> rejected) throws SQLException {
        long room = ImportService.MAX_ERRORS_SHOWN - errors;
        if (room <= 0 || rejected.isEmpty()) {
            return;
        }
        rejected.sort((a, b) -> Long.compare(a.line(), b.line()));
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO IMPORT_ERROR (JOB_ID, LINE_NO, FIELD, MESSAGE, MESSAGE_EN) VALUES (?, ?, ?, ?, ?)")) {
            for (RowError e : rejected.subList(0, (int) Math.min(room, rejected.size()))) {
                ps.setString(1, jobId);
                ps.setLong(2, e.line());
                setOrNull(ps, 3, e.field());
                ps.setString(4, cut(e.zh()));
                ps.setString(5, cut(e.en()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String cut(String s) {
        return s.length() <= 500 ? s : s.substring(0, 499) + "…";
    }

    /** The deepest jurisdiction code shared by all rows (for the audit entry's scope), or null. */
    private static String commonCode(List<Good> rows) {
        String prefix = null;
        for (Good r : rows) {
            String code = r.checked().residenceCode();
            if (prefix == null) {
                prefix = code;
            } else {
                int i = 0;
                while (i < prefix.length() && i < code.length() && prefix.charAt(i) == code.charAt(i)) {
                    i++;
                }
                prefix = prefix.substring(0, i);
            }
        }
        if (prefix == null) {
            return null;
        }
        for (int len : new int[] {15, 12, 9, 6}) {
            if (prefix.length() >= len) {
                return prefix.substring(0, len);
            }
        }
        return null;
    }

    /** Marks the job finished in its own transaction. */
    void finish(ImportState state, String message) {
        db.tx(em -> {
            try (PreparedStatement ps = em.unwrap(Connection.class).prepareStatement(
                    "UPDATE IMPORT_JOB SET STATE = ?, FINISHED_AT = ?, MESSAGE = ?"
                    + (state == ImportState.DONE ? ", TOTAL_ROWS = PROCESSED_ROWS" : "") + " WHERE ID = ?")) {
                ps.setString(1, state.name());
                ps.setTimestamp(2, Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC)));
                setOrNull(ps, 3, message == null ? null : cut(message));
                ps.setString(4, jobId);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }
}
