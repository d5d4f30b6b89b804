package org.renkou.core.internal.stats;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.renkou.core.api.stats.AgeBand;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.Dialect;
import org.renkou.core.internal.db.SchemaMigrations;
import org.renkou.core.internal.replica.ReadDatabase;
import org.renkou.core.internal.stats.Snapshot.EventCell;
import org.renkou.core.internal.stats.Snapshot.ResidentCell;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds, stores and loads statistics snapshots with plain JDBC on the unit's own connections; the counting may run
 * on a hot standby ({@link ReadDatabase}), the writing and loading always on the primary.
 *
 * <p>Building reads the source tables once at read committed (Derby's default: a row is share-locked only while it
 * is read, so writers wait at most for one row), counts in memory (on PostgreSQL the database sums the resident
 * cells: ten million rows would not fit the heap), and inserts the cells under a snapshot marked BUILDING, in the
 * transaction that inserts that snapshot — a table readers do not use. Only then one short transaction marks it
 * CURRENT and the previous one OLD; cells of older snapshots are deleted afterwards. A reader therefore always sees
 * one complete snapshot.
 */
public final class SnapshotStore {
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotStore.class);
    private final Database db;
    private final ReadDatabase reads;

    public SnapshotStore(Database db) {
        this(db, ReadDatabase.onPrimary(db));
    }

    /** @param reads where the counting runs: the hot standby when one has caught up, else {@code db} */
    public SnapshotStore(Database db, ReadDatabase reads) {
        this.db = db;
        this.reads = reads;
    }

    /**
     * Whether an audit entry after {@code mark} records a change: reads of sensitive data and refused requests change
     * nothing counted, so a busy office where staff only read keeps its snapshot. A range of the primary key from
     * the mark, stopping at the first change.
     */
    public boolean changedSince(long mark) {
        return db.tx(em -> {
            // the override keeps Derby on the primary key's range, never a scan of the whole log
            try (PreparedStatement ps = em.unwrap(Connection.class).prepareStatement("SELECT ID FROM AUDIT_ENTRY "
                    + "--DERBY-PROPERTIES constraint=PK_AUDIT_ENTRY\n"
                    + "WHERE ID > ? AND ACTION_NAME NOT IN ('READ_SENSITIVE', 'DENIED') FETCH FIRST 1 ROWS ONLY")) {
                ps.setLong(1, mark);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("statistics snapshot: reading the audit log failed: " + e.getMessage(), e);
            }
        });
    }

    /** The newest audit entry's id (0 when there is none): the last key of the primary key's index. */
    private static long auditMark(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT MAX(ID) FROM AUDIT_ENTRY")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The id of the CURRENT snapshot, if there is one: a lookup by index, cheap enough for every request. */
    public Optional<Long> currentId() {
        return db.read(em -> {
            List<?> ids = em.createNativeQuery("SELECT ID FROM STATS_SNAPSHOT WHERE STATE = 'CURRENT' ORDER BY ID DESC")
                    .setMaxResults(1).getResultList();
            return ids.isEmpty() ? Optional.<Long>empty() : Optional.of(((Number) ids.get(0)).longValue());
        });
    }

    /**
     * Reads the sources, writes a new snapshot and makes it current; returns it as loaded, so that the node that
     * built it need not read it back.
     *
     * <p>On PostgreSQL without a standby the resident cells are summed and written by the database in one
     * {@code INSERT … SELECT} of the writing transaction, and come back to this node as the statement's
     * {@code RETURNING} rows ({@link #sumResidentCells}): the millions of cells of a province no longer go into the
     * JVM and back as {@code COPY} (BENCHMARKS.md, 10 million residents on PostgreSQL). With a standby configured
     * they are summed there, as the rest of the counting, and copied into the primary ({@link ResidentCellCopy}): the
     * primary then reads no resident at all.
     */
    public Snapshot build(String trigger, Instant asOf, LocalDate asOfDate) {
        long start = System.nanoTime();
        boolean sumWhileWriting = !reads.configured();
        // the heavy part: read on the standby if one has replayed everything committed until now
        Counted counted = reads.read("statistics snapshot", c -> count(c, asOfDate, sumWhileWriting));
        long counting = System.nanoTime();
        Written written = db.tx(em -> {
            try {
                return write(em.unwrap(Connection.class), counted, trigger, asOf, asOfDate,
                        (System.nanoTime() - start) / 1_000_000);
            } catch (SQLException e) {
                throw new IllegalStateException("statistics snapshot: writing failed: " + e.getMessage(), e);
            }
        });
        long id = written.id();
        long writing = System.nanoTime();
        long millis = (writing - start) / 1_000_000;
        db.tx(em -> { // the swap: two single-row updates
            try (Statement st = em.unwrap(Connection.class).createStatement()) {
                st.executeUpdate("UPDATE STATS_SNAPSHOT SET STATE = 'OLD' WHERE STATE = 'CURRENT'");
                st.executeUpdate("UPDATE STATS_SNAPSHOT SET STATE = 'CURRENT', BUILD_MILLIS = " + millis + " WHERE ID = " + id);
            } catch (SQLException e) {
                throw new IllegalStateException("statistics snapshot: swap failed: " + e.getMessage(), e);
            }
            return null;
        });
        long swapped = System.nanoTime();
        prune(id);
        LOG.info("Statistics snapshot {}: {} residents, {} cells; counted in {} ms, written in {} ms ({}), swapped in "
                + "{} ms, older ones pruned in {} ms", id, written.residents(), written.residentCells().size()
                + counted.eventCells().size(), (counting - start) / 1_000_000, (writing - counting) / 1_000_000,
                written.how(), (swapped - writing) / 1_000_000, (System.nanoTime() - swapped) / 1_000_000);
        return new Snapshot(id, asOf, asOfDate, trigger, written.residents(), millis, counted.auditMark(),
                written.residentCells(), eventCells(counted));
    }

    private static List<EventCell> eventCells(Counted counted) {
        Map<String, List<String>> placeLists = new HashMap<>();
        List<EventCell> events = new ArrayList<>(counted.eventCells().size());
        counted.eventCells().forEach((k, n) -> events.add(new EventCell(k.kind(), placeLists.computeIfAbsent(k.codes(),
                c -> c.isEmpty() ? List.of() : List.of(c.split(","))), k.period(), k.category(), k.subcategory(),
                k.labelZh(), k.labelEn(), n[0])));
        return events;
    }

    /** Loads snapshot {@code id}; empty when it was pruned meanwhile (another node swapped again). */
    public Optional<Snapshot> load(long id) {
        return db.tx(em -> { // a transaction: EclipseLink hands out its connection only within one
            try {
                return load(em.unwrap(Connection.class), id);
            } catch (SQLException e) {
                throw new IllegalStateException("statistics snapshot: loading failed: " + e.getMessage(), e);
            }
        });
    }

    /** Deletes the cells of every snapshot but {@code keep} and the one before it (still loading elsewhere). */
    private void prune(long keep) {
        db.tx(em -> {
            try (Statement st = em.unwrap(Connection.class).createStatement()) {
                String older = "SELECT ID FROM STATS_SNAPSHOT WHERE ID < " + keep + " AND ID NOT IN "
                        + "(SELECT MAX(ID) FROM STATS_SNAPSHOT WHERE ID < " + keep + ")";
                st.executeUpdate("DELETE FROM STATS_RESIDENT_CELL WHERE SNAPSHOT_ID IN (" + older + ")");
                st.executeUpdate("DELETE FROM STATS_EVENT_CELL WHERE SNAPSHOT_ID IN (" + older + ")");
                st.executeUpdate("DELETE FROM STATS_SNAPSHOT WHERE ID IN (" + older + ")");
            } catch (SQLException e) {
                throw new IllegalStateException("statistics snapshot: pruning failed: " + e.getMessage(), e);
            }
            return null;
        });
    }

    // ---- counting -------------------------------------------------------------------------------------------

    /**
     * What one pass over the sources found; {@code residentCells} null when PostgreSQL sums them while writing
     * ({@code residents} then 0).
     */
    record Counted(long residents, long auditMark, Map<ResidentKey, int[]> residentCells, Map<EventKey, int[]> eventCells) {
    }

    /** The snapshot written (still BUILDING): its id, its residents and resident cells, and how they were written. */
    record Written(long id, long residents, List<ResidentCell> residentCells, String how) {
    }

    record ResidentKey(String residence, String registration, int sex, int band, int status, int marital) {
    }

    record EventKey(String kind, String codes, String period, String category, String subcategory, String labelZh,
            String labelEn) {
    }

    /** @param sumWhileWriting whether PostgreSQL is to sum the resident cells later, in the writing transaction */
    static Counted count(Connection c, LocalDate asOfDate, boolean sumWhileWriting) throws SQLException {
        long mark = auditMark(c); // first: a change committed while counting leaves a newer entry behind
        Map<ResidentKey, int[]> residents = new HashMap<>();
        Map<String, String> codes = new HashMap<>(); // one String per code: the cells stay small in memory
        // "aged at least a" = born on or before asOf - a years; compared as yyyymmdd integers, computed by Derby
        AgeBand[] bands = AgeBand.values();
        int[] bornBy = new int[bands.length];
        for (int i = 0; i < bands.length; i++) {
            bornBy[i] = ymd(asOfDate.minusYears(bands[i].from()));
        }
        long total = 0;
        if (SchemaMigrations.dialectOf(c) == Dialect.POSTGRESQL && sumWhileWriting) {
            residents = null;
        } else if (SchemaMigrations.dialectOf(c) == Dialect.POSTGRESQL) {
            total = countResidentsInSql(c, asOfDate, residents, codes);
        } else {
            // Derby: one pass over the rows, the bands compared as yyyymmdd integers
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT RESIDENCE_CODE, "
                    + "REGISTRATION_CODE, SEX, YEAR(BIRTH_DATE) * 10000 + MONTH(BIRTH_DATE) * 100 + DAY(BIRTH_DATE), "
                    + "STATUS, MARITAL_STATUS FROM RESIDENT")) {
                while (rs.next()) {
                    int born = rs.getInt(4);
                    int band = 0;
                    for (int i = bands.length - 1; i > 0; i--) {
                        if (born <= bornBy[i]) {
                            band = i;
                            break;
                        }
                    }
                    addResidents(residents, codes, rs, band, 1);
                    total++;
                }
            }
        }
        Map<EventKey, int[]> events = new HashMap<>();
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT RESIDENCE_CODE, COUNT(*) FROM HOUSEHOLD GROUP BY RESIDENCE_CODE")) {
                while (rs.next()) {
                    add(events, new EventKey("HOUSEHOLD", rs.getString(1), null, null, null, null, null), rs.getInt(2));
                }
            }
            // a marriage is visible where either spouse lives or is registered (MarriageServiceImpl)
            try (ResultSet rs = st.executeQuery("SELECT m.MARRIAGE_DATE, m.STATUS, m.ENDED_ON, a.RESIDENCE_CODE, "
                    + "a.REGISTRATION_CODE, b.RESIDENCE_CODE, b.REGISTRATION_CODE FROM MARRIAGE m "
                    + "JOIN RESIDENT a ON a.ID = m.PARTY_A_ID JOIN RESIDENT b ON b.ID = m.PARTY_B_ID")) {
                while (rs.next()) {
                    String places = places(rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
                    add(events, new EventKey("MARRIAGE", places, month(rs.getDate(1)), null, null, null, null), 1);
                    if ("DIVORCED".equals(rs.getString(2)) && rs.getDate(3) != null) {
                        add(events, new EventKey("DIVORCE", places, month(rs.getDate(3)), null, null, null, null), 1);
                    }
                }
            }
            // a birth registration: where a parent or the child lives or is registered (BirthServiceImpl)
            try (ResultSet rs = st.executeQuery("SELECT b.REGISTERED_ON, b.BIRTH_ORDER, m.RESIDENCE_CODE, "
                    + "m.REGISTRATION_CODE, f.RESIDENCE_CODE, f.REGISTRATION_CODE, k.RESIDENCE_CODE, k.REGISTRATION_CODE "
                    + "FROM BIRTH b LEFT JOIN RESIDENT m ON m.ID = b.MOTHER_ID LEFT JOIN RESIDENT f ON f.ID = b.FATHER_ID "
                    + "LEFT JOIN RESIDENT k ON k.ID = b.CHILD_ID")) {
                while (rs.next()) {
                    int order = rs.getInt(2);
                    String places = places(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8));
                    add(events, new EventKey("BIRTH", places, month(rs.getDate(1)), order >= 3 ? "3+" : Integer.toString(order),
                            null, null, null), 1);
                }
            }
            // a certificate: where one of its holders lives or is registered (CertificateServiceImpl)
            try (ResultSet rs = st.executeQuery("SELECT c.ID, c.TYPE_KEY, c.STATUS, c.ISSUED_ON, r.RESIDENCE_CODE, "
                    + "r.REGISTRATION_CODE FROM CERTIFICATE c JOIN CERTIFICATE_HOLDER h ON h.CERTIFICATE_ID = c.ID "
                    + "JOIN RESIDENT r ON r.ID = h.RESIDENT_ID ORDER BY c.ID")) {
                long current = -1;
                List<String> holders = new ArrayList<>();
                String[] row = null;
                while (rs.next()) {
                    if (rs.getLong(1) != current) {
                        if (row != null) {
                            add(events, certificate(row, holders), 1);
                        }
                        current = rs.getLong(1);
                        holders.clear();
                        row = new String[] {rs.getString(2), rs.getString(3), month(rs.getDate(4))};
                    }
                    holders.add(rs.getString(5));
                    holders.add(rs.getString(6));
                }
                if (row != null) {
                    add(events, certificate(row, holders), 1);
                }
            }
            // an application: where it was submitted (BenefitApplicationServiceImpl)
            try (ResultSet rs = st.executeQuery("SELECT JURISDICTION_CODE, APPLIED_ON, SCHEME_ID, STATUS, "
                    + "SCHEME_NAME_ZH, SCHEME_NAME_EN FROM BENEFIT_APPLICATION")) {
                while (rs.next()) {
                    add(events, new EventKey("APPLICATION", rs.getString(1), month(rs.getDate(2)), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6)), 1);
                }
            }
            // a migrant registration: residence, responsible office or registration place (MigrantServiceImpl)
            try (ResultSet rs = st.executeQuery("SELECT RESIDENCE_CODE, RESPONSIBLE_CODE, REGISTRATION_CODE, "
                    + "ARRIVAL_DATE, STATUS, DEPARTURE_DATE FROM MIGRANT")) {
                while (rs.next()) {
                    String places = places(rs.getString(1), rs.getString(2), rs.getString(3));
                    add(events, new EventKey("MIGRANT_IN", places, month(rs.getDate(4)), null, null, null, null), 1);
                    if (rs.getDate(6) != null) {
                        add(events, new EventKey("MIGRANT_OUT", places, month(rs.getDate(6)), null, null, null, null), 1);
                    }
                    if ("PRESENT".equals(rs.getString(5))) {
                        add(events, new EventKey("MIGRANT_PRESENT", places, null, null, null, null, null), 1);
                    }
                }
            }
        }
        return new Counted(total, mark, residents, events);
    }

    /**
     * PostgreSQL: the cells summed by the database (one GROUP BY, the age band a CASE on the birth date), so that only
     * the cells cross the wire. Row by row, the driver would hold the whole result in memory (it fetches everything
     * unless told otherwise) — gigabytes for ten million residents.
     */
    private static long countResidentsInSql(Connection c, LocalDate asOfDate, Map<ResidentKey, int[]> residents,
            Map<String, String> codes) throws SQLException {
        long total = 0;
        largeWorkMem(c);
        try (PreparedStatement ps = c.prepareStatement("SELECT RESIDENCE_CODE, REGISTRATION_CODE, SEX, " + BAND_SQL
                + ", STATUS, MARITAL_STATUS, COUNT(*) FROM RESIDENT GROUP BY 1, 2, 3, 4, 5, 6")) {
            bandDates(ps, 1, asOfDate);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int n = rs.getInt(7);
                    addResidents(residents, codes, rs, rs.getInt(4), n);
                    total += n;
                }
            }
        }
        return total;
    }

    /** The age band of a resident as a CASE on BIRTH_DATE, its parameters the dates of {@link #bandDates}. */
    private static final String BAND_SQL = bandSql();

    private static String bandSql() {
        AgeBand[] bands = AgeBand.values();
        StringBuilder band = new StringBuilder("CASE");
        for (int i = bands.length - 1; i > 0; i--) {
            band.append(" WHEN BIRTH_DATE <= ? THEN ").append(i);
        }
        return band.append(" ELSE 0 END").toString();
    }

    /** Sets the parameters of {@link #BAND_SQL} from index {@code first} on. */
    private static void bandDates(PreparedStatement ps, int first, LocalDate asOfDate) throws SQLException {
        AgeBand[] bands = AgeBand.values();
        for (int i = bands.length - 1, p = first; i > 0; i--, p++) {
            ps.setDate(p, Date.valueOf(asOfDate.minusYears(bands[i].from()))); // aged at least from() years
        }
    }

    /**
     * Millions of cells: with the default 4 MB the hash aggregate spills to disk (10M residents: 27.5 s against
     * 18.6 s, BENCHMARKS.md); for this transaction only.
     */
    private static void largeWorkMem(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LOCAL work_mem = '256MB'");
        }
    }

    /** Adds n residents of the row's codes, sex (3), status (5) and marital status (6) in the given age band. */
    private static void addResidents(Map<ResidentKey, int[]> residents, Map<String, String> codes, ResultSet rs,
            int band, int n) throws SQLException {
        ResidentKey k = new ResidentKey(shared(codes, rs.getString(1)), shared(codes, rs.getString(2)),
                index(Snapshot.SEXES, rs.getString(3)), band, index(Snapshot.STATUSES, rs.getString(5)),
                marital(rs.getString(6)));
        residents.computeIfAbsent(k, x -> new int[1])[0] += n;
    }

    private static EventKey certificate(String[] row, List<String> holderPlaces) {
        return new EventKey("CERTIFICATE", places(holderPlaces.toArray(String[]::new)), row[2], row[0], row[1], null, null);
    }

    private static void add(Map<EventKey, int[]> events, EventKey k, int n) {
        events.computeIfAbsent(k, x -> new int[1])[0] += n;
    }

    /** The distinct non-null codes, sorted and comma separated: one key for the same set of places. */
    static String places(String... codes) {
        TreeSet<String> set = new TreeSet<>();
        for (String code : codes) {
            if (code != null && !code.isEmpty()) {
                set.add(code);
            }
        }
        return String.join(",", set);
    }

    private static String month(Date d) {
        return d == null ? null : d.toLocalDate().toString().substring(0, 7);
    }

    private static int ymd(LocalDate d) {
        return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    private static String shared(Map<String, String> codes, String code) {
        return codes.computeIfAbsent(code, x -> x);
    }

    private static int index(String[] names, String name) {
        int i = Arrays.asList(names).indexOf(name);
        if (i < 0) {
            throw new IllegalStateException("unexpected value in the residents table: " + name);
        }
        return i;
    }

    private static int marital(String name) {
        int i = Arrays.asList(Snapshot.MARITAL).indexOf(name);
        return i < 0 ? Snapshot.MARITAL.length - 1 : i;
    }

    // ---- writing and loading --------------------------------------------------------------------------------

    private static Written write(Connection c, Counted counted, String trigger, Instant asOf, LocalDate asOfDate,
            long millis) throws SQLException {
        long id;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO STATS_SNAPSHOT (STATE, TRIGGER_NAME, AS_OF, "
                + "AS_OF_DATE, RESIDENTS, CELLS, BUILD_MILLIS, AUDIT_MARK) VALUES ('BUILDING', ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, trigger);
            ps.setTimestamp(2, Timestamp.from(asOf));
            ps.setDate(3, Date.valueOf(asOfDate));
            ps.setLong(4, counted.residents());
            // the cells summed while writing are counted afterwards
            ps.setLong(5, counted.residentCells() == null ? 0
                    : counted.residentCells().size() + counted.eventCells().size());
            ps.setLong(6, millis);
            ps.setLong(7, counted.auditMark());
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        long started = System.nanoTime();
        Written written;
        if (counted.residentCells() == null) {
            written = sumResidentCells(c, id, asOfDate);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE STATS_SNAPSHOT SET RESIDENTS = ?, CELLS = ? WHERE ID = ?")) {
                ps.setLong(1, written.residents());
                ps.setLong(2, written.residentCells().size() + counted.eventCells().size());
                ps.setLong(3, id);
                ps.executeUpdate();
            }
        } else {
            String how;
            if (SchemaMigrations.dialectOf(c) == Dialect.POSTGRESQL) {
                ResidentCellCopy.copy(c, id, counted.residentCells());
                how = "resident cells copied in ";
            } else {
                insertResidentCells(c, id, counted.residentCells());
                how = "resident cells inserted in ";
            }
            written = new Written(id, counted.residents(), residentCells(counted.residentCells()),
                    how + (System.nanoTime() - started) / 1_000_000 + " ms");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO STATS_EVENT_CELL (SNAPSHOT_ID, KIND, CODES, PERIOD, "
                + "CATEGORY, SUBCATEGORY, LABEL_ZH, LABEL_EN, N) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batch = 0;
            for (Map.Entry<EventKey, int[]> e : counted.eventCells().entrySet()) {
                EventKey k = e.getKey();
                ps.setLong(1, id);
                ps.setString(2, k.kind());
                ps.setString(3, k.codes().length() > 400 ? k.codes().substring(0, 400) : k.codes());
                ps.setString(4, k.period());
                ps.setString(5, k.category());
                ps.setString(6, k.subcategory());
                ps.setString(7, k.labelZh());
                ps.setString(8, k.labelEn());
                ps.setInt(9, e.getValue()[0]);
                ps.addBatch();
                if (++batch % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
        return written;
    }

    private static List<ResidentCell> residentCells(Map<ResidentKey, int[]> counted) {
        List<ResidentCell> cells = new ArrayList<>(counted.size());
        counted.forEach((k, n) -> cells.add(new ResidentCell(k.residence(), k.registration(), k.sex(), k.band(),
                k.status(), k.marital(), n[0])));
        return cells;
    }

    /**
     * PostgreSQL: the resident cells summed and inserted by one statement on the database, the cells read back as its
     * RETURNING rows, streaming. A marital status other than the known ones counts as not recorded, as {@link
     * #marital} has it, so the cells are those the count in memory gives. Ordered by place: the cells then lie in
     * memory in the order of the snapshot's copy sorted by residence, which an office's dashboard reads a range of
     * (in hash order, a county's dashboard took 25–34 ms instead of 7–10 ms, BENCHMARKS.md).
     */
    private static Written sumResidentCells(Connection c, long id, LocalDate asOfDate) throws SQLException {
        long started = System.nanoTime();
        largeWorkMem(c);
        String known = String.join("', '", Arrays.copyOf(Snapshot.MARITAL, Snapshot.MARITAL.length - 1));
        Map<String, String> codes = new HashMap<>();
        List<ResidentCell> cells = new ArrayList<>();
        long total = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO STATS_RESIDENT_CELL (SNAPSHOT_ID, RESIDENCE_CODE, "
                + "REGISTRATION_CODE, SEX, AGE_BAND, STATUS, MARITAL_STATUS, N) SELECT CAST(? AS BIGINT), RESIDENCE_CODE, "
                + "REGISTRATION_CODE, SEX, " + BAND_SQL + ", STATUS, CASE WHEN MARITAL_STATUS IN ('" + known + "') THEN "
                + "MARITAL_STATUS END, COUNT(*) FROM RESIDENT GROUP BY 2, 3, 4, 5, 6, 7 ORDER BY 2, 3 RETURNING "
                + CELL_COLUMNS)) {
            ps.setFetchSize(10_000); // the RETURNING rows are kept by the server and fetched in chunks
            ps.setLong(1, id);
            bandDates(ps, 2, asOfDate);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ResidentCell cell = residentCell(rs, codes);
                    cells.add(cell);
                    total += cell.n();
                }
            }
        }
        return new Written(id, total, cells, "resident cells summed and inserted by the database in "
                + (System.nanoTime() - started) / 1_000_000 + " ms");
    }

    /** The columns of a resident cell as {@link #residentCell} reads them. */
    private static final String CELL_COLUMNS =
            "RESIDENCE_CODE, REGISTRATION_CODE, SEX, AGE_BAND, STATUS, MARITAL_STATUS, N";

    private static ResidentCell residentCell(ResultSet rs, Map<String, String> codes) throws SQLException {
        return new ResidentCell(shared(codes, rs.getString(1)), shared(codes, rs.getString(2)),
                index(Snapshot.SEXES, rs.getString(3)), rs.getInt(4), index(Snapshot.STATUSES, rs.getString(5)),
                marital(rs.getString(6)), rs.getInt(7));
    }

    /** Derby: the resident cells as JDBC batches. */
    private static void insertResidentCells(Connection c, long id, Map<ResidentKey, int[]> cells) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO STATS_RESIDENT_CELL (SNAPSHOT_ID, RESIDENCE_CODE, "
                + "REGISTRATION_CODE, SEX, AGE_BAND, STATUS, MARITAL_STATUS, N) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            int batch = 0;
            for (Map.Entry<ResidentKey, int[]> e : cells.entrySet()) {
                ResidentKey k = e.getKey();
                ps.setLong(1, id);
                ps.setString(2, k.residence());
                ps.setString(3, k.registration());
                ps.setString(4, Snapshot.SEXES[k.sex()]);
                ps.setInt(5, k.band());
                ps.setString(6, Snapshot.STATUSES[k.status()]);
                ps.setString(7, k.marital() == Snapshot.MARITAL.length - 1 ? null : Snapshot.MARITAL[k.marital()]);
                ps.setInt(8, e.getValue()[0]);
                ps.addBatch();
                if (++batch % 1000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static Optional<Snapshot> load(Connection c, long id) throws SQLException {
        Instant asOf;
        LocalDate asOfDate;
        String trigger;
        long residents;
        long millis;
        Long mark;
        try (PreparedStatement ps = c.prepareStatement("SELECT AS_OF, AS_OF_DATE, TRIGGER_NAME, RESIDENTS, BUILD_MILLIS, "
                + "AUDIT_MARK FROM STATS_SNAPSHOT WHERE ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                asOf = rs.getTimestamp(1).toInstant();
                asOfDate = rs.getDate(2).toLocalDate();
                trigger = rs.getString(3);
                residents = rs.getLong(4);
                millis = rs.getLong(5);
                long m = rs.getLong(6);
                mark = rs.wasNull() ? null : m;
            }
        }
        Map<String, String> codes = new HashMap<>();
        List<ResidentCell> cells = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + CELL_COLUMNS + " FROM STATS_RESIDENT_CELL "
                + "WHERE SNAPSHOT_ID = ?")) {
            ps.setFetchSize(10_000); // PostgreSQL streams the rows only when asked to (and within a transaction)
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    cells.add(residentCell(rs, codes));
                }
            }
        }
        Map<String, List<String>> placeLists = new LinkedHashMap<>();
        List<EventCell> events = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT KIND, CODES, PERIOD, CATEGORY, SUBCATEGORY, LABEL_ZH, "
                + "LABEL_EN, N FROM STATS_EVENT_CELL WHERE SNAPSHOT_ID = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<String> places = placeLists.computeIfAbsent(rs.getString(2),
                            s -> s.isEmpty() ? List.of() : List.of(s.split(",")));
                    events.add(new EventCell(rs.getString(1), places, rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getInt(8)));
                }
            }
        }
        return Optional.of(new Snapshot(id, asOf, asOfDate, trigger, residents, millis, mark, cells, events));
    }
}
