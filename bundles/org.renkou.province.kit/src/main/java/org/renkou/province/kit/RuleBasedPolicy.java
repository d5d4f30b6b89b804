package org.renkou.province.kit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.renkou.core.api.benefit.BenefitScheme;
import org.renkou.core.api.certificate.CertificateType;
import org.renkou.core.api.province.Entitlement;
import org.renkou.core.api.province.FamilyFacts;
import org.renkou.core.api.province.FormDefinition;
import org.renkou.core.api.province.LeaveEntitlement;
import org.renkou.core.api.province.PolicyRegistry;
import org.renkou.core.api.province.RegionalPolicy;

/**
 * A {@link RegionalPolicy} built from policy data files: the standard schemes that have a value in the data, the
 * leave entitlements, the province's forms, and numbering {@code <numberPrefix>-<year>-<000001>}. A province bundle
 * extends it with a DS component (see the Guangdong bundle); {@link #register} publishes the schemes and the
 * certificate types as services beside the policy, {@link #unregister} withdraws them.
 */
public class RuleBasedPolicy implements RegionalPolicy {

    /**
     * Who the province is.
     *
     * @param code         two-digit GB/T 2260 code
     * @param prefix       scheme and form id prefix, e.g. {@code gd}
     * @param numberPrefix certificate number prefix, e.g. {@code GD}
     */
    public record Province(String code, String nameZh, String nameEn, String prefix, String numberPrefix) {
    }

    private static final List<String> KINDS = List.of(Decisions.CHILDCARE, Decisions.REWARD,
            Decisions.SPECIAL_DEATH_URBAN, Decisions.SPECIAL_DEATH_RURAL, Decisions.SPECIAL_DISABILITY_URBAN,
            Decisions.SPECIAL_DISABILITY_RURAL, Decisions.ONE_CHILD_GLORY);

    private final Province province;
    private final PolicyRegistry registry;
    private final PolicyRules rules;
    private final Decisions decisions;
    private final List<BenefitScheme> schemes;
    private final List<FormDefinition> forms;
    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();

    public RuleBasedPolicy(Province province, PolicyRules rules, PolicyRegistry registry, List<FormDefinition> forms) {
        this.province = province;
        this.registry = registry;
        this.rules = rules;
        this.decisions = new Decisions(rules, province.prefix());
        this.forms = List.copyOf(forms);
        // a scheme is offered only if the data holds a value for it ("leave the value empty and the scheme inactive")
        this.schemes = KINDS.stream().filter(k -> rules.all().stream()
                .anyMatch(r -> r.key().equals(RuleScheme.amountKey(k)) && r.value() != null))
                .map(k -> new RuleScheme(province.code(), province.prefix(), k, rules, registry))
                .collect(Collectors.toList());
    }

    /** Publishes the schemes ({@link BenefitScheme}) and certificate types ({@link CertificateType}) as services. */
    public final void register(BundleContext context) {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(org.renkou.core.api.Province.PROPERTY, province.code());
        for (BenefitScheme s : schemes) {
            registrations.add(context.registerService(BenefitScheme.class, s, props));
        }
        for (FormDefinition f : forms) {
            if (f.certificate()) {
                registrations.add(context.registerService(CertificateType.class, new Type(f), props));
            }
        }
    }

    /** Withdraws what {@link #register} published. */
    public final void unregister() {
        registrations.forEach(r -> {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the bundle is stopping: the framework unregistered it already
            }
        });
        registrations.clear();
    }

    /** The data this policy decides on. */
    public PolicyRules rules() {
        return rules;
    }

    @Override
    public String provinceCode() {
        return province.code();
    }

    @Override
    public String nameZh() {
        return province.nameZh();
    }

    @Override
    public String nameEn() {
        return province.nameEn();
    }

    @Override
    public List<BenefitScheme> benefitSchemes() {
        return schemes;
    }

    @Override
    public List<Entitlement> entitlements(FamilyFacts family, LocalDate date) {
        return decisions.all(family, date);
    }

    /** One scheme's decision ({@link Decisions} kind, e.g. {@code childcare-subsidy}); empty when no rule is in force. */
    public Optional<Entitlement> decide(String kind, FamilyFacts family, LocalDate date) {
        return decisions.decide(kind, family, date);
    }

    @Override
    public List<LeaveEntitlement> leaveEntitlements(LocalDate date) {
        return Leaves.inForce(rules, date);
    }

    @Override
    public List<FormDefinition> forms() {
        return forms;
    }

    @Override
    public String certificateNumber(String formKey, int year, long sequence) {
        return province.numberPrefix() + "-" + year + "-" + String.format("%06d", sequence);
    }

    @Override
    public RegionalPolicy withCandidate(String fileName, String content) {
        return new RuleBasedPolicy(province, rules.withCandidate(province.code(),
                new PolicyRules.DataFile(fileName, content)), registry, forms);
    }

    /** A certificate form as the core's {@link CertificateType}. */
    private record Type(FormDefinition form) implements CertificateType {
        @Override
        public String key() {
            return form.key();
        }

        @Override
        public String nameZh() {
            return form.nameZh();
        }

        @Override
        public String nameEn() {
            return form.nameEn();
        }
    }
}
