package org.renkou.province.kit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import org.renkou.core.api.benefit.AmountPeriod;
import org.renkou.core.api.benefit.ApprovalStep;
import org.renkou.core.api.benefit.BenefitScheme;
import org.renkou.core.api.benefit.Eligibility;
import org.renkou.core.api.benefit.ReviewLevel;
import org.renkou.core.api.household.HouseholdDTO;
import org.renkou.core.api.province.PolicyRegistry;
import org.renkou.core.api.resident.ResidentDTO;

/**
 * One standard scheme of a province as a {@link BenefitScheme} for the core's application workflow: eligibility from
 * the applicant's recorded family ({@link PolicyRegistry#familyFacts}) by {@link Decisions}, the monthly amount per
 * person (per child for 育儿补贴) in force on the date.
 */
final class RuleScheme implements BenefitScheme {
    /**
     * Community review, street review, county approval. POLICY-FACTS gives no public-notice days, so none are set
     * (0) until a province supplies them.
     */
    private static final List<ApprovalStep> CHAIN = List.of(new ApprovalStep(ReviewLevel.COMMUNITY, 0),
            new ApprovalStep(ReviewLevel.STREET, 0), new ApprovalStep(ReviewLevel.COUNTY, 0));

    private final String province;
    private final String prefix;
    private final String kind;
    private final PolicyRules rules;
    private final Decisions decisions;
    private final PolicyRegistry registry;

    RuleScheme(String province, String prefix, String kind, PolicyRules rules, PolicyRegistry registry) {
        this.province = province;
        this.prefix = prefix;
        this.kind = kind;
        this.rules = rules;
        this.decisions = new Decisions(rules, prefix);
        this.registry = registry;
    }

    /** The rule key of the scheme's amount. */
    static String amountKey(String kind) {
        switch (kind) {
            case Decisions.CHILDCARE: return "benefit.childcare-subsidy.yearly";
            case Decisions.REWARD: return "benefit.reward-support.yearly";
            case Decisions.ONE_CHILD_GLORY: return "benefit.one-child-glory.monthly";
            default: return "benefit." + kind.replaceFirst("^special-support-(\\w+)-(\\w+)$", "special-support.$1.$2");
        }
    }

    @Override
    public String id() {
        return prefix + "-" + kind;
    }

    @Override
    public String provinceCode() {
        return province;
    }

    @Override
    public String nameZh() {
        return Decisions.names(kind)[0];
    }

    @Override
    public String nameEn() {
        return Decisions.names(kind)[1];
    }

    @Override
    public List<ApprovalStep> approvalChain() {
        return CHAIN;
    }

    @Override
    public Eligibility eligibility(ResidentDTO resident, HouseholdDTO household, LocalDate date) {
        return decisions.decide(kind, registry.familyFacts(resident.id), date)
                .map(e -> new Eligibility(e.eligible(), e.reasonZh(), e.reasonEn()))
                .orElse(Eligibility.no("该日期没有有效的政策规定", "no rule of this scheme is in force on the date"));
    }

    @Override
    public BigDecimal amount(LocalDate date) {
        String key = amountKey(kind);
        return rules.inForce(key, date).map(r -> key.endsWith(".yearly")
                ? r.value().divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP) : r.value())
                .orElse(BigDecimal.ZERO);
    }

    @Override
    public AmountPeriod amountPeriod() {
        return AmountPeriod.MONTHLY;
    }
}
