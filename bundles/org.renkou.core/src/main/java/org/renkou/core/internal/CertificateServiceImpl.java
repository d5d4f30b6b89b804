package org.renkou.core.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.AuditAction;
import org.renkou.core.api.Caller;
import org.renkou.core.api.CertificateDTO;
import org.renkou.core.api.CertificateHistoryDTO;
import org.renkou.core.api.CertificateService;
import org.renkou.core.api.CertificateStatus;
import org.renkou.core.api.CertificateTypeDTO;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.internal.entities.CertificateEntity;
import org.renkou.core.internal.entities.CertificateEventEntity;
import org.renkou.core.internal.entities.ResidentEntity;

/** Certificates on the core persistence unit: every change is a history row and an audit entry. */
@Component
public class CertificateServiceImpl implements CertificateService {
    static final String TYPE = "certificate";
    private static final Role[] WRITERS = {Role.ADMIN, Role.DIRECTOR, Role.FAMILY_SERVICES};

    private final Database db;
    private final CertificateTypes types;
    private final Clock clock;

    @Activate
    public CertificateServiceImpl(@Reference CoreDatabase database, @Reference CertificateTypes types) {
        this(database.database(), types, Clock.system(ResidentServiceImpl.CHINA));
    }

    CertificateServiceImpl(Database db, CertificateTypes types, Clock clock) {
        this.db = db;
        this.types = types;
        this.clock = clock;
    }

    @Override
    public List<CertificateTypeDTO> types() {
        return types.all();
    }

    @Override
    public Page<CertificateDTO> search(Caller caller, String type, Long holderId, CertificateStatus status,
            Integer offset, Integer limit) {
        int[] paging = Page.check(offset, limit);
        Map<String, Object> params = new HashMap<>();
        String scope = Scope.condition(caller, params, "p.residenceCode", "p.registrationCode");
        StringBuilder where = new StringBuilder(" WHERE ").append("1=1".equals(scope) ? scope
                : "EXISTS (SELECT y.id FROM CertificateEntity y JOIN y.holderIds yh, ResidentEntity p "
                        + "WHERE y.id = c.id AND p.id = yh AND " + scope + ")");
        String t = Text.trimToNull(type);
        if (t != null) {
            where.append(" AND c.typeKey = :type");
            params.put("type", t);
        }
        if (holderId != null) {
            where.append(" AND EXISTS (SELECT x.id FROM CertificateEntity x JOIN x.holderIds xh "
                    + "WHERE x.id = c.id AND xh = :holder)");
            params.put("holder", holderId);
        }
        if (status != null) {
            where.append(" AND c.status = :status");
            params.put("status", status);
        }
        return db.tx(em -> PagedQuery.run(em, CertificateEntity.class, "CertificateEntity c", where.toString(),
                "c.issuedOn DESC, c.id DESC", params, paging, this::toDTO));
    }

    @Override
    public Optional<CertificateDTO> find(Caller caller, long id) {
        return db.tx(em -> Optional.ofNullable(em.find(CertificateEntity.class, id)).map(c -> {
            requireVisible(em, caller, c);
            return toDTO(c);
        }));
    }

    @Override
    public CertificateDTO issue(Caller caller, CertificateDTO in) {
        caller.require("发放证件", "issue certificates", WRITERS);
        Text.body(in);
        String typeKey = Text.required(in.type, "type", "证件类型", "certificate type", 60);
        if (types.find(typeKey).isEmpty()) {
            throw RenkouException.invalid("type", "证件类型“" + typeKey + "”不存在或其省级模块未启用。",
                    "Certificate type '" + typeKey + "' is unknown or its province module is not active.");
        }
        Checked c = check(in);
        return db.tx(em -> {
            Set<Long> holders = holders(em, caller, in.holderIds);
            unique(em, typeKey, c.number, null);
            CertificateEntity e = new CertificateEntity();
            e.typeKey = typeKey;
            e.status = CertificateStatus.VALID;
            apply(c, holders, e);
            e.createdAt = LocalDateTime.now(ZoneOffset.UTC);
            e.updatedAt = e.createdAt;
            em.persist(e);
            em.flush();
            record(em, caller, e, "ISSUED", Map.of(), null, AuditAction.CREATE);
            return toDTO(e);
        });
    }

    @Override
    public CertificateDTO change(Caller caller, long id, CertificateDTO in) {
        caller.require("变更证件", "change certificates", WRITERS);
        long version = Text.present(in == null ? null : in.version, "version", "版本号", "version");
        String reason = Text.required(in.reason, "reason", "变更原因", "reason for the change", 500);
        Checked c = check(in);
        return db.tx(em -> {
            CertificateEntity e = valid(em, caller, id, version);
            Set<Long> holders = holders(em, caller, in.holderIds);
            unique(em, e.typeKey, c.number, e.id);
            Map<String, Object> before = e.auditView();
            apply(c, holders, e);
            e.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
            // a change of holders alone must still bump the version
            em.lock(e, javax.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
            em.flush();
            record(em, caller, e, "CHANGED", before, reason, AuditAction.UPDATE);
            return toDTO(e);
        });
    }

    @Override
    public CertificateDTO revoke(Caller caller, long id, CertificateDTO in) {
        caller.require("注销证件", "revoke certificates", WRITERS);
        long version = Text.present(in == null ? null : in.version, "version", "版本号", "version");
        String reason = Text.required(in.reason, "reason", "注销原因", "reason for the revocation", 500);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = in.revokedOn == null ? today : in.revokedOn;
        return db.tx(em -> {
            CertificateEntity e = valid(em, caller, id, version);
            if (on.isAfter(today) || on.isBefore(e.issuedOn)) {
                throw RenkouException.invalid("revokedOn", "注销日期应在发证日期与今天之间。",
                        "The revocation date must lie between the issue date and today.");
            }
            Map<String, Object> before = e.auditView();
            e.status = CertificateStatus.REVOKED;
            e.revokedOn = on;
            e.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
            em.flush();
            record(em, caller, e, "REVOKED", before, reason, AuditAction.UPDATE);
            return toDTO(e);
        });
    }

    @Override
    public List<CertificateHistoryDTO> history(Caller caller, long id) {
        return db.tx(em -> {
            CertificateEntity c = em.find(CertificateEntity.class, id);
            if (c == null) {
                throw Scope.notFound(TYPE, id);
            }
            requireVisible(em, caller, c);
            List<CertificateHistoryDTO> out = new ArrayList<>();
            for (CertificateEventEntity e : em.createQuery("SELECT e FROM CertificateEventEntity e "
                    + "WHERE e.certificateId = :c ORDER BY e.id", CertificateEventEntity.class)
                    .setParameter("c", id).getResultList()) {
                CertificateHistoryDTO d = new CertificateHistoryDTO();
                d.event = e.event;
                d.at = e.at;
                d.actor = e.actor;
                d.changes = e.changes;
                d.reason = e.reason;
                out.add(d);
            }
            return out;
        });
    }

    private record Checked(String number, LocalDate issuedOn, String note) {
    }

    private Checked check(CertificateDTO in) {
        String number = Text.required(in.number, "number", "证件编号", "certificate number", 40);
        LocalDate issued = Text.present(in.issuedOn, "issuedOn", "发证日期", "issue date");
        if (issued.isAfter(LocalDate.now(clock))) {
            throw RenkouException.invalid("issuedOn", "发证日期不能晚于今天。", "The issue date must not be in the future.");
        }
        if (in.holderIds == null || in.holderIds.isEmpty()) {
            throw RenkouException.invalid("holderIds", "请至少填写一位持证人。", "Give at least one holder.");
        }
        return new Checked(number, issued, Text.optional(in.note, "note", "备注", "note", 500));
    }

    /** Every holder must exist and lie within the caller's reach; a refusal is audited. */
    private Set<Long> holders(EntityManager em, Caller caller, List<Long> ids) {
        Set<Long> out = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "holderIds[" + i + "]";
            ResidentEntity r = People.existing(em, ids.get(i), field, "持证人", "holder");
            if (!ResidentServiceImpl.visible(caller, r)) {
                Scope.auditDenied(db, caller, ResidentServiceImpl.TYPE, r.id, r.residenceCode,
                        "certificate for a resident outside the caller's jurisdictions");
                throw new RenkouException(RenkouException.Kind.FORBIDDEN, field,
                        "持证人（居民 " + r.id + "）不在您的辖区内，不能为其办理证件。",
                        "Holder (resident " + r.id + ") lies outside your jurisdiction; you cannot issue certificates to them.");
            }
            if (!out.add(r.id)) {
                throw RenkouException.invalid(field, "同一持证人出现两次。", "The same holder is listed twice.");
            }
        }
        return out;
    }

    private static void unique(EntityManager em, String typeKey, String number, Long self) {
        boolean taken = em.createQuery("SELECT c.id FROM CertificateEntity c WHERE c.typeKey = :t AND c.number = :n",
                Long.class).setParameter("t", typeKey).setParameter("n", number).getResultList().stream()
                .anyMatch(x -> !x.equals(self));
        if (taken) {
            throw RenkouException.conflict("number", "证件编号 " + number + " 已被使用。",
                    "Certificate number " + number + " is taken.");
        }
    }

    private CertificateEntity valid(EntityManager em, Caller caller, long id, long version) {
        CertificateEntity e = em.find(CertificateEntity.class, id);
        if (e == null) {
            throw Scope.notFound(TYPE, id);
        }
        requireVisible(em, caller, e);
        if (e.version != version) {
            throw ResidentServiceImpl.staleVersion();
        }
        if (e.status != CertificateStatus.VALID) {
            throw RenkouException.conflict("status", "该证件已注销，不能再修改。", "The certificate is revoked; it cannot change.");
        }
        return e;
    }

    private static void apply(Checked c, Set<Long> holders, CertificateEntity e) {
        e.number = c.number;
        e.issuedOn = c.issuedOn;
        e.note = c.note;
        e.holderIds.clear();
        e.holderIds.addAll(holders);
    }

    /** The history row and the audit entry of one event, in the caller's transaction. */
    private static void record(EntityManager em, Caller caller, CertificateEntity e, String event,
            Map<String, Object> before, String reason, AuditAction action) {
        CertificateEventEntity h = new CertificateEventEntity();
        h.certificateId = e.id;
        h.event = event;
        h.at = LocalDateTime.now(ZoneOffset.UTC);
        h.actor = caller.username();
        h.changes = AuditLog.diff(before, e.auditView());
        h.reason = reason;
        em.persist(h);
        AuditLog.write(em, caller, action, TYPE, e.id, People.place(em, e.holderIds.toArray(new Long[0])),
                h.changes, reason);
    }

    private void requireVisible(EntityManager em, Caller caller, CertificateEntity c) {
        Long[] holders = c.holderIds.toArray(new Long[0]);
        if (!People.anyVisible(em, caller, holders)) {
            throw Scope.denied(db, caller, TYPE, c.id, People.place(em, holders));
        }
    }

    private CertificateDTO toDTO(CertificateEntity e) {
        CertificateDTO d = new CertificateDTO();
        d.id = e.id;
        d.type = e.typeKey;
        types.find(e.typeKey).ifPresent(t -> {
            d.typeNameZh = t.nameZh;
            d.typeNameEn = t.nameEn;
        });
        d.number = e.number;
        d.holderIds = new ArrayList<>(e.holderIds);
        d.status = e.status;
        d.issuedOn = e.issuedOn;
        d.revokedOn = e.revokedOn;
        d.note = e.note;
        d.version = e.version;
        return d;
    }
}
