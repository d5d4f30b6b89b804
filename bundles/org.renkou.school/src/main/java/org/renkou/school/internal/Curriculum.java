package org.renkou.school.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;

/** The fixed vocabularies of the school: life stages, topics, target groups, attendance marks, register values. */
public final class Curriculum {
    /** The life stages the offices' procedures name (人口学校工作制度), in life order. */
    public static final Map<String, String> STAGES = ordered(
            "ADOLESCENCE", "青春期", "PREMARITAL", "婚前期", "NEWLY_MARRIED", "新婚期", "PREGNANCY", "孕产期",
            "CHILD_REARING", "育儿期", "CONTRACEPTION", "避孕期", "MENOPAUSE", "更年期");
    /** The curriculum's topics: policy and law, 优生优育, reproductive health, informed-choice contraception, elderly care. */
    public static final Map<String, String> TOPICS = ordered(
            "POLICY_LAW", "政策法规", "HEALTHY_BIRTH", "优生优育", "REPRODUCTIVE_HEALTH", "生殖健康",
            "CONTRACEPTION", "避孕节育知情选择", "ELDERLY_CARE", "老年关怀");
    /** The target groups a class can be enrolled from (花名册 by query). */
    public static final Map<String, String> GROUPS = ordered(
            "WOMEN_15_49", "15–49 岁妇女", "NEWLY_MARRIED", "本年度新婚夫妇");
    public static final Set<String> MARKS = Set.of("PRESENT", "LATE", "EXCUSED", "ABSENT");
    public static final Set<String> CATEGORIES = Set.of("EQUIPMENT", "BOOK", "MATERIAL");
    public static final Set<String> STATES = Set.of("GOOD", "WORN", "BROKEN");

    private Curriculum() {
    }

    /** {@code value} upper-cased when one of {@code allowed}, else INVALID naming {@code field}. */
    public static String oneOf(String value, Set<String> allowed, String field, String zh, String en) {
        String v = Input.required(value, field, zh, en, 30).toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(v)) {
            throw RenkouException.invalid(field, zh + "应为 " + allowed + " 之一。",
                    "The " + en + " must be one of " + allowed + ".");
        }
        return v;
    }

    /** A whole number in [min, max], else INVALID naming {@code field}. */
    public static int range(Integer value, int min, int max, String field, String zh, String en) {
        if (value == null || value < min || value > max) {
            throw RenkouException.invalid(field, zh + "应在 " + min + "–" + max + " 之间。",
                    "The " + en + " must lie between " + min + " and " + max + ".");
        }
        return value;
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }
}
