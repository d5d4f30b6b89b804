package org.renkou.province.kit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.renkou.core.api.Sex;
import org.renkou.core.api.province.Entitlement;
import org.renkou.core.api.province.FamilyFacts;
import org.renkou.core.api.province.FamilyFacts.Child;
import org.renkou.core.api.province.FamilyFacts.ChildStatus;
import org.renkou.core.api.province.PolicySource;

/**
 * The standard schemes' eligibility rules, decided from {@link FamilyFacts} and the {@link PolicyRules} in force on
 * a date. Every decision carries the reason (zh/en) and the rule's source; a scheme whose value is not in force (or
 * unknown) on the date gives no decision at all. Amounts come only from the data files.
 */
public final class Decisions {
    /** Scheme kinds; a province's scheme id is {@code <prefix>-<kind>}. */
    public static final String CHILDCARE = "childcare-subsidy";
    public static final String REWARD = "reward-support";
    public static final String SPECIAL_DEATH_URBAN = "special-support-death-urban";
    public static final String SPECIAL_DEATH_RURAL = "special-support-death-rural";
    public static final String SPECIAL_DISABILITY_URBAN = "special-support-disability-urban";
    public static final String SPECIAL_DISABILITY_RURAL = "special-support-disability-rural";
    public static final String ONE_CHILD_GLORY = "one-child-glory";

    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private final PolicyRules rules;
    private final String prefix;

    public Decisions(PolicyRules rules, String prefix) {
        this.rules = rules;
        this.prefix = prefix;
    }

    /** Every scheme's decision for the family on {@code date}, the schemes with no rule in force left out. */
    public List<Entitlement> all(FamilyFacts f, LocalDate date) {
        List<Entitlement> out = new ArrayList<>();
        childcare(f, date).ifPresent(out::add);
        reward(f, date).ifPresent(out::add);
        special(f, date).ifPresent(out::add);
        oneChildGlory(f, date).ifPresent(out::add);
        return out;
    }

    /** The decision of scheme kind {@code kind} (see the constants). */
    public Optional<Entitlement> decide(String kind, FamilyFacts f, LocalDate date) {
        switch (kind) {
            case CHILDCARE: return childcare(f, date);
            case REWARD: return reward(f, date);
            case ONE_CHILD_GLORY: return oneChildGlory(f, date);
            default:
                return special(f, date).map(e -> e.schemeId().equals(prefix + "-" + kind) ? e
                        : no(kind, e.source(), e.eligible() ? "属于特别扶助的另一情形（" + e.schemeId() + "）" : e.reasonZh(),
                                e.eligible() ? "another special-support case (" + e.schemeId() + ")" : e.reasonEn()));
        }
    }

    /** The scheme's names (zh, en) by kind. */
    public static String[] names(String kind) {
        switch (kind) {
            case CHILDCARE: return new String[] {"育儿补贴", "Childcare subsidy"};
            case REWARD: return new String[] {"农村部分计划生育家庭奖励扶助", "Reward support for rural family-planning families"};
            case ONE_CHILD_GLORY: return new String[] {"独生子女父母奖励", "One-child parents' reward"};
            default:
                boolean death = kind.contains("death");
                boolean rural = kind.endsWith("rural");
                return new String[] {"计划生育家庭特别扶助（" + (death ? "独生子女死亡" : "独生子女伤残") + "，" + (rural ? "农村" : "城镇") + "）",
                    "Special support (only child " + (death ? "deceased" : "disabled") + ", " + (rural ? "rural" : "urban") + ")"};
        }
    }

    /**
     * 育儿补贴: per child under 3; children born before the scheme began get the remaining months pro rata. The total
     * is at the rate in force on the date.
     */
    Optional<Entitlement> childcare(FamilyFacts f, LocalDate date) {
        return rules.inForce("benefit.childcare-subsidy.yearly", date).flatMap(yearly -> rules
                .inForce("benefit.childcare-subsidy.until-age", date).map(age -> {
                    BigDecimal monthly = yearly.value().divide(TWELVE, 2, RoundingMode.HALF_UP);
                    // the scheme's first day, not the current rate's: a later rate change does not restart the count
                    LocalDate start = rules.firstEffective(yearly.key()).orElseThrow();
                    int until = age.value().intValue();
                    BigDecimal total = BigDecimal.ZERO;
                    int count = 0;
                    long months = 0;
                    for (Child c : f.children()) {
                        LocalDate end = c.birthDate().plusYears(until);
                        if (c.status() != ChildStatus.DECEASED && !c.birthDate().isAfter(date) && date.isBefore(end)) {
                            LocalDate from = c.birthDate().isBefore(start) ? start : c.birthDate();
                            long m = ChronoUnit.MONTHS.between(from, end);
                            months += m;
                            count++;
                            total = total.add(monthly.multiply(BigDecimal.valueOf(m)));
                        }
                    }
                    if (count == 0) {
                        return no(CHILDCARE, yearly.source(), "没有未满" + until + "周岁的子女",
                                "no child under " + until);
                    }
                    return yes(CHILDCARE,
                            monthly.multiply(BigDecimal.valueOf(count)), total,
                            count + " 名未满" + until + "周岁的子女，每人每年 " + plain(yearly.value()) + " 元，自 " + start
                                    + " 起按月折算共 " + months + " 个月" + mark(yearly),
                            count + " child(ren) under " + until + ", " + plain(yearly.value())
                                    + " yuan per child per year, " + months + " months pro rata from " + start
                                    + markEn(yearly),
                            yearly.source());
                }));
    }

    /** 奖励扶助: rural parents aged 60+ with only one child or two daughters, per person. */
    Optional<Entitlement> reward(FamilyFacts f, LocalDate date) {
        return rules.inForce("benefit.reward-support.yearly", date).flatMap(yearly -> rules
                .inForce("benefit.reward-support.from-age", date).map(age -> {
                    PolicySource src = yearly.source();
                    int from = age.value().intValue();
                    if (years(f.birthDate(), date) < from) {
                        return no(REWARD, src, "未满" + from + "周岁", "under " + from);
                    }
                    if (f.rural() == null) {
                        return no(REWARD, src, "户籍性质（农村/城镇）未登记，需先核实", "rural registration not recorded");
                    }
                    if (!f.rural()) {
                        return no(REWARD, src, "该项目限农村计划生育家庭", "only for rural families");
                    }
                    List<Child> ch = f.children();
                    boolean oneChild = ch.size() == 1;
                    boolean twoDaughters = ch.size() == 2 && ch.stream().allMatch(c -> c.sex() == Sex.FEMALE);
                    if (!oneChild && !twoDaughters) {
                        return no(REWARD, src, "须只有一个子女或两个女孩（现有 " + ch.size() + " 个子女）",
                                "needs one child only or two daughters (has " + ch.size() + ")");
                    }
                    BigDecimal monthly = yearly.value().divide(TWELVE, 2, RoundingMode.HALF_UP);
                    return yes(REWARD, monthly, null,
                            "年满" + from + "周岁的农村" + (oneChild ? "独生子女父母" : "双女父母") + "，每人每年 "
                                    + plain(yearly.value()) + " 元" + mark(yearly),
                            "rural parent aged " + from + "+ with " + (oneChild ? "one child" : "two daughters") + ", "
                                    + plain(yearly.value()) + " yuan per person per year" + markEn(yearly),
                            src);
                }));
    }

    /** 特别扶助: the only child disabled or deceased, the mother aged 49+, per person per month. */
    Optional<Entitlement> special(FamilyFacts f, LocalDate date) {
        Optional<PolicyRule> age = rules.inForce("benefit.special-support.mother-age", date);
        if (age.isEmpty()) {
            return Optional.empty();
        }
        PolicySource src = age.get().source();
        int from = age.get().value().intValue();
        String kind = SPECIAL_DEATH_URBAN;
        if (f.children().size() != 1 || f.children().get(0).status() == ChildStatus.LIVING) {
            return Optional.of(no(kind, src, "须为独生子女伤残或死亡的家庭", "only child must be disabled or deceased"));
        }
        LocalDate mother = f.motherBirthDate();
        if (mother == null || years(mother, date) < from) {
            return Optional.of(no(kind, src, "女方未满" + from + "周岁或出生日期未登记",
                    "mother under " + from + " or her birth date not recorded"));
        }
        if (f.rural() == null) {
            return Optional.of(no(kind, src, "户籍性质（农村/城镇）未登记，需先核实", "rural registration not recorded"));
        }
        boolean died = f.children().get(0).status() == ChildStatus.DECEASED;
        String area = f.rural() ? "rural" : "urban";
        String key = "benefit.special-support." + (died ? "death." : "disability.") + area;
        String id = "special-support-" + (died ? "death-" : "disability-") + area;
        return rules.inForce(key, date).map(r -> yes(id, r.value(), null,
                "独生子女" + (died ? "死亡" : "伤残") + "、女方年满" + from + "周岁，" + (f.rural() ? "农村" : "城镇")
                        + "每人每月 " + plain(r.value()) + " 元" + mark(r),
                "only child " + (died ? "deceased" : "disabled") + ", mother aged " + from + "+, " + area + ": "
                        + plain(r.value()) + " yuan per person per month" + markEn(r),
                r.source()));
    }

    /** 独生子女父母光荣证 benefits, where the province still grants them: per month until the child's age limit. */
    Optional<Entitlement> oneChildGlory(FamilyFacts f, LocalDate date) {
        return rules.inForce("benefit.one-child-glory.monthly", date).flatMap(monthly -> rules
                .inForce("benefit.one-child-glory.until-age", date).map(age -> {
                    PolicySource src = monthly.source();
                    int until = age.value().intValue();
                    if (!f.oneChildCertificate()) {
                        return no(ONE_CHILD_GLORY, src, "未持有效的独生子女父母光荣证", "holds no valid one-child certificate");
                    }
                    if (f.children().size() != 1 || years(f.children().get(0).birthDate(), date) >= until) {
                        return no(ONE_CHILD_GLORY, src, "独生子女已满" + until + "周岁或子女数不为一",
                                "the only child is " + until + " or older, or there is not exactly one child");
                    }
                    return yes(ONE_CHILD_GLORY, monthly.value(), null,
                            "持独生子女父母光荣证，子女未满" + until + "周岁，每月 " + plain(monthly.value()) + " 元"
                                    + mark(monthly),
                            "one-child certificate, child under " + until + ", " + plain(monthly.value())
                                    + " yuan per month" + markEn(monthly),
                            src);
                }));
    }

    private Entitlement no(String kind, PolicySource source, String zh, String en) {
        String[] n = names(kind);
        return new Entitlement(prefix + "-" + kind, n[0], n[1], false, null, null, zh, en, source);
    }

    private Entitlement yes(String kind, BigDecimal monthly, BigDecimal total, String zh, String en,
            PolicySource source) {
        String[] n = names(kind);
        return new Entitlement(prefix + "-" + kind, n[0], n[1], true, monthly, total, zh, en, source);
    }

    static int years(LocalDate birth, LocalDate date) {
        return Period.between(birth, date).getYears();
    }

    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    /** The citation and, below high confidence, the 待确认 mark. */
    static String mark(PolicyRule r) {
        return "（" + r.source().regulation() + " " + r.source().article() + (r.source().confirmed() ? "" : "，待确认") + "）";
    }

    static String markEn(PolicyRule r) {
        return " (" + r.source().regulation() + " " + r.source().article() + (r.source().confirmed() ? "" : "; unconfirmed")
                + ")";
    }
}
