package org.renkou.core.api.province;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.renkou.core.api.RenkouException;

/**
 * The leave calculator (假期计算) for one event: the days each parent gets, each addend with its source, from the
 * entitlements a province's policy has in force on the event's date ({@link RegionalPolicy#leaveEntitlements}). A
 * birth: maternity leave + the difficult-birth days + (babies − 1) × the days per extra baby for the mother, paternity
 * (nursing) leave for the father, parental leave per year apart. A miscarriage or termination (流产): the period of the
 * month the pregnancy ended — under 4 months, from 4 months, or from 7 months where the province sets that period.
 */
public final class LeaveCalculator {
    /** At most this many babies in one birth; more is a typing error. */
    public static final int MAX_BABIES = 9;
    /** Completed months of pregnancy: 0 to 10. */
    public static final int MAX_MONTHS = 10;

    /** What happened. */
    public enum Event {
        /** 分娩. */
        BIRTH,
        /** 流产 (miscarriage or termination). */
        MISCARRIAGE
    }

    /**
     * One addend: {@code times} × the entitlement's days (times is the number of extra babies for
     * {@link LeaveKind#MATERNITY_PER_EXTRA_BABY}, else 1).
     */
    public record Addend(LeaveKind kind, int days, int times, String noteZh, String noteEn, PolicySource source) {
    }

    /** The totals per parent with their addends; {@code yearly} (parental leave) is not in the totals. */
    public record Result(Event event, int motherDays, int fatherDays, List<Addend> mother, List<Addend> father,
            List<Addend> yearly) {
    }

    private LeaveCalculator() {
    }

    /**
     * @param babies    babies born (1 to {@value #MAX_BABIES}); ignored for a miscarriage
     * @param difficult a difficult birth (难产)
     * @param months    completed months of pregnancy when it ended (0 to {@value #MAX_MONTHS}); for a miscarriage
     * @throws RenkouException 400 naming {@code event}, {@code babies} or {@code months}
     */
    public static Result of(List<LeaveEntitlement> inForce, Event event, Integer babies, boolean difficult,
            Integer months) {
        if (event == null) {
            throw RenkouException.invalid("event", "请选择情形（分娩或流产）。", "Choose the event (birth or miscarriage).");
        }
        Map<LeaveKind, LeaveEntitlement> by = inForce.stream()
                .collect(Collectors.toMap(LeaveEntitlement::kind, Function.identity(), (a, b) -> a));
        List<Addend> mother = new ArrayList<>();
        List<Addend> father = new ArrayList<>();
        List<Addend> yearly = new ArrayList<>();
        if (event == Event.BIRTH) {
            int n = babies == null ? 1 : babies;
            if (n < 1 || n > MAX_BABIES) {
                throw RenkouException.invalid("babies", "婴儿数应在 1 到 " + MAX_BABIES + " 之间。",
                        "The number of babies must be between 1 and " + MAX_BABIES + ".");
            }
            add(mother, by, LeaveKind.MATERNITY, 1);
            if (difficult) {
                add(mother, by, LeaveKind.MATERNITY_DIFFICULT_BIRTH, 1);
            }
            if (n > 1) {
                add(mother, by, LeaveKind.MATERNITY_PER_EXTRA_BABY, n - 1);
            }
            add(father, by, LeaveKind.PATERNITY, 1);
            add(yearly, by, LeaveKind.PARENTAL, 1);
        } else {
            if (months == null || months < 0 || months > MAX_MONTHS) {
                throw RenkouException.invalid("months", "怀孕月数应在 0 到 " + MAX_MONTHS + " 之间。",
                        "The completed months of pregnancy must be between 0 and " + MAX_MONTHS + ".");
            }
            LeaveKind kind = months < 4 ? LeaveKind.MISCARRIAGE_UNDER_4_MONTHS
                    : months >= 7 && by.containsKey(LeaveKind.MISCARRIAGE_FROM_7_MONTHS) ? LeaveKind.MISCARRIAGE_FROM_7_MONTHS
                    : LeaveKind.MISCARRIAGE_FROM_4_MONTHS;
            add(mother, by, kind, 1);
        }
        return new Result(event, sum(mother), sum(father), mother, father, yearly);
    }

    private static void add(List<Addend> to, Map<LeaveKind, LeaveEntitlement> by, LeaveKind kind, int times) {
        LeaveEntitlement l = by.get(kind);
        if (l != null) {
            to.add(new Addend(kind, l.days() * times, times, l.noteZh(), l.noteEn(), l.source()));
        }
    }

    private static int sum(List<Addend> addends) {
        return addends.stream().mapToInt(Addend::days).sum();
    }
}
