package org.renkou.core.internal.registration;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
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
import org.renkou.core.api.registration.BirthDTO;
import org.renkou.core.api.registration.BirthService;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.PagedQuery;
import org.renkou.core.internal.jurisdiction.Scope;
import org.renkou.core.internal.resident.People;
import org.renkou.core.internal.resident.ResidentEntity;
import org.renkou.core.internal.resident.ResidentServiceImpl;

/** Birth registrations on the core persistence unit, scoped through parents and child, and audited. */
@Component
public class BirthServiceImpl implements BirthService {
    static final String TYPE = "birth";

    private final Database db;
    private final Clock clock;

    @Activate
    public BirthServiceImpl(@Reference CoreDatabase database) {
        this(database.database(), ChinaTime.clock());
    }

    BirthServiceImpl(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Page<BirthDTO> search(Caller caller, Long residentId, Integer offset, Integer limit) {
        int[] paging = Page.check(offset, limit);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ")
                .append(People.visibleCondition(caller, params, "b.motherId", "b.fatherId", "b.childId"));
        if (residentId != null) {
            where.append(" AND (b.motherId = :resident OR b.fatherId = :resident OR b.childId = :resident)");
            params.put("resident", residentId);
        }
        return db.tx(em -> PagedQuery.run(em, BirthEntity.class, "BirthEntity b", where.toString(),
                "b.childBirthDate DESC, b.id DESC", params, paging, BirthServiceImpl::toDTO));
    }

    @Override
    public Optional<BirthDTO> find(Caller caller, long id) {
        return db.tx(em -> Optional.ofNullable(em.find(BirthEntity.class, id)).map(b -> {
            requireVisible(em, caller, b);
            return toDTO(b);
        }));
    }

    @Override
    public BirthDTO register(Caller caller, BirthDTO in) {
        caller.require("办理生育登记", "register births", Role.PEOPLE_WRITERS);
        Input.body(in);
        if (in.motherId == null && in.fatherId == null) {
            throw RenkouException.invalid("motherId", "请至少填写父母一方。", "Give at least one parent.");
        }
        return db.tx(em -> {
            ResidentEntity mother = parent(em, caller, in.motherId, "motherId", Sex.FEMALE);
            ResidentEntity father = parent(em, caller, in.fatherId, "fatherId", Sex.MALE);
            BirthEntity b = new BirthEntity();
            b.motherId = mother == null ? null : mother.id;
            b.fatherId = father == null ? null : father.id;
            applyChild(em, caller, in, b);
            b.birthOrder = birthOrder(em, b);
            b.createdAt = LocalDateTime.now(ZoneOffset.UTC);
            b.updatedAt = b.createdAt;
            em.persist(b);
            em.flush();
            AuditLog.write(em, caller, AuditAction.CREATE, TYPE, b.id, People.place(em, b.motherId, b.fatherId),
                    AuditLog.diff(Map.of(), b.auditView()), null);
            return toDTO(b);
        });
    }

    @Override
    public BirthDTO update(Caller caller, long id, BirthDTO in) {
        caller.require("修改生育登记", "change birth registrations", Role.PEOPLE_WRITERS);
        long version = Input.present(in == null ? null : in.version, "version", "版本号", "version");
        return db.tx(em -> {
            BirthEntity b = em.find(BirthEntity.class, id);
            if (b == null) {
                throw Scope.notFound(TYPE, id);
            }
            requireVisible(em, caller, b);
            if (b.version != version) {
                throw Database.staleVersion();
            }
            if (in.motherId != null && !in.motherId.equals(b.motherId)
                    || in.fatherId != null && !in.fatherId.equals(b.fatherId)) {
                throw RenkouException.invalid(in.motherId != null ? "motherId" : "fatherId",
                        "父母不能修改；如有错误请另行登记。", "Parents cannot be changed; register anew if they are wrong.");
            }
            Map<String, Object> before = b.auditView();
            applyChild(em, caller, in, b);
            b.birthOrder = birthOrder(em, b);
            b.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
            em.flush();
            AuditLog.write(em, caller, AuditAction.UPDATE, TYPE, id, People.place(em, b.motherId, b.fatherId),
                    AuditLog.diff(before, b.auditView()), null);
            return toDTO(b);
        });
    }

    private ResidentEntity parent(EntityManager em, Caller caller, Long id, String field, Sex sex) {
        if (id == null) {
            return null;
        }
        String label = sex == Sex.FEMALE ? "母亲" : "父亲";
        ResidentEntity r = People.reachable(db, em, caller, id, field, label, sex == Sex.FEMALE ? "mother" : "father");
        if (r.sex != sex) {
            throw RenkouException.invalid(field, label + "的性别与身份证号码不符。",
                    "The " + (sex == Sex.FEMALE ? "mother" : "father") + "'s recorded sex does not fit.");
        }
        return r;
    }

    /** The child as a resident, or by name, sex and birth date; the registration date defaults to today. */
    private void applyChild(EntityManager em, Caller caller, BirthDTO in, BirthEntity b) {
        LocalDate today = LocalDate.now(clock);
        if (in.childId != null) {
            ResidentEntity child = People.reachable(db, em, caller, in.childId, "childId", "子女", "child");
            if (People.same(child.id, b.motherId) || People.same(child.id, b.fatherId)) {
                throw RenkouException.invalid("childId", "子女不能是父母本人。", "The child cannot be a parent.");
            }
            Long taken = em.createQuery("SELECT b.id FROM BirthEntity b WHERE b.childId = :c", Long.class)
                    .setParameter("c", child.id).getResultList().stream().filter(x -> !x.equals(b.id)).findFirst()
                    .orElse(null);
            if (taken != null) {
                throw RenkouException.conflict("childId", "该子女已在生育登记 " + taken + " 中登记。",
                        "The child is registered already (birth registration " + taken + ").");
            }
            b.childId = child.id;
            b.childName = child.name;
            b.childSex = child.sex;
            b.childBirthDate = child.birthDate;
        } else {
            b.childId = null;
            b.childName = Input.required(in.childName, "childName", "子女姓名", "child's name", 50);
            b.childSex = Input.present(in.childSex, "childSex", "子女性别", "child's sex");
            b.childBirthDate = Input.present(in.childBirthDate, "childBirthDate", "出生日期", "birth date");
        }
        if (b.childBirthDate.isAfter(today)) {
            throw RenkouException.invalid("childBirthDate", "出生日期不能晚于今天。", "The birth date must not be in the future.");
        }
        b.registeredOn = in.registeredOn == null ? today : in.registeredOn;
        if (b.registeredOn.isAfter(today) || b.registeredOn.isBefore(b.childBirthDate)) {
            throw RenkouException.invalid("registeredOn", "登记日期应在出生日期与今天之间。",
                    "The registration date must lie between the birth date and today.");
        }
    }

    /** 1 + distinct births registered for either parent with a birth date on or before this child's. */
    private static int birthOrder(EntityManager em, BirthEntity b) {
        long earlier = em.createQuery("SELECT COUNT(o) FROM BirthEntity o WHERE (o.motherId = :m OR o.fatherId = :f)"
                + " AND o.childBirthDate <= :d AND o.id <> :self", Long.class)
                .setParameter("m", b.motherId == null ? -1L : b.motherId)
                .setParameter("f", b.fatherId == null ? -1L : b.fatherId)
                .setParameter("d", b.childBirthDate)
                .setParameter("self", b.id == null ? -1L : b.id)
                .getSingleResult();
        return (int) earlier + 1;
    }

    private void requireVisible(EntityManager em, Caller caller, BirthEntity b) {
        if (!People.anyVisible(em, caller, b.motherId, b.fatherId, b.childId)) {
            throw AuditLog.denied(db, caller, TYPE, b.id, People.place(em, b.motherId, b.fatherId));
        }
    }

    static BirthDTO toDTO(BirthEntity b) {
        BirthDTO d = new BirthDTO();
        d.id = b.id;
        d.motherId = b.motherId;
        d.fatherId = b.fatherId;
        d.childId = b.childId;
        d.childName = b.childName;
        d.childSex = b.childSex;
        d.childBirthDate = b.childBirthDate;
        d.birthOrder = b.birthOrder;
        d.registeredOn = b.registeredOn;
        d.version = b.version;
        return d;
    }
}
