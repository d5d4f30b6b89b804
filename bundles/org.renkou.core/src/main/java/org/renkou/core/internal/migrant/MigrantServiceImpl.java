package org.renkou.core.internal.migrant;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

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
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.migrant.CertificateSeenDTO;
import org.renkou.core.api.migrant.DepartureDTO;
import org.renkou.core.api.migrant.HandoverDTO;
import org.renkou.core.api.migrant.HandoverKind;
import org.renkou.core.api.migrant.MigrantDTO;
import org.renkou.core.api.migrant.MigrantNoteDTO;
import org.renkou.core.api.migrant.MigrantQuery;
import org.renkou.core.api.migrant.MigrantService;
import org.renkou.core.api.migrant.MigrantStatus;
import org.renkou.core.api.resident.ResidenceStatus;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.jurisdiction.JurisdictionEntity;
import org.renkou.core.internal.jurisdiction.Scope;
import org.renkou.core.internal.resident.ResidentEntity;
import org.renkou.core.internal.resident.ResidentRules;
import org.renkou.core.internal.resident.ResidentServiceImpl;

/**
 * Migrant registrations on the core persistence unit. Who may do what (dual jurisdiction) is decided here:
 * {@link #visible} for reading and notes, {@link #editableOrFail} for the stay data, departure and handovers.
 */
@Component
public class MigrantServiceImpl implements MigrantService {
    static final String TYPE = "migrant";
    private static final int MAX_CERTIFICATES = 20;

    private final Database db;
    private final Clock clock;

    /** At most this many residents of a searched name are looked up by id (see search). */
    static final int NAME_PROBES = 1000;

    @Activate
    public MigrantServiceImpl(@Reference CoreDatabase database) {
        this(database.database(), ChinaTime.clock());
    }

    public MigrantServiceImpl(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public Page<MigrantDTO> search(Caller caller, MigrantQuery q) {
        MigrantQuery query = q == null ? new MigrantQuery() : q;
        int[] paging = Page.check(query.offset, query.limit);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE ")
                .append(Scope.condition(caller, params, "m.residenceCode", "m.responsibleCode", "m.registrationCode"));
        List<String> narrow = narrowReach(caller, query);
        String name = Input.trimToNull(query.name);
        if (name != null) {
            // the people of that name first, from the name index: Derby plans "IN (subquery with LIKE ?)" without
            // the pattern and scans every registration in reach (0.2 s at 50,000); a short list probes the index
            // of MIGRANT.RESIDENT_ID instead. A name too common for a list (a surname alone) keeps the subquery.
            String pattern = ResidentServiceImpl.escapeLike(name) + "%";
            List<Long> people = db.tx(em -> em.createQuery("SELECT r.id FROM ResidentEntity r WHERE r.name LIKE :name",
                    Long.class).setParameter("name", pattern).setMaxResults(NAME_PROBES + 1).getResultList());
            if (people.size() <= NAME_PROBES) {
                where.append(people.isEmpty() ? " AND 1=0" : " AND m.residentId IN :people");
                if (!people.isEmpty()) {
                    params.put("people", people);
                }
            } else {
                where.append(" AND m.residentId IN (SELECT r.id FROM ResidentEntity r WHERE r.name LIKE :name)");
                params.put("name", pattern);
            }
        }
        String idNumber = Input.trimToNull(query.idNumber);
        if (idNumber != null) {
            where.append(" AND m.residentId IN (SELECT r.id FROM ResidentEntity r WHERE r.idNumber = :idNumber)");
            params.put("idNumber", idNumber.toUpperCase());
        }
        String code = Input.trimToNull(query.jurisdictionCode);
        if (code != null) {
            where.append(" AND (m.residenceCode LIKE :jur OR m.responsibleCode LIKE :jur OR m.registrationCode LIKE :jur)");
            params.put("jur", Scope.below(code, "jurisdiction"));
        }
        String registration = Input.trimToNull(query.registrationCode);
        if (registration != null) {
            where.append(" AND m.registrationCode LIKE :reg");
            params.put("reg", Scope.below(registration, "registrationCode"));
        }
        if (query.status != null) {
            where.append(" AND m.status = :status");
            params.put("status", query.status);
        }
        return db.tx(em -> narrow == null ? page(em, caller, where.toString(), params, paging)
                : narrowPage(em, caller, where.substring(" WHERE ".length()), params, narrow, paging));
    }

    /** The code length of a narrow reach: a community (社区/村, 12 digits) or a resident group (15). */
    private static final int NARROW_PREFIX = 12;

    /**
     * The LIKE patterns of a narrow list (the plain list of a community officer, or any list filtered to a community),
     * or null: the caller's reach or the jurisdiction filter, whichever names only communities or groups. Searches by
     * name or ID number keep their own index (their condition is the selective one).
     */
    static List<String> narrowReach(Caller caller, MigrantQuery query) {
        if (Input.trimToNull(query.name) != null || Input.trimToNull(query.idNumber) != null) {
            return null;
        }
        String code = Input.trimToNull(query.jurisdictionCode);
        if (code != null && code.length() >= NARROW_PREFIX) {
            return List.of(Scope.below(code, "jurisdiction"));
        }
        Set<String> prefixes = caller.scopePrefixes();
        if (prefixes.isEmpty() || prefixes.stream().anyMatch(p -> p.length() < NARROW_PREFIX)) {
            return null;
        }
        return prefixes.stream().sorted().map(p -> p + "%").toList();
    }

    /**
     * The list of a narrow reach (a community: some hundred registrations of 50,000): walking {@code IX_MIGRANT_LIST}
     * in order would read most of the index before a page is full, so the registrations in reach are found through
     * the three code indexes ({@code IX_MIGRANT_RESIDENCE}, {@code _RESPONSIBLE}, {@code _REGISTRATION}: one range
     * query per code column and pattern, each with the whole condition), merged, and sorted here in the list's order
     * (arrival newest first, then id) — the same rows, order, pages and total as {@link #page}.
     */
    private static Page<MigrantDTO> narrowPage(EntityManager em, Caller caller, String condition,
            Map<String, Object> params, List<String> patterns, int[] paging) {
        Map<Long, LocalDate> found = new HashMap<>();
        for (String pattern : patterns) {
            for (String column : new String[] {"m.residenceCode", "m.responsibleCode", "m.registrationCode"}) {
                javax.persistence.TypedQuery<Object[]> select = em.createQuery("SELECT m.id, m.arrivalDate"
                        + " FROM MigrantEntity m WHERE " + column + " LIKE :drive AND " + condition, Object[].class);
                params.forEach(select::setParameter);
                select.setParameter("drive", pattern).getResultList()
                        .forEach(row -> found.put((Long) row[0], (LocalDate) row[1]));
            }
        }
        List<Long> ids = found.entrySet().stream()
                .sorted(Map.Entry.<Long, LocalDate>comparingByValue().reversed()
                        .thenComparing(Map.Entry.<Long, LocalDate>comparingByKey().reversed()))
                .skip(paging[0]).limit(paging[1]).map(Map.Entry::getKey).toList();
        return new Page<>(rows(em, caller, ids), found.size(), paging[0], paging[1]);
    }

    /**
     * A page in two steps: the ids of the page from V20's covering index {@code IX_MIGRANT_LIST} (arrival newest first,
     * id, status and the three codes: walked in order and stopped after the page, no table scan and no sort of every
     * registration in reach), then those rows, their certificates and their residents in one query each (not one
     * per row). The total is counted on the same index.
     */
    private static Page<MigrantDTO> page(EntityManager em, Caller caller, String where, Map<String, Object> params,
            int[] paging) {
        javax.persistence.TypedQuery<Object[]> select = em.createQuery("SELECT m.id, m.arrivalDate FROM MigrantEntity m"
                + where + " ORDER BY m.arrivalDate DESC, m.id DESC", Object[].class);
        javax.persistence.TypedQuery<Long> count = em.createQuery("SELECT COUNT(m.id) FROM MigrantEntity m" + where,
                Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Long> ids = select.setFirstResult(paging[0]).setMaxResults(paging[1]).getResultList().stream()
                .map(row -> (Long) row[0]).toList();
        return new Page<>(rows(em, caller, ids), count.getSingleResult(), paging[0], paging[1]);
    }

    /** The list rows of these ids in this order: the rows, their certificates and their residents in one query each. */
    private static List<MigrantDTO> rows(EntityManager em, Caller caller, List<Long> ids) {
        List<MigrantDTO> items = new ArrayList<>();
        if (!ids.isEmpty()) {
            Map<Long, MigrantEntity> rows = new HashMap<>();
            // read-only: the list changes nothing, and without a shared cache (every unit on PostgreSQL) EclipseLink
            // registered the batch-read certificates in the transaction, whose flush then failed comparing them
            // (NullPointerException on CertificateSeen.number; MigrantServiceImplTest.listOnUnitWithoutSharedCache)
            em.createQuery("SELECT m FROM MigrantEntity m WHERE m.id IN :ids", MigrantEntity.class)
                    .setParameter("ids", ids)
                    .setHint("eclipselink.batch", "m.certificates").setHint("eclipselink.batch.type", "IN")
                    .setHint("eclipselink.read-only", "true")
                    .getResultList().forEach(m -> rows.put(m.id, m));
            // into the persistence context: toDTO's find of each resident reads no more rows
            em.createQuery("SELECT r FROM ResidentEntity r WHERE r.id IN :ids", ResidentEntity.class)
                    .setParameter("ids", rows.values().stream().map(m -> m.residentId).distinct().toList())
                    .getResultList();
            ids.forEach(id -> items.add(toDTO(em, caller, rows.get(id), true)));
        }
        return items;
    }

    @Override
    public Optional<MigrantDTO> find(Caller caller, long id) {
        return db.tx(em -> Optional.ofNullable(em.find(MigrantEntity.class, id)).map(m -> {
            if (!visible(caller, m)) {
                throw AuditLog.denied(db, caller, TYPE, id, m.residenceCode);
            }
            return toDTO(em, caller, m, false);
        }));
    }

    @Override
    public MigrantDTO register(Caller caller, MigrantDTO in) {
        caller.require("登记流动人口", "register migrants", Role.PEOPLE_WRITERS);
        Input.body(in);
        Input.required(in.registrationCode, "registrationCode", "户籍地", "household registration place", 15);
        ResidentDTO person = new ResidentDTO();
        person.idNumber = in.idNumber;
        person.name = in.name;
        person.residenceCode = in.residenceCode;
        person.registrationCode = in.registrationCode;
        person.status = ResidenceStatus.MIGRANT;
        person.phone = in.phone;
        ResidentRules.Checked c = ResidentRules.check(person);
        if (c.registrationCode().equals(c.residenceCode())) {
            throw RenkouException.invalid("registrationCode", "流动人口的户籍地不能是现居住地。",
                    "A migrant's household registration place cannot be the place of residence.");
        }
        LocalDate arrival = pastDate(in.arrivalDate, "arrivalDate", "到达日期", "arrival date");
        List<CertificateSeen> certificates = certificates(in.certificates);
        return db.tx(em -> {
            ResidentRules.checkPlace(caller, c.residenceCode(), em.find(JurisdictionEntity.class, c.residenceCode()) != null);
            LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
            ResidentEntity r = returning(em, caller, c, arrival, now);
            if (r == null) {
                r = new ResidentEntity();
                ResidentServiceImpl.apply(c, r);
                r.createdAt = now;
                r.updatedAt = now;
                em.persist(r);
                em.flush();
                AuditLog.write(em, caller, AuditAction.CREATE, ResidentServiceImpl.TYPE, r.id, r.residenceCode,
                        AuditLog.diff(Map.of(), r.auditView()), null);
            }

            MigrantEntity m = new MigrantEntity();
            m.residentId = r.id;
            m.registrationCode = r.registrationCode;
            m.residenceCode = r.residenceCode;
            m.responsibleCode = r.residenceCode;
            m.arrivalDate = arrival;
            m.certificates = certificates;
            m.status = MigrantStatus.PRESENT;
            m.createdAt = now;
            m.updatedAt = now;
            em.persist(m);
            em.flush();
            AuditLog.write(em, caller, AuditAction.CREATE, TYPE, m.id, m.residenceCode,
                    AuditLog.diff(Map.of(), m.auditView()), null);
            return toDTO(em, caller, m, false);
        });
    }

    /**
     * The person of a new stay when the ID number is on record already: a migrant whose every earlier stay ended
     * (离开) comes back — the same person row, moved to the new place, with the new stay beside the old ones. Anyone
     * else on record (a present migrant, a registered resident, a household member) stays a conflict: the office that
     * keeps that record changes it. Null when the ID number is new.
     */
    private static ResidentEntity returning(EntityManager em, Caller caller, ResidentRules.Checked c, LocalDate arrival,
            LocalDateTime now) {
        List<ResidentEntity> known = em.createNamedQuery(ResidentEntity.BY_ID_NUMBER, ResidentEntity.class)
                .setParameter("n", c.id().number()).getResultList();
        if (known.isEmpty()) {
            return null;
        }
        ResidentEntity r = known.get(0);
        List<MigrantEntity> stays = em.createNamedQuery(MigrantEntity.BY_RESIDENT, MigrantEntity.class)
                .setParameter("r", r.id).getResultList();
        if (r.status != ResidenceStatus.MIGRANT || r.householdId != null || stays.isEmpty()
                || stays.stream().anyMatch(s -> s.status != MigrantStatus.DEPARTED)) {
            throw RenkouException.conflict("idNumber", "身份证号码 " + CitizenId.mask(c.id().number()) + " 已登记。",
                    "ID number " + CitizenId.mask(c.id().number()) + " is registered already.");
        }
        if (!r.name.equals(c.name())) {
            throw RenkouException.conflict("name", "该身份证号码登记的姓名与所填不同，请核对证件。",
                    "The name on record for this ID number differs; check the identity card.");
        }
        LocalDate left = stays.stream().map(s -> s.departureDate).max(LocalDate::compareTo).orElseThrow();
        if (arrival.isBefore(left)) {
            throw RenkouException.invalid("arrivalDate", "到达日期不能早于上次离开日期（" + left + "）。",
                    "The arrival date cannot be before the last departure (" + left + ").");
        }
        Map<String, Object> before = r.auditView();
        r.residenceCode = c.residenceCode();
        r.registrationCode = c.registrationCode();
        if (c.phone() != null) {
            r.phone = c.phone();
        }
        r.updatedAt = now;
        em.flush();
        AuditLog.write(em, caller, AuditAction.UPDATE, ResidentServiceImpl.TYPE, r.id, r.residenceCode,
                AuditLog.diff(before, r.auditView()), "流动人口再次登记 / registered again as a migrant");
        return r;
    }

    @Override
    public MigrantDTO update(Caller caller, long id, MigrantDTO in) {
        caller.require("修改流动人口信息", "change migrant records", Role.PEOPLE_WRITERS);
        long version = Input.present(in == null ? null : in.version, "version", "版本号", "version");
        LocalDate arrival = pastDate(in.arrivalDate, "arrivalDate", "到达日期", "arrival date");
        List<CertificateSeen> certificates = certificates(in.certificates);
        return change(caller, id, version, null, (em, m) -> {
            if (m.departureDate != null && arrival.isAfter(m.departureDate)) {
                throw RenkouException.invalid("arrivalDate", "到达日期不能晚于离开日期。",
                        "The arrival date cannot be after the departure date.");
            }
            m.arrivalDate = arrival;
            m.certificates.clear();
            m.certificates.addAll(certificates);
        });
    }

    @Override
    public MigrantDTO depart(Caller caller, long id, DepartureDTO in) {
        caller.require("登记流动人口离开", "record departures", Role.PEOPLE_WRITERS);
        long version = Input.present(in == null ? null : in.version, "version", "版本号", "version");
        LocalDate date = pastDate(in.departureDate, "departureDate", "离开日期", "departure date");
        String destination = Input.trimToNull(in.destinationCode);
        if (destination != null && !ResidentRules.REGION_CODE.matcher(destination).matches()) {
            throw RenkouException.invalid("destinationCode", "去向地代码应为 6、9、12 或 15 位数字。",
                    "The destination code must have 6, 9, 12 or 15 digits.");
        }
        String note = Input.optional(in.destinationNote, "destinationNote", "去向说明", "destination note", 200);
        return change(caller, id, version, null, (em, m) -> {
            if (m.status == MigrantStatus.DEPARTED) {
                throw RenkouException.conflict("departureDate", "已登记离开（" + m.departureDate + "）。",
                        "The departure is recorded already (" + m.departureDate + ").");
            }
            if (date.isBefore(m.arrivalDate)) {
                throw RenkouException.invalid("departureDate", "离开日期不能早于到达日期。",
                        "The departure date cannot be before the arrival date.");
            }
            m.status = MigrantStatus.DEPARTED;
            m.departureDate = date;
            m.destinationCode = destination;
            m.destinationNote = note;
        });
    }

    @Override
    public HandoverDTO handOver(Caller caller, long id, HandoverDTO in) {
        caller.require("移交流动人口", "hand migrant records over", Role.PEOPLE_WRITERS);
        long version = Input.present(in == null ? null : in.version, "version", "版本号", "version");
        HandoverKind kind = Input.present(in.kind, "kind", "移交类型", "kind of handover");
        String to = Input.required(in.toCode, "toCode", "接收地", "receiving jurisdiction", 15);
        JurisdictionLevel level = JurisdictionLevel.ofCodeFor(to, "toCode");
        if (kind == HandoverKind.RESIDENCE_MOVE && level != JurisdictionLevel.COMMUNITY
                && level != JurisdictionLevel.GROUP) {
            throw RenkouException.invalid("toCode", "迁居的新居住地应为社区/村或居民小组。",
                    "A move must be to a community/village or a resident group.");
        }
        String reason = Input.required(in.reason, "reason", "移交原因", "reason", 500);
        MigrantHandoverEntity h = new MigrantHandoverEntity();
        change(caller, id, version, reason, (em, m) -> {
            if (em.find(JurisdictionEntity.class, to) == null) {
                throw RenkouException.invalid("toCode", "接收地 " + to + " 不存在。", "Jurisdiction " + to + " does not exist.");
            }
            if (m.status == MigrantStatus.DEPARTED) {
                throw RenkouException.conflict("status", "该流动人口已离开，不能移交。",
                        "The migrant has left; the record cannot be handed over.");
            }
            String from = kind == HandoverKind.RESIDENCE_MOVE ? m.residenceCode : m.responsibleCode;
            if (from.equals(to)) {
                throw RenkouException.invalid("toCode", "接收地与当前相同。", "The receiving jurisdiction is the current one.");
            }
            if (kind == HandoverKind.RESIDENCE_MOVE) {
                m.residenceCode = to;
                ResidentEntity r = em.find(ResidentEntity.class, m.residentId);
                Map<String, Object> before = r.auditView();
                r.residenceCode = to;
                r.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
                AuditLog.write(em, caller, AuditAction.UPDATE, ResidentServiceImpl.TYPE, r.id, to,
                        AuditLog.diff(before, r.auditView()), reason);
            }
            m.responsibleCode = to;
            h.migrantId = m.id;
            h.kind = kind;
            h.fromCode = from;
            h.toCode = to;
            h.actor = caller.username();
            h.at = LocalDateTime.now(ZoneOffset.UTC);
            h.reason = reason;
            em.persist(h);
        });
        return toDTO(h);
    }

    @Override
    public List<HandoverDTO> handovers(Caller caller, long id) {
        return db.tx(em -> {
            visibleOrFail(em, caller, id);
            return handovers(em, id);
        });
    }

    @Override
    public MigrantNoteDTO addNote(Caller caller, long id, MigrantNoteDTO in) {
        caller.require("添加流动人口备注", "add notes to migrant records", Role.PEOPLE_WRITERS);
        Input.body(in);
        String text = Input.required(in.text, "text", "备注内容", "text", 2000);
        return db.tx(em -> {
            MigrantEntity m = visibleOrFail(em, caller, id);
            if (in.replyTo != null) {
                MigrantNoteEntity to = em.find(MigrantNoteEntity.class, in.replyTo);
                if (to == null || !to.migrantId.equals(m.id)) {
                    throw RenkouException.invalid("replyTo", "所回复的备注不属于该记录。",
                            "The note replied to does not belong to this record.");
                }
            }
            MigrantNoteEntity n = new MigrantNoteEntity();
            n.migrantId = m.id;
            n.replyTo = in.replyTo;
            n.author = caller.username();
            n.sideCode = side(caller, m);
            n.at = LocalDateTime.now(ZoneOffset.UTC);
            n.text = text;
            em.persist(n);
            em.flush();
            AuditLog.write(em, caller, AuditAction.CREATE, "migrant-note", n.id, n.sideCode,
                    AuditLog.diff(Map.of(), Map.of("migrantId", m.id, "replyTo", String.valueOf(n.replyTo))), null);
            return toDTO(n);
        });
    }

    /** Visible to the residence (现居住地), the responsible office and the registration place (户籍地). */
    public static boolean visible(Caller caller, MigrantEntity m) {
        return caller.coversAny(m.residenceCode, m.responsibleCode, m.registrationCode);
    }

    /** The side the caller acts for: the responsible office if covered, else the residence, else the registration place. */
    private static String side(Caller caller, MigrantEntity m) {
        for (String code : new String[] {m.responsibleCode, m.residenceCode, m.registrationCode}) {
            if (caller.covers(code)) {
                return code;
            }
        }
        return null;
    }

    private MigrantEntity visibleOrFail(EntityManager em, Caller caller, long id) {
        MigrantEntity m = em.find(MigrantEntity.class, id);
        if (m == null) {
            throw Scope.notFound(TYPE, id);
        }
        if (!visible(caller, m)) {
            throw AuditLog.denied(db, caller, TYPE, id, m.residenceCode);
        }
        return m;
    }

    /** The stay data is kept by the responsible office; the registration place may read it but not change it. */
    private MigrantEntity editableOrFail(EntityManager em, Caller caller, long id) {
        MigrantEntity m = visibleOrFail(em, caller, id);
        if (!caller.covers(m.responsibleCode)) {
            throw RenkouException.forbidden("只有现居住地（负责单位 " + m.responsibleCode + "）可以修改流动人口的居住信息。",
                    "Only the place of residence (responsible office " + m.responsibleCode
                            + ") may change a migrant's stay data.");
        }
        return m;
    }

    /** One audited change of a record the caller may edit, at the version the caller read. */
    private MigrantDTO change(Caller caller, long id, long version, String reason,
            BiConsumer<EntityManager, MigrantEntity> edit) {
        return db.tx(em -> {
            MigrantEntity m = editableOrFail(em, caller, id);
            if (m.version != version) {
                throw Database.staleVersion();
            }
            Map<String, Object> before = m.auditView();
            edit.accept(em, m);
            m.updatedAt = LocalDateTime.now(ZoneOffset.UTC);
            em.flush();
            AuditLog.write(em, caller, AuditAction.UPDATE, TYPE, id, m.residenceCode,
                    AuditLog.diff(before, m.auditView()), reason);
            return toDTO(em, caller, m, false);
        });
    }

    private LocalDate pastDate(LocalDate date, String field, String labelZh, String labelEn) {
        Input.present(date, field, labelZh, labelEn);
        if (date.isAfter(LocalDate.now(clock))) {
            throw RenkouException.invalid(field, labelZh + "不能晚于今天。", "The " + labelEn + " cannot be in the future.");
        }
        return date;
    }

    private List<CertificateSeen> certificates(List<CertificateSeenDTO> in) {
        List<CertificateSeen> out = new ArrayList<>();
        if (in == null) {
            return out;
        }
        if (in.size() > MAX_CERTIFICATES) {
            throw RenkouException.invalid("certificates", "证件不能超过 " + MAX_CERTIFICATES + " 个。",
                    "At most " + MAX_CERTIFICATES + " certificates.");
        }
        for (int i = 0; i < in.size(); i++) {
            String f = "certificates[" + i + "]";
            CertificateSeenDTO d = Input.present(in.get(i), f, "证件", "certificate");
            CertificateSeen c = new CertificateSeen();
            c.type = Input.present(d.type, f + ".type", "证件类型", "certificate type");
            c.number = Input.required(d.number, f + ".number", "证件编号", "certificate number", 40);
            c.seenOn = pastDate(d.seenOn, f + ".seenOn", "验证日期", "date seen");
            out.add(c);
        }
        return out;
    }

    private static List<HandoverDTO> handovers(EntityManager em, long id) {
        return em.createNamedQuery(MigrantHandoverEntity.OF_MIGRANT, MigrantHandoverEntity.class)
                .setParameter("m", id).getResultList().stream().map(MigrantServiceImpl::toDTO).toList();
    }

    private static MigrantDTO toDTO(EntityManager em, Caller caller, MigrantEntity m, boolean list) {
        ResidentEntity r = em.find(ResidentEntity.class, m.residentId);
        MigrantDTO d = new MigrantDTO();
        d.id = m.id;
        d.residentId = m.residentId;
        d.idNumber = list ? CitizenId.mask(r.idNumber) : r.idNumber;
        d.name = r.name;
        d.sex = r.sex;
        d.birthDate = r.birthDate;
        d.phone = list ? null : r.phone;
        d.registrationCode = m.registrationCode;
        d.residenceCode = m.residenceCode;
        d.responsibleCode = m.responsibleCode;
        d.arrivalDate = m.arrivalDate;
        for (CertificateSeen c : m.certificates) {
            CertificateSeenDTO cd = new CertificateSeenDTO();
            cd.type = c.type;
            cd.number = c.number;
            cd.seenOn = c.seenOn;
            d.certificates.add(cd);
        }
        d.status = m.status;
        d.departureDate = m.departureDate;
        d.destinationCode = m.destinationCode;
        d.destinationNote = m.destinationNote;
        if (!list) {
            d.handovers = handovers(em, m.id);
            d.notes = em.createNamedQuery(MigrantNoteEntity.OF_MIGRANT, MigrantNoteEntity.class)
                    .setParameter("m", m.id).getResultList().stream().map(MigrantServiceImpl::toDTO).toList();
        }
        d.editable = caller.covers(m.responsibleCode);
        d.version = m.version;
        return d;
    }

    private static HandoverDTO toDTO(MigrantHandoverEntity h) {
        HandoverDTO d = new HandoverDTO();
        d.id = h.id;
        d.kind = h.kind;
        d.fromCode = h.fromCode;
        d.toCode = h.toCode;
        d.by = h.actor;
        d.at = h.at.toInstant(ZoneOffset.UTC);
        d.reason = h.reason;
        return d;
    }

    private static MigrantNoteDTO toDTO(MigrantNoteEntity n) {
        MigrantNoteDTO d = new MigrantNoteDTO();
        d.id = n.id;
        d.text = n.text;
        d.replyTo = n.replyTo;
        d.by = n.author;
        d.side = n.sideCode;
        d.at = n.at.toInstant(ZoneOffset.UTC);
        return d;
    }
}
