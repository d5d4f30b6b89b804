package org.renkou.core.internal.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.Input;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.Sex;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.registration.MarriageDTO;
import org.renkou.core.api.registration.MarriageService;
import org.renkou.core.api.registration.MarriageStatus;
import org.renkou.core.api.resident.MaritalStatus;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.PagedQuery;
import org.renkou.core.internal.jurisdiction.Scope;
import org.renkou.core.internal.resident.People;
import org.renkou.core.internal.resident.ResidentEntity;
import org.renkou.core.internal.resident.ResidentServiceImpl;

/** Marriage registrations on the core persistence unit, scoped through the spouses and audited. */
@Component
public class MarriageServiceImpl implements MarriageService {
    static final String TYPE = "marriage";

    private final Database db;
    private final Clock clock;

    @Activate
    public MarriageServiceImpl(@Reference CoreDatabase database) {
        this(database.database(), ChinaTime.clock());
    }

    MarriageServiceImpl(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Page<MarriageDTO> search(Caller caller, Long residentId, MarriageStatus status, Integer offset,
            Integer limit) {
        int[] paging = Page.check(offset, limit);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ")
                .append(People.visibleCondition(caller, params, "m.partyAId", "m.partyBId"));
        if (residentId != null) {
            where.append(" AND (m.partyAId = :resident OR m.partyBId = :resident)");
            params.put("resident", residentId);
        }
        if (status != null) {
            where.append(" AND m.status = :status");
            params.put("status", status);
        }
        return db.tx(em -> PagedQuery.run(em, MarriageEntity.class, "MarriageEntity m", where.toString(),
                "m.marriageDate DESC, m.id DESC", params, paging, MarriageServiceImpl::toDTO));
    }

    @Override
    public Optional<MarriageDTO> find(Caller caller, long id) {
        return db.tx(em -> Optional.ofNullable(em.find(MarriageEntity.class, id)).map(m -> {
            requireVisible(em, caller, m);
            return toDTO(m);
        }));
    }

    @Override
    public MarriageDTO register(Caller caller, MarriageDTO in) {
        caller.require("办理婚姻登记", "register marriages", Role.PEOPLE_WRITERS);
        Details d = check(Input.body(in));
        return db.tx(em -> {
            ResidentEntity a = People.reachable(db, em, caller, in.partyAId, "partyAId", "一方", "first spouse");
            ResidentEntity b = People.reachable(db, em, caller, in.partyBId, "partyBId", "另一方", "second spouse");
            if (a.id.equals(b.id) || a.sex == b.sex) {
                throw RenkouException.invalid("partyBId", "婚姻登记双方应为一男一女。",
                        "A marriage registration is between a man and a woman.");
            }
            checkAge(a, d.date, "partyAId");
            checkAge(b, d.date, "partyBId");
            notMarried(em, a, "partyAId");
            notMarried(em, b, "partyBId");
            MarriageEntity m = new MarriageEntity();
            m.partyAId = a.id;
            m.partyBId = b.id;
            d.applyTo(m);
            m.status = MarriageStatus.CURRENT;
            m.createdAt = LocalDateTime.now(ZoneOffset.UTC);
            m.updatedAt = m.createdAt;
            em.persist(m);
            em.flush();
            AuditLog.write(em, caller, AuditAction.CREATE, TYPE, m.id, a.residenceCode,
                    AuditLog.diff(Map.of(), m.auditView()), null);
            setMaritalStatus(em, caller, a, MaritalStatus.MARRIED);
            setMaritalStatus(em, caller, b, MaritalStatus.MARRIED);
            return toDTO(m);
        });
    }

    @Override
    public MarriageDTO update(Caller caller, long id, MarriageDTO in) {
        caller.require("修改婚姻登记", "change marriage registrations", Role.PEOPLE_WRITERS);
        long version = Input.present(in == null ? null : in.version, "version", "版本号", "version");
        Details d = check(in);
        return db.tx(em -> {
            MarriageEntity m = current(em, caller, id, version);
            // only spouses the caller may read: the answer must not tell a remote person's birth date
            for (Long p : new Long[] {m.partyAId, m.partyBId}) {
                ResidentEntity r = em.find(ResidentEntity.class, p);
                if (r != null && ResidentServiceImpl.visible(caller, r)) {
                    checkAge(r, d.date, "marriageDate");
                }
            }
            Map<String, Object> before = m.auditView();
            d.applyTo(m);
            saved(em, caller, m, before, null);
            return toDTO(m);
        });
    }

    @Override
    public MarriageDTO end(Caller caller, long id, MarriageDTO in) {
        caller.require("登记离婚或婚姻无效", "record divorces and annulments", Role.PEOPLE_WRITERS);
        long version = Input.present(in == null ? null : in.version, "version", "版本号", "version");
        if (in.status != MarriageStatus.DIVORCED && in.status != MarriageStatus.ANNULLED) {
            throw RenkouException.invalid("status", "请填写 DIVORCED（离婚）或 ANNULLED（婚姻无效/撤销）。",
                    "The status must be DIVORCED or ANNULLED.");
        }
        LocalDate ended = Input.present(in.endedOn, "endedOn", "解除日期", "end date");
        String reason = Input.optional(in.endReason, "endReason", "原因", "reason", 500);
        return db.tx(em -> {
            MarriageEntity m = current(em, caller, id, version);
            if (ended.isBefore(m.marriageDate) || ended.isAfter(LocalDate.now(clock))) {
                throw RenkouException.invalid("endedOn", "解除日期应在登记日期与今天之间。",
                        "The end date must lie between the marriage date and today.");
            }
            Map<String, Object> before = m.auditView();
            m.status = in.status;
            m.endedOn = ended;
            m.endReason = reason;
            saved(em, caller, m, before, reason);
            // an annulled marriage never existed in law: the spouses are unmarried again
            MaritalStatus after = in.status == MarriageStatus.DIVORCED ? MaritalStatus.DIVORCED : MaritalStatus.UNMARRIED;
            setMaritalStatus(em, caller, em.find(ResidentEntity.class, m.partyAId), after);
            setMaritalStatus(em, caller, em.find(ResidentEntity.class, m.partyBId), after);
            return toDTO(m);
        });
    }

    private MarriageEntity current(EntityManager em, Caller caller, long id, long version) {
        MarriageEntity m = em.find(MarriageEntity.class, id);
        if (m == null) {
            throw Scope.notFound(TYPE, id);
        }
        requireVisible(em, caller, m);
        if (m.version != version) {
            throw Database.staleVersion();
        }
        if (m.status != MarriageStatus.CURRENT) {
            throw RenkouException.conflict("status", "该婚姻已解除，不能再修改。", "The marriage has ended; it cannot change.");
        }
        return m;
    }

    private void requireVisible(EntityManager em, Caller caller, MarriageEntity m) {
        if (!People.anyVisible(em, caller, m.partyAId, m.partyBId)) {
            throw AuditLog.denied(db, caller, TYPE, m.id, People.place(em, m.partyAId));
        }
    }

    /** Date, authority and certificate number, checked. */
    private record Details(LocalDate date, String authority, String number) {
        void applyTo(MarriageEntity m) {
            m.marriageDate = date;
            m.authority = authority;
            m.certificateNumber = number;
        }
    }

    private Details check(MarriageDTO in) {
        LocalDate date = Input.present(in.marriageDate, "marriageDate", "登记日期", "marriage date");
        if (date.isAfter(LocalDate.now(clock))) {
            throw RenkouException.invalid("marriageDate", "登记日期不能晚于今天。", "The marriage date must not be in the future.");
        }
        return new Details(date, Input.required(in.authority, "authority", "登记机关", "registering authority", 100),
                Input.required(in.certificateNumber, "certificateNumber", "结婚证字号", "certificate number", 40));
    }

    /** Writes a change of {@code m} and its audit entry. */
    private static void saved(EntityManager em, Caller caller, MarriageEntity m, Map<String, Object> before,
            String reason) {
        m.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
        em.flush();
        AuditLog.write(em, caller, AuditAction.UPDATE, TYPE, m.id, People.place(em, m.partyAId),
                AuditLog.diff(before, m.auditView()), reason);
    }

    // messages name the resident by id only: one spouse may live outside the caller's reach
    private static void checkAge(ResidentEntity r, LocalDate date, String field) {
        int min = r.sex == Sex.MALE ? MIN_AGE_MEN : MIN_AGE_WOMEN;
        if (Period.between(r.birthDate, date).getYears() < min) {
            throw RenkouException.invalid(field, "居民 " + r.id + " 在登记日未满法定婚龄（" + (r.sex == Sex.MALE ? "男" : "女")
                    + min + " 周岁）。", "Resident " + r.id + " is under the legal marriage age (" + min + ") on that date.");
        }
    }

    private static void notMarried(EntityManager em, ResidentEntity r, String field) {
        if (!em.createNamedQuery(MarriageEntity.CURRENT_OF, MarriageEntity.class).setParameter("p", r.id)
                .getResultList().isEmpty()) {
            throw RenkouException.conflict(field, "居民 " + r.id + " 已有存续的婚姻登记。",
                    "Resident " + r.id + " is in a current marriage.");
        }
    }

    private static void setMaritalStatus(EntityManager em, Caller caller, ResidentEntity r, MaritalStatus status) {
        if (r.maritalStatus == status) {
            return;
        }
        Map<String, Object> before = r.auditView();
        r.maritalStatus = status;
        r.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
        em.flush();
        AuditLog.write(em, caller, AuditAction.UPDATE, ResidentServiceImpl.TYPE, r.id, r.residenceCode,
                AuditLog.diff(before, r.auditView()), "婚姻登记 / marriage registration");
    }

    static MarriageDTO toDTO(MarriageEntity m) {
        MarriageDTO d = new MarriageDTO();
        d.id = m.id;
        d.partyAId = m.partyAId;
        d.partyBId = m.partyBId;
        d.marriageDate = m.marriageDate;
        d.authority = m.authority;
        d.certificateNumber = m.certificateNumber;
        d.status = m.status;
        d.endedOn = m.endedOn;
        d.endReason = m.endReason;
        d.version = m.version;
        return d;
    }
}
