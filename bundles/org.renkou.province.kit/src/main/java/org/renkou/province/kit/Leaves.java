package org.renkou.province.kit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.renkou.core.api.province.Confidence;
import org.renkou.core.api.province.LeaveEntitlement;
import org.renkou.core.api.province.LeaveKind;
import org.renkou.core.api.province.PolicySource;

/**
 * Leave entitlements (假期) from the rules in force on a date. Maternity leave is the province's total where it sets
 * one ({@code leave.maternity.total}, e.g. Heilongjiang's 180 days), else the national base plus the province's
 * extension ({@code leave.maternity.base} + {@code leave.maternity.extra}, e.g. 98 + 80 in Guangdong). Miscarriage or
 * termination leave (流产假) comes by the month the pregnancy ended: {@code leave.miscarriage.under-4-months},
 * {@code .from-4-months} and, where a province sets it, {@code .from-7-months}.
 */
public final class Leaves {
    private Leaves() {
    }

    public static List<LeaveEntitlement> inForce(PolicyRules rules, LocalDate date) {
        List<LeaveEntitlement> out = new ArrayList<>();
        maternity(rules, date).ifPresent(out::add);
        simple(rules, date, "leave.maternity.difficult-birth", LeaveKind.MATERNITY_DIFFICULT_BIRTH, out);
        simple(rules, date, "leave.maternity.per-extra-baby", LeaveKind.MATERNITY_PER_EXTRA_BABY, out);
        simple(rules, date, "leave.paternity", LeaveKind.PATERNITY, out);
        simple(rules, date, "leave.parental", LeaveKind.PARENTAL, out);
        simple(rules, date, "leave.marriage", LeaveKind.MARRIAGE, out);
        simple(rules, date, "leave.only-child-care", LeaveKind.ONLY_CHILD_CARE, out);
        simple(rules, date, "leave.miscarriage.under-4-months", LeaveKind.MISCARRIAGE_UNDER_4_MONTHS, out);
        simple(rules, date, "leave.miscarriage.from-4-months", LeaveKind.MISCARRIAGE_FROM_4_MONTHS, out);
        simple(rules, date, "leave.miscarriage.from-7-months", LeaveKind.MISCARRIAGE_FROM_7_MONTHS, out);
        return out;
    }

    private static Optional<LeaveEntitlement> maternity(PolicyRules rules, LocalDate date) {
        Optional<PolicyRule> total = rules.inForce("leave.maternity.total", date);
        if (total.isPresent()) {
            return total.map(t -> entitlement(LeaveKind.MATERNITY, t));
        }
        return rules.inForce("leave.maternity.base", date).map(base -> rules.inForce("leave.maternity.extra", date)
                .map(extra -> new LeaveEntitlement(LeaveKind.MATERNITY,
                        base.value().intValue() + extra.value().intValue(),
                        Decisions.plain(base.value()) + " 天" + Decisions.mark(base) + " + " + Decisions.plain(extra.value())
                                + " 天" + Decisions.mark(extra),
                        Decisions.plain(base.value()) + " days" + Decisions.markEn(base) + " + "
                                + Decisions.plain(extra.value()) + " days" + Decisions.markEn(extra),
                        combined(base.source(), extra.source())))
                .orElseGet(() -> entitlement(LeaveKind.MATERNITY, base)));
    }

    private static void simple(PolicyRules rules, LocalDate date, String key, LeaveKind kind,
            List<LeaveEntitlement> out) {
        rules.inForce(key, date).ifPresent(r -> out.add(entitlement(kind, r)));
    }

    private static LeaveEntitlement entitlement(LeaveKind kind, PolicyRule r) {
        String zh = Decisions.plain(r.value()) + " 天" + Decisions.mark(r) + (r.noteZh() == null ? "" : "；" + r.noteZh());
        String en = Decisions.plain(r.value()) + " days" + Decisions.markEn(r) + (r.noteEn() == null ? "" : "; " + r.noteEn());
        return new LeaveEntitlement(kind, r.value().intValue(), zh, en, r.source());
    }

    /** The province's rule as the source, in force while both are, as sure as the less sure of the two. */
    private static PolicySource combined(PolicySource base, PolicySource extra) {
        LocalDate from = base.effectiveFrom().isAfter(extra.effectiveFrom()) ? base.effectiveFrom() : extra.effectiveFrom();
        LocalDate to = base.effectiveTo() == null ? extra.effectiveTo()
                : extra.effectiveTo() == null || base.effectiveTo().isBefore(extra.effectiveTo()) ? base.effectiveTo()
                : extra.effectiveTo();
        Confidence c = base.confidence().compareTo(extra.confidence()) > 0 ? base.confidence() : extra.confidence();
        return new PolicySource(extra.regulation(), extra.article(), from, to, c);
    }
}
