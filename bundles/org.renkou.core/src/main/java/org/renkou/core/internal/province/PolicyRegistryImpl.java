package org.renkou.core.internal.province;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Province;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.certificate.CertificateStatus;
import org.renkou.core.api.province.Entitlement;
import org.renkou.core.api.province.FamilyFacts;
import org.renkou.core.api.province.PolicyRegistry;
import org.renkou.core.api.province.RegionalPolicy;
import org.renkou.core.api.province.WhatIfDTO;
import org.renkou.core.api.resident.HukouNature;
import org.renkou.core.api.resident.VitalStatus;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.registration.BirthEntity;
import org.renkou.core.internal.registration.MarriageEntity;
import org.renkou.core.internal.resident.ResidentEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active regional policies (省级政策) keyed by their {@value Province#PROPERTY} service property.
 * A policy whose property disagrees with its own code is ignored with a warning, as for benefit schemes. When a
 * replacement bundle registers a second policy for a province, the newest serves; when it goes, the one before
 * serves again.
 */
@Component(service = PolicyRegistry.class)
public class PolicyRegistryImpl implements PolicyRegistry {
    private static final Logger LOG = LoggerFactory.getLogger(PolicyRegistryImpl.class);

    /** In registration order; the last one of a province serves it. */
    private final List<RegionalPolicy> registered = new CopyOnWriteArrayList<>();
    private final Database db;

    @Activate
    public PolicyRegistryImpl(@Reference CoreDatabase database) {
        this(database.database());
    }

    PolicyRegistryImpl(Database db) {
        this.db = db;
    }

    /** Outside OSGi (tests in other packages, tools): on a plain {@link Database}; SCR sees only the constructor above. */
    public static PolicyRegistryImpl on(Database db) {
        return new PolicyRegistryImpl(db);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addPolicy(RegionalPolicy policy, Map<String, Object> properties) {
        Object province = properties.get(Province.PROPERTY);
        if (province == null || !province.toString().equals(policy.provinceCode())
                || !policy.provinceCode().matches("\\d{2}")) {
            LOG.warn("Regional policy ignored: service property {}={} does not match its province code {}",
                    Province.PROPERTY, province, policy.provinceCode());
            return;
        }
        boolean replacing = serving(policy.provinceCode()) != null;
        registered.add(policy);
        LOG.info("Regional policy of province {} ({}) {}", policy.provinceCode(), policy.nameEn(),
                replacing ? "replaces the one before" : "active");
    }

    public void removePolicy(RegionalPolicy policy) {
        registered.remove(policy);
    }

    private RegionalPolicy serving(String province) {
        RegionalPolicy last = null;
        for (RegionalPolicy p : registered) {
            if (p.provinceCode().equals(province)) {
                last = p;
            }
        }
        return last;
    }

    @Override
    public Optional<RegionalPolicy> find(String jurisdictionCode) {
        return Optional.ofNullable(serving(province(jurisdictionCode)));
    }

    @Override
    public RegionalPolicy require(String jurisdictionCode) {
        String province = province(jurisdictionCode);
        RegionalPolicy p = serving(province);
        if (p == null) {
            throw RenkouException.unavailable("省级模块未启用（省份代码 " + province + "），暂不能办理，已有数据不受影响。",
                    "Province module not active (province " + province + "); existing data is untouched.");
        }
        return p;
    }

    private static String province(String jurisdictionCode) {
        if (jurisdictionCode == null || !jurisdictionCode.matches("\\d{2,15}")) {
            throw RenkouException.invalid("jurisdiction", "行政区划代码应为 2 至 15 位数字。",
                    "A jurisdiction code has 2 to 15 digits.");
        }
        return jurisdictionCode.substring(0, 2);
    }

    @Override
    public List<RegionalPolicy> active() {
        return registered.stream().map(RegionalPolicy::provinceCode).distinct().sorted().map(this::serving)
                .collect(Collectors.toList());
    }

    @Override
    public FamilyFacts familyFacts(long residentId) {
        return db.read(em -> {
            ResidentEntity r = em.find(ResidentEntity.class, residentId);
            if (r == null) {
                throw RenkouException.notFound("residentId", "没有这位居民。", "No such resident.");
            }
            return facts(em, r);
        });
    }

    @Override
    public WhatIfDTO whatIf(Caller caller, String jurisdictionCode, String fileName, String content, LocalDate date) {
        caller.require("预演政策调整", "run a policy what-if", Role.ADMIN, Role.DIRECTOR, Role.FAMILY_SERVICES);
        RegionalPolicy current = require(jurisdictionCode);
        if (!caller.covers(jurisdictionCode)) {
            throw RenkouException.invalid("jurisdiction", "该行政区划不在您的辖区内。",
                    "The jurisdiction lies outside your jurisdictions.");
        }
        if (content == null || content.isBlank()) {
            throw RenkouException.invalid("file", "请提交新的政策数据文件。", "Send the new policy data file.");
        }
        String name = fileName == null || fileName.isBlank() ? "candidate.json" : fileName.strip();
        RegionalPolicy candidate = current.withCandidate(name, content);
        WhatIfDTO out = new WhatIfDTO();
        out.provinceCode = current.provinceCode();
        out.jurisdictionCode = jurisdictionCode;
        out.fileName = name;
        out.date = date;
        db.read(em -> {
            List<ResidentEntity> residents = em.createQuery("SELECT r FROM ResidentEntity r WHERE r.residenceCode "
                    + "LIKE :p ORDER BY r.id", ResidentEntity.class).setParameter("p", jurisdictionCode + "%")
                    .getResultList();
            for (ResidentEntity r : residents) {
                FamilyFacts f = facts(em, r);
                out.residents++;
                compare(r, current.entitlements(f, date), candidate.entitlements(f, date), out.changes);
            }
            return null;
        });
        return out;
    }

    private static void compare(ResidentEntity r, List<Entitlement> before, List<Entitlement> after,
            List<WhatIfDTO.Change> changes) {
        Map<String, Entitlement> was = before.stream().collect(Collectors.toMap(Entitlement::schemeId, e -> e));
        Map<String, Entitlement> will = after.stream().collect(Collectors.toMap(Entitlement::schemeId, e -> e));
        java.util.Set<String> ids = new java.util.TreeSet<>(was.keySet());
        ids.addAll(will.keySet());
        for (String id : ids) {
            Entitlement b = was.get(id);
            Entitlement a = will.get(id);
            boolean eligibleBefore = b != null && b.eligible();
            boolean eligibleAfter = a != null && a.eligible();
            String change = eligibleBefore == eligibleAfter
                    ? (eligibleBefore && !sameAmounts(b, a) ? "AMOUNT" : null)
                    : eligibleAfter ? "GAINS" : "LOSES";
            if (change != null) {
                WhatIfDTO.Change c = new WhatIfDTO.Change();
                c.residentId = r.id;
                c.name = r.name;
                c.idNumber = org.renkou.core.api.CitizenId.mask(r.idNumber);
                c.schemeId = id;
                c.schemeNameZh = (a != null ? a : b).nameZh();
                c.change = change;
                c.before = b;
                c.after = a;
                changes.add(c);
            }
        }
    }

    private static boolean sameAmounts(Entitlement a, Entitlement b) {
        return java.util.Objects.equals(a.monthlyAmount(), b.monthlyAmount())
                && java.util.Objects.equals(a.totalAmount(), b.totalAmount());
    }

    /**
     * The facts from the records: rural from the person's 户口性质 ({@code null} when not recorded), each child of
     * their birth registrations living, disabled or deceased as the child's resident record says (a child without a
     * resident record counts as living). A disability counts for the schemes (伤残三级以上) at grade 1 to 3 or when no
     * grade is recorded; grade 4 does not.
     */
    static FamilyFacts facts(EntityManager em, ResidentEntity r) {
        List<FamilyFacts.Child> children = em.createQuery("SELECT b FROM BirthEntity b WHERE b.motherId = :p "
                + "OR b.fatherId = :p ORDER BY b.childBirthDate", BirthEntity.class).setParameter("p", r.id)
                .getResultList().stream()
                .map(b -> new FamilyFacts.Child(b.childBirthDate, b.childSex,
                        childStatus(b.childId == null ? null : em.find(ResidentEntity.class, b.childId))))
                .collect(Collectors.toList());
        boolean oneChild = em.createQuery("SELECT c.typeKey FROM CertificateEntity c JOIN c.holderIds h "
                + "WHERE h = :p AND c.status = :valid", String.class).setParameter("p", r.id)
                .setParameter("valid", CertificateStatus.VALID).getResultList().stream()
                .anyMatch(type -> type.contains("one-child"));
        LocalDate spouseBirthDate = em.createNamedQuery(MarriageEntity.CURRENT_OF, MarriageEntity.class)
                .setParameter("p", r.id).getResultList().stream().findFirst()
                .map(m -> em.find(ResidentEntity.class, r.id.equals(m.partyAId) ? m.partyBId : m.partyAId))
                .map(s -> s.birthDate).orElse(null);
        Boolean rural = r.hukouNature == null ? null : r.hukouNature == HukouNature.RURAL;
        return new FamilyFacts(r.birthDate, r.sex, spouseBirthDate, r.registrationCode, rural, oneChild, children);
    }

    static FamilyFacts.ChildStatus childStatus(ResidentEntity child) {
        if (child == null || child.vitalStatus == null || child.vitalStatus == VitalStatus.LIVING) {
            return FamilyFacts.ChildStatus.LIVING;
        }
        if (child.vitalStatus == VitalStatus.DECEASED) {
            return FamilyFacts.ChildStatus.DECEASED;
        }
        return child.disabilityGrade == null || child.disabilityGrade <= 3 ? FamilyFacts.ChildStatus.DISABLED
                : FamilyFacts.ChildStatus.LIVING;
    }
}
