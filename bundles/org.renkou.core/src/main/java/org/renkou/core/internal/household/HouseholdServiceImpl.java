package org.renkou.core.internal.household;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.CitizenId;
import org.renkou.core.api.Input;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.household.HouseholdDTO;
import org.renkou.core.api.household.HouseholdMemberDTO;
import org.renkou.core.api.household.HouseholdService;
import org.renkou.core.api.household.Relation;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.PagedQuery;
import org.renkou.core.internal.jurisdiction.JurisdictionEntity;
import org.renkou.core.internal.jurisdiction.Scope;
import org.renkou.core.internal.resident.People;
import org.renkou.core.internal.resident.ResidentEntity;
import org.renkou.core.internal.resident.ResidentServiceImpl;

/** Households on the core persistence unit; members are residents pointing at their household. */
@Component
public class HouseholdServiceImpl implements HouseholdService {
    static final String TYPE = "household";

    private final Database db;

    @Activate
    public HouseholdServiceImpl(@Reference CoreDatabase database) {
        this(database.database());
    }

    HouseholdServiceImpl(Database db) {
        this.db = db;
    }

    /** Outside OSGi (tests in other packages, tools): on a plain {@link Database}; SCR sees only the constructor above. */
    public static HouseholdServiceImpl on(Database db) {
        return new HouseholdServiceImpl(db);
    }

    @Override
    public Page<HouseholdDTO> search(Caller caller, String jurisdictionCode, String number, Integer offset,
            Integer limit) {
        int[] paging = Page.check(offset, limit);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ").append(Scope.condition(caller, params, "h.residenceCode"));
        String code = Input.trimToNull(jurisdictionCode);
        String prefecture = Scope.prefecture(caller.scopePrefixes());
        if (code != null) {
            String prefix = JurisdictionLevel.ofCode(code).childPrefix(code);
            where.append(" AND h.residenceCode LIKE :jur");
            params.put("jur", prefix + "%");
            prefecture = prefecture != null ? prefecture : Scope.prefecture(List.of(prefix));
        }
        if (prefecture != null) { // one partition on PostgreSQL: the partition key's very expression, not bound
            where.append(" AND SQL('SUBSTR(?, 1, 4)', h.residenceCode) = :prefecture");
            params.put("prefecture", prefecture);
        }
        String n = Input.trimToNull(number);
        if (n != null) {
            where.append(" AND h.number = :number");
            params.put("number", n);
        }
        return db.tx(em -> PagedQuery.run(em, HouseholdEntity.class, "HouseholdEntity h", where.toString(), "h.number",
                params, paging, h -> toDTO(em, h)));
    }

    @Override
    public Optional<HouseholdDTO> find(Caller caller, long id) {
        return db.tx(em -> {
            HouseholdEntity h = em.find(HouseholdEntity.class, id);
            if (h == null) {
                return Optional.empty();
            }
            if (!caller.covers(h.residenceCode)) {
                throw AuditLog.denied(db, caller, TYPE, id, h.residenceCode);
            }
            return Optional.of(toDTO(em, h));
        });
    }

    @Override
    public HouseholdDTO create(Caller caller, HouseholdDTO in) {
        caller.require("登记户", "register households", Role.PEOPLE_WRITERS);
        Checked c = check(in);
        return db.tx(em -> {
            checkPlace(em, caller, c.residenceCode);
            if (!em.createNamedQuery(HouseholdEntity.BY_NUMBER, HouseholdEntity.class).setParameter("n", c.number)
                    .getResultList().isEmpty()) {
                throw RenkouException.conflict("number", "户号 " + c.number + " 已存在。",
                        "Household number " + c.number + " is taken.");
            }
            HouseholdEntity h = new HouseholdEntity();
            h.number = c.number;
            h.residenceCode = c.residenceCode;
            h.address = c.address;
            h.createdAt = LocalDateTime.now(ZoneOffset.UTC);
            h.updatedAt = h.createdAt;
            em.persist(h);
            em.flush();
            setMembers(em, caller, h, c.members);
            AuditLog.write(em, caller, AuditAction.CREATE, TYPE, h.id, h.residenceCode,
                    AuditLog.diff(Map.of(), view(em, h)), null);
            return toDTO(em, h);
        });
    }

    @Override
    public HouseholdDTO update(Caller caller, long id, HouseholdDTO in) {
        caller.require("修改户信息", "change households", Role.PEOPLE_WRITERS);
        long version = Input.present(in == null ? null : in.version, "version", "版本号", "version");
        Checked c = check(in);
        return db.tx(em -> {
            HouseholdEntity h = em.find(HouseholdEntity.class, id);
            if (h == null) {
                throw Scope.notFound(TYPE, id);
            }
            if (!caller.covers(h.residenceCode)) {
                throw AuditLog.denied(db, caller, TYPE, id, h.residenceCode);
            }
            if (h.version != version) {
                throw Database.staleVersion();
            }
            checkPlace(em, caller, c.residenceCode);
            if (!h.number.equals(c.number) && !em.createNamedQuery(HouseholdEntity.BY_NUMBER, HouseholdEntity.class)
                    .setParameter("n", c.number).getResultList().isEmpty()) {
                throw RenkouException.conflict("number", "户号 " + c.number + " 已存在。",
                        "Household number " + c.number + " is taken.");
            }
            Map<String, Object> before = view(em, h);
            for (ResidentEntity r : members(em, h.id)) {
                r.householdId = null;
                r.relation = null;
            }
            h.number = c.number;
            h.residenceCode = c.residenceCode;
            h.address = c.address;
            h.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
            em.flush();
            setMembers(em, caller, h, c.members);
            // a change of members alone must still bump the household's version
            em.lock(h, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            em.flush();
            AuditLog.write(em, caller, AuditAction.UPDATE, TYPE, id, h.residenceCode,
                    AuditLog.diff(before, view(em, h)), null);
            return toDTO(em, h);
        });
    }

    private record Checked(String number, String residenceCode, String address, Map<Long, Relation> members) {
    }

    private static Checked check(HouseholdDTO in) {
        Input.body(in);
        String number = Input.required(in.number, "number", "户号", "household number", 30);
        String residence = Input.required(in.residenceCode, "residenceCode", "居住地", "place of residence", 15);
        JurisdictionLevel.ofCodeFor(residence, "residenceCode");
        if (in.members == null || in.members.isEmpty()) {
            throw RenkouException.invalid("members", "一户至少要有户主一人。", "A household needs at least its head.");
        }
        Map<Long, Relation> members = new LinkedHashMap<>();
        int heads = 0;
        for (int i = 0; i < in.members.size(); i++) {
            HouseholdMemberDTO m = in.members.get(i);
            String field = "members[" + i + "]";
            if (m == null || m.residentId == null) {
                throw RenkouException.invalid(field + ".residentId", "请填写第 " + (i + 1) + " 位成员。",
                        "Member " + (i + 1) + " has no resident id.");
            }
            if (m.relation == null) {
                throw RenkouException.invalid(field + ".relation", "请填写第 " + (i + 1) + " 位成员与户主关系。",
                        "Member " + (i + 1) + " has no relation to the head.");
            }
            if (members.put(m.residentId, m.relation) != null) {
                throw RenkouException.invalid(field + ".residentId", "同一人在户中出现两次。",
                        "The same person is listed twice.");
            }
            if (m.relation == Relation.HEAD) {
                heads++;
            }
        }
        if (heads != 1) {
            throw RenkouException.invalid("members", "一户必须有且只有一位户主（现有 " + heads + " 位）。",
                    "A household must have exactly one head (it has " + heads + ").");
        }
        return new Checked(number, residence, Input.optional(in.address, "address", "住址", "address", 200), members);
    }

    private static void checkPlace(EntityManager em, Caller caller, String code) {
        if (em.find(JurisdictionEntity.class, code) == null) {
            throw RenkouException.invalid("residenceCode", "居住地 " + code + " 不存在。",
                    "Place of residence " + code + " does not exist.");
        }
        if (!caller.covers(code)) {
            throw RenkouException.invalid("residenceCode", "居住地 " + code + " 不在您的辖区内。",
                    "Place of residence " + code + " lies outside your jurisdiction.");
        }
    }

    private void setMembers(EntityManager em, Caller caller, HouseholdEntity h, Map<Long, Relation> members) {
        Set<Long> seen = new HashSet<>();
        int i = 0;
        for (Map.Entry<Long, Relation> m : members.entrySet()) {
            String field = "members[" + i++ + "].residentId";
            ResidentEntity r = People.reachable(db, em, caller, m.getKey(), field, "成员", "member");
            if (r.householdId != null && !r.householdId.equals(h.id)) {
                throw RenkouException.invalid(field, r.name + "（" + CitizenId.mask(r.idNumber) + "）已是户 "
                        + r.householdId + " 的成员，一人只能属于一户。", r.name + " is already a member of household "
                        + r.householdId + "; a person belongs to one household only.");
            }
            r.householdId = h.id;
            r.relation = m.getValue();
            seen.add(r.id);
        }
    }

    private static List<ResidentEntity> members(EntityManager em, long householdId) {
        return em.createNamedQuery(ResidentEntity.BY_HOUSEHOLD, ResidentEntity.class)
                .setParameter("h", householdId).getResultList();
    }

    private static Map<String, Object> view(EntityManager em, HouseholdEntity h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("number", h.number);
        m.put("residenceCode", h.residenceCode);
        m.put("address", h.address);
        m.put("members", members(em, h.id).stream().map(r -> r.id + ":" + r.relation)
                .collect(Collectors.joining(",")));
        return m;
    }

    public static HouseholdDTO toDTO(EntityManager em, HouseholdEntity h) {
        HouseholdDTO d = new HouseholdDTO();
        d.id = h.id;
        d.number = h.number;
        d.residenceCode = h.residenceCode;
        d.address = h.address;
        d.version = h.version;
        for (ResidentEntity r : members(em, h.id)) {
            HouseholdMemberDTO m = new HouseholdMemberDTO();
            m.residentId = r.id;
            m.relation = r.relation;
            m.name = r.name;
            m.idNumber = CitizenId.mask(r.idNumber);
            d.members.add(m);
        }
        return d;
    }
}
