package org.renkou.province.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.renkou.core.api.Sex;
import org.renkou.core.api.province.Entitlement;
import org.renkou.core.api.province.FamilyFacts;
import org.renkou.core.api.province.FamilyFacts.Child;
import org.renkou.core.api.province.FamilyFacts.ChildStatus;
import org.renkou.core.api.province.LeaveCalculator;
import org.renkou.core.api.province.LeaveEntitlement;
import org.renkou.core.api.province.LeaveKind;

/**
 * Helpers for the province bundles' golden tables: a family in one line of a {@code @CsvSource} → the expected
 * decision. Children are written {@code birthDate/sex/status}, separated by {@code ;}, e.g.
 * {@code 2025-03-01/F/LIVING;2023-05-10/M/LIVING}.
 */
public final class GoldenTables {
    private GoldenTables() {
    }

    /** The rules of {@code folder} as packed into the bundle, read from {@code regional-policies/} in the source tree. */
    public static PolicyRules rules(String province, String folder) {
        Path root = Path.of("../../regional-policies");
        return PolicyRules.fromFolders(province, root.resolve("national"), root.resolve(folder));
    }

    /**
     * @param rural    {@code Y}, {@code N} or empty (not recorded)
     * @param cert     {@code Y} when the person holds a valid one-child certificate
     */
    public static FamilyFacts family(String born, String sex, String spouseBorn, String rural, String cert,
            String children) {
        List<Child> list = new ArrayList<>();
        if (children != null && !children.isBlank()) {
            for (String c : children.split(";")) {
                String[] p = c.trim().split("/");
                list.add(new Child(LocalDate.parse(p[0]), "F".equals(p[1]) ? Sex.FEMALE : Sex.MALE,
                        ChildStatus.valueOf(p[2])));
            }
        }
        return new FamilyFacts(LocalDate.parse(born), "F".equals(sex) ? Sex.FEMALE : Sex.MALE,
                spouseBorn == null || spouseBorn.isBlank() ? null : LocalDate.parse(spouseBorn), null,
                rural == null || rural.isBlank() ? null : "Y".equals(rural), "Y".equals(cert), list);
    }

    /**
     * Checks one scheme's decision.
     *
     * @param expected {@code Y} eligible, {@code N} not eligible, {@code -} no decision (no rule in force)
     * @param monthly  expected yuan per month, or empty
     * @param total    expected yuan in total, or empty
     * @param citation the regulation the row is taken from: the decision's source must name it
     */
    public static void check(RuleBasedPolicy policy, String date, FamilyFacts family, String kind, String expected,
            String monthly, String total, String citation) {
        Optional<Entitlement> e = policy.decide(kind, family, LocalDate.parse(date));
        if ("-".equals(expected)) {
            assertFalse(e.isPresent(), () -> "no rule expected in force, got " + e);
            return;
        }
        assertTrue(e.isPresent(), "a decision for " + kind);
        String why = e.get().reasonZh() + " / " + e.get().reasonEn();
        assertEquals("Y".equals(expected), e.get().eligible(), why);
        assertTrue(e.get().source().regulation().contains(citation),
                "cites " + citation + ", got " + e.get().source().regulation());
        assertFalse(e.get().reasonZh().isBlank() || e.get().reasonEn().isBlank(), "reasons in zh and en");
        assertAmount(monthly, e.get().monthlyAmount(), why);
        assertAmount(total, e.get().totalAmount(), why);
    }

    /** Checks one leave entitlement: {@code days} empty means none is in force. */
    public static void checkLeave(RuleBasedPolicy policy, String date, LeaveKind kind, String days, String citation) {
        Optional<LeaveEntitlement> l = policy.leaveEntitlements(LocalDate.parse(date)).stream()
                .filter(x -> x.kind() == kind).findFirst();
        if (days == null || days.isBlank()) {
            assertFalse(l.isPresent(), () -> "no " + kind + " expected, got " + l);
            return;
        }
        assertTrue(l.isPresent(), kind + " in force on " + date);
        assertEquals(Integer.parseInt(days), l.get().days(), l.get().noteZh());
        assertTrue(l.get().source().regulation().contains(citation) || l.get().noteZh().contains(citation),
                "cites " + citation + ": " + l.get().noteZh());
    }

    /**
     * Checks the leave calculator for one event against a golden row: the mother's and the father's total days,
     * and that every addend cites a source.
     *
     * @param event  {@code BIRTH} or {@code MISCARRIAGE}
     * @param father expected days, or empty for none
     */
    public static void checkLeaveEvent(RuleBasedPolicy policy, String date, String event, int babies, boolean difficult,
            int months, int mother, String father) {
        LeaveCalculator.Result r = LeaveCalculator.of(policy.leaveEntitlements(LocalDate.parse(date)),
                LeaveCalculator.Event.valueOf(event), babies, difficult, months);
        assertEquals(mother, r.motherDays(), () -> "mother: " + r.mother());
        assertEquals(father == null || father.isBlank() ? 0 : Integer.parseInt(father), r.fatherDays(),
                () -> "father: " + r.father());
        r.mother().forEach(a -> assertFalse(a.source().regulation().isBlank(), a.toString()));
    }

    private static void assertAmount(String expected, BigDecimal actual, String why) {
        if (expected == null || expected.isBlank()) {
            assertEquals(null, actual, why);
        } else {
            assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + ", got "
                    + actual + ": " + why);
        }
    }
}
