package org.renkou.core.internal.certificate;

import java.security.SecureRandom;
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
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.Input;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.certificate.CertificateDTO;
import org.renkou.core.api.certificate.CertificateHistoryDTO;
import org.renkou.core.api.certificate.CertificatePrintDTO;
import org.renkou.core.api.certificate.CertificateService;
import org.renkou.core.api.certificate.CertificateStatus;
import org.renkou.core.api.certificate.CertificateTypeDTO;
import org.renkou.core.api.certificate.CertificateVerificationDTO;
import org.renkou.core.api.province.PolicyRegistry;
import org.renkou.core.api.province.RegionalPolicy;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.PagedQuery;
import org.renkou.core.internal.jurisdiction.Scope;
import org.renkou.core.internal.resident.People;
import org.renkou.core.internal.resident.ResidentEntity;
import org.renkou.core.internal.resident.ResidentServiceImpl;

/** Certificates on the core persistence unit: every change is a history row and an audit entry. */
@Component
public class CertificateServiceImpl implements CertificateService {
    static final String TYPE = "certificate";

    /** Verification codes: no 0/O, 1/I/L, so a code read off paper is typed right. */
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int CODE_LENGTH = 8;

    private final Database db;
    private final CertificateTypes types;
    private final PolicyRegistry policies;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Activate
    public CertificateServiceImpl(@Reference CoreDatabase database, @Reference CertificateTypes types,
            @Reference PolicyRegistry policies) {
        this(database.database(), types, policies, ChinaTime.clock());
    }

    CertificateServiceImpl(Database db, CertificateTypes types, Clock clock) {
        this(db, types, null, clock);
    }

    /** Outside OSGi (tests in other packages, tools): on a plain {@link Database}; SCR sees only the constructor above. */
    public static CertificateServiceImpl on(Database db, CertificateTypes types, Clock clock) {
        return new CertificateServiceImpl(db, types, clock);
    }

    CertificateServiceImpl(Database db, CertificateTypes types, PolicyRegistry policies, Clock clock) {
        this.db = db;
        this.types = types;
        this.policies = policies;
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
        String t = Input.trimToNull(type);
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
        caller.require("发放证件", "issue certificates", Role.PEOPLE_WRITERS);
        Input.body(in);
        String typeKey = Input.required(in.type, "type", "证件类型", "certificate type", 60);
        CertificateTypeDTO type = types.find(typeKey).orElseThrow(() -> RenkouException.invalid("type",
                "证件类型“" + typeKey + "”不存在或其省级模块未启用。",
                "Certificate type '" + typeKey + "' is unknown or its province module is not active."));
        boolean numbered = Input.trimToNull(in.number) == null;
        Checked given = check(in, numbered);
        return db.tx(em -> {
            Set<Long> holders = holders(em, caller, in.holderIds);
            Checked c = numbered ? new Checked(serialNumber(em, type, given.issuedOn().getYear()), given.issuedOn(),
                    given.note()) : given;
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
        caller.require("变更证件", "change certificates", Role.PEOPLE_WRITERS);
        long version = Input.present(in == null ? null : in.version, "version", "版本号", "version");
        String reason = Input.required(in.reason, "reason", "变更原因", "reason for the change", 500);
        Checked c = check(in, false);
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
        caller.require("注销证件", "revoke certificates", Role.PEOPLE_WRITERS);
        long version = Input.present(in == null ? null : in.version, "version", "版本号", "version");
        String reason = Input.required(in.reason, "reason", "注销原因", "reason for the revocation", 500);
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

    /**
     * The next number from the type's province policy: a serial per province, type and year (row-locked counter),
     * formatted by {@link RegionalPolicy#certificateNumber}.
     */
    private String serialNumber(EntityManager em, CertificateTypeDTO type, int year) {
        RegionalPolicy policy = policies == null || type.provinceCode == null ? null
                : policies.find(type.provinceCode).orElse(null);
        if (policy == null) {
            throw RenkouException.unavailable("省级模块未启用，不能自动编号；请填写证件编号。",
                    "Province module not active: no automatic number; give the certificate number.");
        }
        CertificateSerialEntity.Key key = new CertificateSerialEntity.Key(type.provinceCode, type.key, year);
        CertificateSerialEntity serial = em.find(CertificateSerialEntity.class, key,
                javax.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (serial == null) {
            serial = new CertificateSerialEntity();
            serial.provinceCode = key.provinceCode;
            serial.typeKey = key.typeKey;
            serial.year = year;
            em.persist(serial);
        }
        serial.lastSeq++;
        String number = policy.certificateNumber(type.key, year, serial.lastSeq);
        if (number == null || number.isBlank() || number.length() > 40) {
            throw RenkouException.unavailable("省级模块给出的证件编号无效。", "The province module gave no usable number.");
        }
        return number;
    }

    @Override
    public CertificatePrintDTO print(Caller caller, long id, String reason) {
        caller.require("打印证件", "print certificates", Role.PEOPLE_WRITERS);
        String why = Input.optional(reason, "reason", "补打原因", "reason for the reprint", 500);
        return db.tx(em -> {
            CertificateEntity e = em.find(CertificateEntity.class, id);
            if (e == null) {
                throw Scope.notFound(TYPE, id);
            }
            requireVisible(em, caller, e);
            if (e.status != CertificateStatus.VALID) {
                throw RenkouException.conflict("status", "该证件已注销，不能打印。", "The certificate is revoked; it cannot be printed.");
            }
            CertificatePrintEntity last = lastPrint(em, e.id);
            if (last != null && why == null) {
                throw RenkouException.invalid("reason", "补打证件须说明原因（遗失、损坏等）。",
                        "A reprint needs a reason (lost, damaged …).");
            }
            CertificatePrintEntity p = new CertificatePrintEntity();
            p.code = newCode(em);
            p.certificateId = e.id;
            p.printNo = last == null ? 1 : last.printNo + 1;
            p.printedAt = LocalDateTime.now(ZoneOffset.UTC);
            p.actor = caller.username();
            p.reason = why;
            em.persist(p);
            Map<String, Object> before = last == null ? Map.of() : Map.of("printNo", last.printNo);
            record(em, caller, e, last == null ? "PRINTED" : "REPRINTED",
                    AuditLog.diff(before, Map.of("printNo", p.printNo)), why, AuditAction.UPDATE);
            CertificatePrintDTO d = new CertificatePrintDTO();
            d.certificateId = e.id;
            d.number = e.number;
            d.printNo = p.printNo;
            d.verificationCode = p.code;
            d.supersededCode = last == null ? null : last.code;
            d.printedAt = p.printedAt;
            d.actor = p.actor;
            d.reason = why;
            return d;
        });
    }

    private static CertificatePrintEntity lastPrint(EntityManager em, long certificateId) {
        return em.createQuery("SELECT p FROM CertificatePrintEntity p WHERE p.certificateId = :c "
                + "ORDER BY p.printNo DESC", CertificatePrintEntity.class).setParameter("c", certificateId)
                .setMaxResults(1).getResultList().stream().findFirst().orElse(null);
    }

    private String newCode(EntityManager em) {
        while (true) {
            StringBuilder b = new StringBuilder(CODE_LENGTH);
            for (int i = 0; i < CODE_LENGTH; i++) {
                b.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            if (em.find(CertificatePrintEntity.class, b.toString()) == null) {
                return b.toString();
            }
        }
    }

    @Override
    public CertificateVerificationDTO verify(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        CertificateVerificationDTO v = new CertificateVerificationDTO();
        v.code = c;
        if (!c.matches("[" + CODE_ALPHABET + "]{" + CODE_LENGTH + "}")) {
            throw RenkouException.invalid("code", "核验码应为 8 位字母或数字。", "A verification code has 8 letters or digits.");
        }
        return db.read(em -> {
            CertificatePrintEntity p = em.find(CertificatePrintEntity.class, c);
            if (p == null) {
                v.result = CertificateVerificationDTO.Result.UNKNOWN;
                v.messageZh = "查无此证：该核验码不存在。";
                v.messageEn = "No certificate was printed with this code.";
                return v;
            }
            CertificateEntity e = em.find(CertificateEntity.class, p.certificateId);
            CertificatePrintEntity last = lastPrint(em, e.id);
            v.type = e.typeKey;
            types.find(e.typeKey).ifPresent(t -> {
                v.typeNameZh = t.nameZh;
                v.typeNameEn = t.nameEn;
            });
            v.number = e.number;
            v.issuedOn = e.issuedOn;
            v.revokedOn = e.revokedOn;
            v.printNo = p.printNo;
            if (e.status != CertificateStatus.VALID) {
                v.result = CertificateVerificationDTO.Result.REVOKED;
                v.messageZh = "该证件已于 " + e.revokedOn + " 注销，无效。";
                v.messageEn = "The certificate was revoked on " + e.revokedOn + "; it is not valid.";
            } else if (last.printNo != p.printNo) {
                v.result = CertificateVerificationDTO.Result.SUPERSEDED;
                v.messageZh = "此纸质证件已被第 " + last.printNo + " 次打印的证件取代，无效；请以最新打印的证件为准。";
                v.messageEn = "This paper was replaced by print " + last.printNo + "; only the newest print is valid.";
            } else {
                v.result = CertificateVerificationDTO.Result.VALID;
                v.messageZh = "证件有效。";
                v.messageEn = "The certificate is valid.";
            }
            return v;
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

    private Checked check(CertificateDTO in, boolean numbered) {
        String number = numbered ? null : Input.required(in.number, "number", "证件编号", "certificate number", 40);
        LocalDate issued = Input.present(in.issuedOn, "issuedOn", "发证日期", "issue date");
        if (issued.isAfter(LocalDate.now(clock))) {
            throw RenkouException.invalid("issuedOn", "发证日期不能晚于今天。", "The issue date must not be in the future.");
        }
        if (in.holderIds == null || in.holderIds.isEmpty()) {
            throw RenkouException.invalid("holderIds", "请至少填写一位持证人。", "Give at least one holder.");
        }
        return new Checked(number, issued, Input.optional(in.note, "note", "备注", "note", 500));
    }

    /** Every holder must exist and lie within the caller's reach (else NOT_FOUND, audited). */
    private Set<Long> holders(EntityManager em, Caller caller, List<Long> ids) {
        Set<Long> out = new LinkedHashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String field = "holderIds[" + i + "]";
            ResidentEntity r = People.reachable(db, em, caller, ids.get(i), field, "持证人", "holder");
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
            throw Database.staleVersion();
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
        record(em, caller, e, event, AuditLog.diff(before, e.auditView()), reason, action);
    }

    private static void record(EntityManager em, Caller caller, CertificateEntity e, String event, String changes,
            String reason, AuditAction action) {
        CertificateEventEntity h = new CertificateEventEntity();
        h.certificateId = e.id;
        h.event = event;
        h.at = LocalDateTime.now(ZoneOffset.UTC);
        h.actor = caller.username();
        h.changes = changes;
        h.reason = reason;
        em.persist(h);
        AuditLog.write(em, caller, action, TYPE, e.id, People.place(em, e.holderIds.toArray(new Long[0])),
                h.changes, reason);
    }

    private void requireVisible(EntityManager em, Caller caller, CertificateEntity c) {
        Long[] holders = c.holderIds.toArray(new Long[0]);
        if (!People.anyVisible(em, caller, holders)) {
            throw AuditLog.denied(db, caller, TYPE, c.id, People.place(em, holders));
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
