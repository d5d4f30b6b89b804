package org.renkou.core.internal;

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
import org.renkou.core.api.AuditAction;
import org.renkou.core.api.Caller;
import org.renkou.core.api.CitizenId;
import org.renkou.core.api.Input;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.MaritalStatus;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.ResidenceStatus;
import org.renkou.core.api.ResidentDTO;
import org.renkou.core.api.ResidentQuery;
import org.renkou.core.api.ResidentService;
import org.renkou.core.api.Role;
import org.renkou.core.api.Sex;
import org.renkou.core.internal.entities.JurisdictionEntity;
import org.renkou.core.internal.entities.ResidentEntity;

/** Residents on the core persistence unit, scoped to the caller and audited. */
@Component
public class ResidentServiceImpl implements ResidentService {
    static final String TYPE = "resident";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final Role[] WRITERS = {Role.ADMIN, Role.DIRECTOR, Role.FAMILY_SERVICES};
    private static final Role[] SENSITIVE_READERS = {Role.DIRECTOR, Role.FAMILY_SERVICES};

    private final Database db;
    private final ResidentCounts counts = new ResidentCounts();

    @Activate
    public ResidentServiceImpl(@Reference CoreDatabase database) {
        this(database.database());
    }

    ResidentServiceImpl(Database db) {
        this.db = db;
    }

    @Override
    public Page<ResidentDTO> search(Caller caller, ResidentQuery q) {
        ResidentQuery query = q == null ? new ResidentQuery() : q;
        int[] paging = Page.check(query.offset, query.limit);
        String name = Input.trimToNull(query.name);
        String idNumber = Input.trimToNull(query.idNumber);
        String code = Input.trimToNull(query.jurisdictionCode);
        String prefix = code == null ? null : JurisdictionLevel.ofCode(code).childPrefix(code);
        if (name == null && idNumber == null && query.householdId == null) {
            // the whole list in reach: from the indexes, not a scan of the table (ResidentPages)
            Set<String> reach = prefix == null ? caller.scopePrefixes() : narrow(caller.scopePrefixes(), prefix);
            return db.read(em -> ResidentPages.page(em, counts, reach, query.status, paging));
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
        return db.tx(em -> PagedQuery.run(em, ResidentEntity.class, "ResidentEntity r", where.toString(), "r.name, r.id",
                params, paging, e -> toDTO(e, true)));
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
                throw Scope.denied(db, caller, TYPE, id, e.residenceCode);
            }
            return toDTO(e, false);
        });
    }

    /** The lookup's columns: what {@link #toDTO} reads, nothing sensitive (no health note). */
    private static final String BY_ID_NUMBER_SQL = "SELECT ID, ID_NUMBER, NAME, SEX, BIRTH_DATE, RESIDENCE_CODE, "
            + "REGISTRATION_CODE, STATUS, MARITAL_STATUS, PHONE, ADDRESS, HOUSEHOLD_ID, VERSION FROM RESIDENT "
            + "WHERE ID_NUMBER = ?";

    @Override
    public Optional<ResidentDTO> findByIdNumber(Caller caller, String idNumber) {
        if (idNumber == null) {
            return Optional.empty();
        }
        // the read office staff do most, kept lean: one indexed row over plain JDBC, no entity manager (BENCHMARKS.md)
        ResidentDTO found = db.jdbc(BY_ID_NUMBER_SQL, ps -> {
            ps.setString(1, idNumber.strip().toUpperCase());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? row(rs) : null;
            }
        });
        if (found == null) {
            return Optional.empty();
        }
        if (!visible(caller, found.residenceCode, found.registrationCode)) {
            // someone else's resident: answered as "not found", and the attempt is on record like any refusal
            Scope.auditDenied(db, caller, TYPE, found.id, found.residenceCode,
                    "lookup by ID number outside the caller's jurisdictions " + caller.jurisdictionCodes());
            return Optional.empty();
        }
        return Optional.of(found);
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
        return d;
    }

    @Override
    public ResidentDTO readSensitive(Caller caller, long id, String reason) {
        caller.require("查看敏感信息", "read sensitive information", SENSITIVE_READERS);
        String why = Input.required(reason, "reason", "查看原因", "reason", 500);
        return db.tx(em -> {
            ResidentEntity e = visibleOrFail(em, caller, id);
            AuditLog.write(em, caller, AuditAction.READ_SENSITIVE, TYPE, id, e.residenceCode,
                    "{\"fields\":[\"healthNote\"]}", why);
            ResidentDTO d = toDTO(e, false);
            d.healthNote = e.healthNote;
            return d;
        });
    }

    @Override
    public ResidentDTO create(Caller caller, ResidentDTO in) {
        caller.require("登记居民", "register residents", WRITERS);
        ResidentEntity e = new ResidentEntity();
        ResidentRules.Checked c = ResidentRules.check(in);
        return db.tx(em -> {
            ResidentRules.checkPlace(caller, c.residenceCode(), em.find(JurisdictionEntity.class, c.residenceCode()) != null);
            if (!em.createNamedQuery(ResidentEntity.BY_ID_NUMBER, ResidentEntity.class)
                    .setParameter("n", c.id().number()).getResultList().isEmpty()) {
                throw RenkouException.conflict("idNumber", "身份证号码 " + CitizenId.mask(c.id().number()) + " 已登记。",
                        "ID number " + CitizenId.mask(c.id().number()) + " is registered already.");
            }
            apply(c, e);
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
        caller.require("修改居民信息", "change residents", WRITERS);
        long version = Input.present(in == null ? null : in.version, "version", "版本号", "version");
        ResidentRules.Checked c = ResidentRules.check(in);
        return db.tx(em -> {
            ResidentEntity e = editableOrFail(em, caller, id);
            if (e.version != version) {
                throw Database.staleVersion();
            }
            ResidentRules.checkPlace(caller, c.residenceCode(), em.find(JurisdictionEntity.class, c.residenceCode()) != null);
            MigrantServiceImpl.checkResidentPlaces(em, id, c.residenceCode(), c.registrationCode());
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
            e.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
            em.flush();
            AuditLog.write(em, caller, AuditAction.UPDATE, TYPE, id, e.residenceCode,
                    AuditLog.diff(before, e.auditView()), null);
            return toDTO(e, false);
        });
    }

    @Override
    public void delete(Caller caller, long id, long version) {
        caller.require("删除居民", "delete residents", WRITERS);
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
    static boolean visible(Caller caller, ResidentEntity e) {
        return visible(caller, e.residenceCode, e.registrationCode);
    }

    /** Dual jurisdiction: the place of residence and the place of registration both see the resident. */
    static boolean visible(Caller caller, String residenceCode, String registrationCode) {
        return caller.covers(residenceCode) || caller.covers(registrationCode);
    }

    private ResidentEntity visibleOrFail(EntityManager em, Caller caller, long id) {
        ResidentEntity e = em.find(ResidentEntity.class, id);
        if (e == null) {
            throw Scope.notFound(TYPE, id);
        }
        if (!visible(caller, e)) {
            throw Scope.denied(db, caller, TYPE, id, e.residenceCode);
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

    static void apply(ResidentRules.Checked c, ResidentEntity e) {
        e.idNumber = c.id().number();
        e.name = c.name();
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

    static ResidentDTO toDTO(ResidentEntity e, boolean masked) {
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
        return d;
    }

    static String escapeLike(String s) {
        return s.replace("%", "").replace("_", "");
    }
}
