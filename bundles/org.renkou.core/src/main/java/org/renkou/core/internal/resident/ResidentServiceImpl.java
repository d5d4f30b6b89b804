package org.renkou.core.internal.resident;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.CitizenId;
import org.renkou.core.api.Input;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.Sex;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.resident.HukouNature;
import org.renkou.core.api.resident.MaritalStatus;
import org.renkou.core.api.resident.ResidenceStatus;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.ResidentQuery;
import org.renkou.core.api.resident.ResidentRef;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.Dialect;
import org.renkou.core.internal.db.PagedQuery;
import org.renkou.core.internal.jurisdiction.JurisdictionEntity;
import org.renkou.core.internal.jurisdiction.Scope;
import org.renkou.core.internal.migrant.MigrantServiceImpl;
import org.slf4j.LoggerFactory;

/** Residents on the core persistence unit, scoped to the caller and audited. */
@Component
public class ResidentServiceImpl implements ResidentService {
    public static final String TYPE = "resident";

    private final Database db;
    private final ResidentCounts counts = new ResidentCounts();

    @Activate
    public ResidentServiceImpl(@Reference CoreDatabase database) {
        this(database.database());
        fillNameKeys();
    }

    ResidentServiceImpl(Database db) {
        this.db = db;
    }

    /** Fills the name sort keys of rows written before V19 ({@link NameKeys#backfill}), once the schema is there. */
    private void fillNameKeys() {
        db.whenReady().thenRunAsync(() -> {
            try {
                NameKeys.backfill(db);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(ResidentServiceImpl.class).warn("Name sort keys not filled: {}", e.toString());
            }
        });
    }

    /** Outside OSGi (tests in other packages, tools): on a plain {@link Database}; SCR sees only the constructor above. */
    public static ResidentServiceImpl on(Database db) {
        return new ResidentServiceImpl(db);
    }

    @Override
    public Page<ResidentDTO> search(Caller caller, ResidentQuery q) {
        ResidentQuery query = q == null ? new ResidentQuery() : q;
        int[] paging = Page.check(query.offset, query.limit);
        String name = Input.trimToNull(query.name);
        String idNumber = Input.trimToNull(query.idNumber);
        String code = Input.trimToNull(query.jurisdictionCode);
        String prefix = code == null ? null : JurisdictionLevel.ofCode(code).childPrefix(code);
        boolean targetGroup = query.sex != null || query.bornFrom != null || query.bornTo != null
                || query.marriedFrom != null || query.marriedTo != null;
        if (name == null && idNumber == null && query.householdId == null && !targetGroup) {
            // the whole list in reach: from the indexes, not a scan of the table (ResidentPages)
            Set<String> reach = prefix == null ? caller.scopePrefixes() : narrow(caller.scopePrefixes(), prefix);
            boolean partitioned = db.dialect() == Dialect.POSTGRESQL;
            return db.read(em -> ResidentPages.page(em, counts, reach, query.status, paging, partitioned));
        }
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ")
                .append(Scope.condition(caller, params, "r.residenceCode", "r.registrationCode"));
        if (name != null) {
            where.append(" AND r.name LIKE :name");
            params.put("name", escapeLike(name) + "%");
        }
        if (idNumber != null) {
            where.append(" AND r.idNumber = :idNumber");
            params.put("idNumber", idNumber.toUpperCase());
        }
        if (prefix != null) {
            where.append(" AND (r.residenceCode LIKE :jur OR r.registrationCode LIKE :jur)");
            params.put("jur", prefix + "%");
        }
        if (query.householdId != null) {
            where.append(" AND r.householdId = :household");
            params.put("household", query.householdId);
        }
        if (query.status != null) {
            where.append(" AND r.status = :status");
            params.put("status", query.status);
        }
        targetGroup(query, where, params);
        return db.tx(em -> PagedQuery.run(em, ResidentEntity.class, "ResidentEntity r", where.toString(), "r.nameKey, r.id",
                params, paging, e -> toDTO(e, true)));
    }

    @Override
    public List<ResidentRef> matches(Caller caller, ResidentQuery q, int max) {
        if (max < 0) {
            throw RenkouException.invalid("max", "最多人数不能为负数。", "The most people to take cannot be negative.");
        }
        ResidentQuery query = q == null ? new ResidentQuery() : q;
        String within = within(query);
        return db.read(em -> ResidentMatches.rows(em, caller.scopePrefixes(), within, query, max));
    }

    @Override
    public long count(Caller caller, ResidentQuery q) {
        ResidentQuery query = q == null ? new ResidentQuery() : q;
        String within = within(query);
        return db.read(em -> ResidentMatches.count(em, caller.scopePrefixes(), within, query));
    }

    /** The query's jurisdiction as a code prefix ({@code 440606901} for a street), or null. */
    private static String within(ResidentQuery query) {
        String code = Input.trimToNull(query.jurisdictionCode);
        return code == null ? null : JurisdictionLevel.ofCode(code).childPrefix(code);
    }

    /**
     * The target-group filters (sex, birth-date band, a current marriage registered in a date range) that modules
     * such as the population school enrol by; the marriage by entity name, so no dependency on its package.
     */
    private static void targetGroup(ResidentQuery query, StringBuilder where, Map<String, Object> params) {
        if (query.sex != null) {
            where.append(" AND r.sex = :sex");
            params.put("sex", query.sex);
        }
        if (query.bornFrom != null) {
            where.append(" AND r.birthDate >= :bornFrom");
            params.put("bornFrom", query.bornFrom);
        }
        if (query.bornTo != null) {
            where.append(" AND r.birthDate <= :bornTo");
            params.put("bornTo", query.bornTo);
        }
        if (query.marriedFrom != null || query.marriedTo != null) {
            where.append(" AND EXISTS (SELECT m.id FROM MarriageEntity m WHERE (m.partyAId = r.id OR m.partyBId = r.id)"
                    + " AND m.status = org.renkou.core.api.registration.MarriageStatus.CURRENT");
            if (query.marriedFrom != null) {
                where.append(" AND m.marriageDate >= :marriedFrom");
                params.put("marriedFrom", query.marriedFrom);
            }
            if (query.marriedTo != null) {
                where.append(" AND m.marriageDate <= :marriedTo");
                params.put("marriedTo", query.marriedTo);
            }
            where.append(')');
        }
    }

    /** The part of the caller's reach inside the jurisdiction {@code prefix}: empty when they do not meet. */
    static Set<String> narrow(Set<String> reach, String prefix) {
        Set<String> out = new LinkedHashSet<>();
        for (String p : reach) {
            if (prefix.startsWith(p)) {
                out.add(prefix);
            } else if (p.startsWith(prefix)) {
                out.add(p);
            }
        }
        return out;
    }

    @Override
    public Optional<ResidentDTO> find(Caller caller, long id) {
        return db.tx(em -> Optional.ofNullable(em.find(ResidentEntity.class, id))).map(e -> {
            if (!visible(caller, e)) {
                throw AuditLog.denied(db, caller, TYPE, id, e.residenceCode);
            }
            ResidentDTO d = toDTO(e, false);
            if (!needsFullIdNumber(caller)) {
                d.idNumber = CitizenId.mask(d.idNumber);
            }
            return d;
        });
    }

    /**
     * Whether the caller's work needs full ID numbers (registering people, issuing to them); statisticians,
     * teachers, association secretaries and auditors see them masked (least access).
     */
    public static boolean needsFullIdNumber(Caller caller) {
        return caller.hasAny(Role.ADMIN, Role.DIRECTOR, Role.FAMILY_SERVICES, Role.WAREHOUSE_KEEPER);
    }

    /** The lookup's columns: what {@link #toDTO} reads, nothing sensitive (no health note). */
    private static final String BY_ID_NUMBER_SQL = "SELECT ID, ID_NUMBER, NAME, SEX, BIRTH_DATE, RESIDENCE_CODE, "
            + "REGISTRATION_CODE, STATUS, MARITAL_STATUS, PHONE, ADDRESS, HOUSEHOLD_ID, VERSION, HUKOU_NATURE FROM RESIDENT "
            + "WHERE ID_NUMBER = ?";
    /**
     * PostgreSQL, where residents are partitioned by prefecture: the key table names the resident's prefecture and
     * whether it has its partition yet, then the row is read from that partition by name. Read through the partitioned
     * table, PostgreSQL planned the query afresh every time (a plan for all partitions, pruned as it runs, looked
     * dearer than planning anew), which cost more than the read itself (0.15–0.2 ms against 0.04 ms, BENCHMARKS.md).
     */
    private static final String PREFECTURE_SQL = "SELECT PREFECTURE, to_regclass('resident_p' || PREFECTURE) IS NOT NULL "
            + "FROM RESIDENT_KEY WHERE ID_NUMBER = ?";
    private static final java.util.regex.Pattern PREFECTURE = java.util.regex.Pattern.compile("[0-9]{4}");

    @Override
    public Optional<ResidentDTO> findByIdNumber(Caller caller, String idNumber) {
        if (idNumber == null) {
            return Optional.empty();
        }
        String number = idNumber.strip().toUpperCase();
        // the read office staff do most, kept lean: one indexed row over plain JDBC, no entity manager (BENCHMARKS.md)
        ResidentDTO found;
        if (db.dialect() != Dialect.POSTGRESQL) {
            found = db.jdbc(BY_ID_NUMBER_SQL, ps -> rowOf(ps, number));
        } else {
            String own = Scope.prefecture(caller.scopePrefixes());
            found = own != null && PREFECTURE.matcher(own).matches() ? ownPrefectureFirst(own, number)
                    : db.jdbc(PREFECTURE_SQL, ps -> partitioned(ps, number));
        }
        if (found == null) {
            return Optional.empty();
        }
        if (!visible(caller, found.residenceCode, found.registrationCode)) {
            // someone else's resident: answered as "not found", and the attempt is on record like any refusal
            AuditLog.recordDenied(db, caller, TYPE, found.id, found.residenceCode,
                    "lookup by ID number outside the caller's jurisdictions " + caller.jurisdictionCodes());
            return Optional.empty();
        }
        return Optional.of(found);
    }

    /**
     * An officer of one prefecture (county, township, community) mostly looks up its own residents: their partition
     * first, one statement; the key table only when the row is not there (registered here, living in another
     * prefecture; someone else's; nobody's). ID numbers are unique across partitions, so a row found there is the
     * resident (BENCHMARKS.md, "the caller's prefecture first").
     */
    private ResidentDTO ownPrefectureFirst(String prefecture, String number) {
        return db.jdbc(inPartition("RESIDENT_P" + prefecture), ps -> {
            ResidentDTO d = null;
            try {
                d = rowOf(ps, number);
            } catch (SQLException e) {
                if (!"42P01".equals(e.getSQLState()) && !"42501".equals(e.getSQLState())) {
                    throw e; // else: no such partition yet, or one made by hand: the key table says where
                }
            }
            if (d != null) {
                return d;
            }
            try (PreparedStatement key = ps.getConnection().prepareStatement(PREFECTURE_SQL)) {
                return partitioned(key, number);
            }
        });
    }

    /** {@link #BY_ID_NUMBER_SQL} reading one partition (or {@code RESIDENT_OTHER}) by name. */
    private static String inPartition(String table) {
        return BY_ID_NUMBER_SQL.replace(" FROM RESIDENT ", " FROM " + table + " ");
    }

    /** The resident of {@code number} through the key table ({@code key}: {@link #PREFECTURE_SQL}), or null. */
    private static ResidentDTO partitioned(PreparedStatement key, String number) throws SQLException {
        key.setString(1, number);
        String partition;
        try (ResultSet rs = key.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            boolean own = rs.getBoolean(2) && PREFECTURE.matcher(rs.getString(1)).matches();
            partition = own ? "RESIDENT_P" + rs.getString(1) : "RESIDENT_OTHER";
        }
        try {
            return readRow(key.getConnection(), inPartition(partition), number);
        } catch (SQLException e) {
            if (!"42501".equals(e.getSQLState())) { // a partition made by hand, not the platform's to read
                throw e;
            }
            return readRow(key.getConnection(), BY_ID_NUMBER_SQL, number);
        }
    }

    private static ResidentDTO readRow(java.sql.Connection c, String sql, String number) throws SQLException {
        try (PreparedStatement read = c.prepareStatement(sql)) {
            return rowOf(read, number);
        }
    }

    /** The one row of a lookup statement ({@link #BY_ID_NUMBER_SQL} or its partition's) for {@code number}, or null. */
    private static ResidentDTO rowOf(PreparedStatement ps, String number) throws SQLException {
        ps.setString(1, number);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? row(rs) : null;
        }
    }

    /** A row of {@link #BY_ID_NUMBER_SQL} as {@link #toDTO} would give it, unmasked. */
    static ResidentDTO row(ResultSet rs) throws SQLException {
        ResidentDTO d = new ResidentDTO();
        d.id = rs.getLong(1);
        d.idNumber = rs.getString(2);
        d.name = rs.getString(3);
        d.sex = Sex.valueOf(rs.getString(4));
        d.birthDate = rs.getDate(5).toLocalDate();
        d.residenceCode = rs.getString(6);
        d.registrationCode = rs.getString(7);
        d.status = ResidenceStatus.valueOf(rs.getString(8));
        String marital = rs.getString(9);
        d.maritalStatus = marital == null ? null : MaritalStatus.valueOf(marital);
        d.phone = rs.getString(10);
        d.address = rs.getString(11);
        long household = rs.getLong(12);
        d.householdId = rs.wasNull() ? null : household;
        d.version = rs.getLong(13);
        String hukou = rs.getString(14);
        d.hukouNature = hukou == null ? null : HukouNature.valueOf(hukou);
        return d;
    }

    @Override
    public ResidentDTO readSensitive(Caller caller, long id, String reason) {
        caller.require("查看敏感信息", "read sensitive information", Role.CASEWORKERS);
        String why = Input.sensitiveReason(reason, "reason", "查看原因", "reason");
        return db.tx(em -> {
            ResidentEntity e = visibleOrFail(em, caller, id);
            AuditLog.write(em, caller, AuditAction.READ_SENSITIVE, TYPE, id, e.residenceCode,
                    "{\"fields\":[\"healthNote\",\"vitalStatus\",\"disabilityGrade\",\"diedOn\"]}", why);
            ResidentDTO d = toDTO(e, false);
            d.healthNote = e.healthNote;
            ResidentFacts.fill(e, d);
            return d;
        });
    }

    @Override
    public ResidentDTO create(Caller caller, ResidentDTO in) {
        caller.require("登记居民", "register residents", Role.PEOPLE_WRITERS);
        ResidentEntity e = new ResidentEntity();
        ResidentRules.Checked c = ResidentRules.check(in);
        ResidentFacts.Vital vital = ResidentFacts.check(in, c.id().birthDate());
        return db.tx(em -> {
            ResidentRules.checkPlace(caller, c.residenceCode(), em.find(JurisdictionEntity.class, c.residenceCode()) != null);
            if (!em.createNamedQuery(ResidentEntity.BY_ID_NUMBER, ResidentEntity.class)
                    .setParameter("n", c.id().number()).getResultList().isEmpty()) {
                throw RenkouException.conflict("idNumber", "身份证号码 " + CitizenId.mask(c.id().number()) + " 已登记。",
                        "ID number " + CitizenId.mask(c.id().number()) + " is registered already.");
            }
            apply(c, e);
            e.hukouNature = in.hukouNature;
            ResidentFacts.apply(vital, e);
            e.createdAt = LocalDateTime.now(ZoneOffset.UTC);
            e.updatedAt = e.createdAt;
            em.persist(e);
            em.flush();
            AuditLog.write(em, caller, AuditAction.CREATE, TYPE, e.id, e.residenceCode,
                    AuditLog.diff(Map.of(), e.auditView()), null);
            return toDTO(e, false);
        });
    }

    @Override
    public ResidentDTO update(Caller caller, long id, ResidentDTO in) {
        caller.require("修改居民信息", "change residents", Role.PEOPLE_WRITERS);
        long version = Input.present(in == null ? null : in.version, "version", "版本号", "version");
        ResidentRules.Checked c = ResidentRules.check(in);
        ResidentFacts.Vital vital = ResidentFacts.check(in, c.id().birthDate());
        return db.tx(em -> {
            ResidentEntity e = editableOrFail(em, caller, id);
            if (e.version != version) {
                throw Database.staleVersion();
            }
            ResidentRules.checkPlace(caller, c.residenceCode(), em.find(JurisdictionEntity.class, c.residenceCode()) != null);
            ResidentRules.checkMigrantPlaces(em, id, c.residenceCode(), c.registrationCode());
            if (!e.idNumber.equals(c.id().number()) && !em.createNamedQuery(ResidentEntity.BY_ID_NUMBER,
                    ResidentEntity.class).setParameter("n", c.id().number()).getResultList().isEmpty()) {
                throw RenkouException.conflict("idNumber", "身份证号码已属于另一位居民。",
                        "The ID number belongs to another resident.");
            }
            Map<String, Object> before = e.auditView();
            String note = e.healthNote;
            apply(c, e);
            if (in.healthNote == null) {
                e.healthNote = note; // not sent (reads never include it): keep; an empty text clears it
            }
            e.hukouNature = in.hukouNature;
            ResidentFacts.Vital vitalBefore = new ResidentFacts.Vital(e.vitalStatus, e.disabilityGrade, e.diedOn);
            ResidentFacts.apply(vital, e);
            e.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
            em.flush();
            Map<String, Object> after = e.auditView();
            if (ResidentFacts.changed(vitalBefore, e)) {
                after.put("vitalFacts", ResidentFacts.CHANGED);
            }
            AuditLog.write(em, caller, AuditAction.UPDATE, TYPE, id, e.residenceCode,
                    AuditLog.diff(before, after), null);
            return toDTO(e, false);
        });
    }

    @Override
    public void delete(Caller caller, long id, long version) {
        caller.require("删除居民", "delete residents", Role.PEOPLE_WRITERS);
        db.tx(em -> {
            ResidentEntity e = editableOrFail(em, caller, id);
            if (e.version != version) {
                throw Database.staleVersion();
            }
            if (e.householdId != null) {
                throw RenkouException.conflict("householdId", "该居民仍是户 " + e.householdId + " 的成员，请先从户中移出。",
                        "The resident is still a member of household " + e.householdId + "; remove them first.");
            }
            AuditLog.write(em, caller, AuditAction.DELETE, TYPE, id, e.residenceCode,
                    AuditLog.diff(e.auditView(), Map.of()), null);
            em.remove(e);
            return null;
        });
    }

    @Override
    public long count() {
        return db.read(em -> em.createQuery("SELECT COUNT(r) FROM ResidentEntity r", Long.class).getSingleResult());
    }

    /** Visible where the person lives and where they are registered (dual jurisdiction). */
    public static boolean visible(Caller caller, ResidentEntity e) {
        return e.visibleTo(caller);
    }

    /** Dual jurisdiction: the place of residence and the place of registration both see the resident. */
    public static boolean visible(Caller caller, String residenceCode, String registrationCode) {
        return caller.coversAny(residenceCode, registrationCode);
    }

    private ResidentEntity visibleOrFail(EntityManager em, Caller caller, long id) {
        ResidentEntity e = em.find(ResidentEntity.class, id);
        if (e == null) {
            throw Scope.notFound(TYPE, id);
        }
        if (!visible(caller, e)) {
            throw AuditLog.denied(db, caller, TYPE, id, e.residenceCode);
        }
        return e;
    }

    /** Editable where the person lives; the registration place may read but not change. */
    ResidentEntity editableOrFail(EntityManager em, Caller caller, long id) {
        ResidentEntity e = visibleOrFail(em, caller, id);
        if (!caller.covers(e.residenceCode)) {
            throw RenkouException.forbidden("该居民现居住地不在您的辖区，只有现居住地可以修改其信息。",
                    "The resident lives outside your jurisdiction; only the place of residence may change the record.");
        }
        return e;
    }

    public static void apply(ResidentRules.Checked c, ResidentEntity e) {
        e.idNumber = c.id().number();
        e.name = c.name();
        e.nameKey = NameKeys.of(c.name());
        e.sex = c.id().sex();
        e.birthDate = c.id().birthDate();
        e.residenceCode = c.residenceCode();
        e.registrationCode = c.registrationCode();
        e.status = c.status();
        e.maritalStatus = c.marital();
        e.phone = c.phone();
        e.address = c.address();
        e.healthNote = c.healthNote();
    }

    public static ResidentDTO toDTO(ResidentEntity e, boolean masked) {
        ResidentDTO d = new ResidentDTO();
        d.id = e.id;
        d.idNumber = masked ? CitizenId.mask(e.idNumber) : e.idNumber;
        d.name = e.name;
        d.sex = e.sex;
        d.birthDate = e.birthDate;
        d.residenceCode = e.residenceCode;
        d.registrationCode = e.registrationCode;
        d.status = e.status;
        d.maritalStatus = e.maritalStatus;
        d.phone = masked ? null : e.phone;
        d.address = masked ? null : e.address;
        d.householdId = e.householdId;
        d.version = e.version;
        d.hukouNature = e.hukouNature;
        return d;
    }

    public static String escapeLike(String s) {
        return s.replace("%", "").replace("_", "");
    }
}
