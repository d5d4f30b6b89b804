package org.renkou.core.internal.benefit;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.core.api.Province;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.benefit.BenefitScheme;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benefit schemes (扶助/补贴项目) of the active province bundles, keyed by {@link BenefitScheme#id()}. A scheme
 * whose {@value Province#PROPERTY} service property disagrees with its own province code is ignored
 * (and logged): the property is what administrators see when they switch provinces.
 */
@Component(service = BenefitSchemes.class)
public class BenefitSchemes {
    private static final Logger LOG = LoggerFactory.getLogger(BenefitSchemes.class);

    private static final Pattern ID = Pattern.compile("[a-z0-9-]{1,60}");

    private final Map<String, BenefitScheme> byId = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addScheme(BenefitScheme scheme, Map<String, Object> properties) {
        Object province = properties.get(Province.PROPERTY);
        if (province == null || !province.toString().equals(scheme.provinceCode())) {
            LOG.warn("Benefit scheme {} ignored: service property {}={} does not match its province code {}",
                    scheme.id(), Province.PROPERTY, province, scheme.provinceCode());
            return;
        }
        String problem = problem(scheme);
        if (problem != null) {
            LOG.warn("Benefit scheme {} ignored: {}", scheme.id(), problem);
            return;
        }
        byId.put(scheme.id(), scheme);
    }

    /** What in a scheme's description would not fit the application table, or null. */
    private static String problem(BenefitScheme s) {
        if (s.id() == null || !ID.matcher(s.id()).matches()) {
            return "id must be 1 to 60 lower-case letters, digits or '-'";
        }
        if (s.provinceCode() == null || !s.provinceCode().matches("\\d{2}")) {
            return "province code must have two digits";
        }
        if (blankOrLonger(s.nameZh(), 100) || blankOrLonger(s.nameEn(), 200)) {
            return "names must be given, at most 100 (zh) and 200 (en) characters";
        }
        if (s.approvalChain() == null || s.approvalChain().isEmpty()
                || s.approvalChain().stream().anyMatch(java.util.Objects::isNull)) {
            return "the approval chain needs at least one step";
        }
        return s.amountPeriod() == null ? "the amount period is missing" : null;
    }

    private static boolean blankOrLonger(String s, int max) {
        return s == null || s.isBlank() || s.length() > max;
    }

    void removeScheme(BenefitScheme scheme) {
        byId.values().remove(scheme);
    }

    Optional<BenefitScheme> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(byId.get(id));
    }

    /** The scheme, or UNAVAILABLE: its province bundle is not active (the data stays as it is). */
    BenefitScheme active(String id, String provinceCode) {
        return find(id).orElseThrow(() -> RenkouException.unavailable(
                "省级模块未启用（省份代码 " + provinceCode + "，项目 " + id + "），暂不能办理，已有数据不受影响。",
                "Province module not active (province " + provinceCode + ", scheme " + id
                        + "); nothing can be decided until it is, and existing data is untouched."));
    }

    List<BenefitScheme> all() {
        return byId.values().stream().sorted(Comparator.comparing(BenefitScheme::id)).collect(Collectors.toList());
    }
}
