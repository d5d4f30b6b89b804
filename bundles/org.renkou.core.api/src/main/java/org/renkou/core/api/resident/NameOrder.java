package org.renkou.core.api.resident;

import java.text.Collator;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Pinyin order of people's names (姓名拼音排序), the one the core's resident list uses, for any list of people a
 * module shows (a class roster, an association's members): {@link #key} is the sort key the core stores as
 * {@code RESIDENT.NAME_KEY}, {@link #sorted} and {@link #comparing} order objects by a name in that order (阿七, 李四, 王五, 张三, where
 * code point order gives 张三 before 李四).
 *
 * <p>The key is Java's collation key for {@link Locale#CHINA} at primary strength, as lower-case hex without the
 * empty trailing sections: the rules order the GB 2312 characters by pinyin; any other character (a rare one,
 * Extension A or B) sorts after them by code point. Hex compares like the key itself in any collation that orders
 * {@code 0-9a-f} as ASCII does, so a module may store it in a column and let the database sort (use {@code COLLATE
 * "C"} on PostgreSQL). Keys are cut at {@link #MAX_LENGTH} (64 characters of a name).
 */
public final class NameOrder {
    /** The longest key (the width of the core's column). */
    public static final int MAX_LENGTH = 256;
    // a collator serialises its callers (getCollationKey is synchronized): one per thread
    private static final ThreadLocal<Collator> COLLATOR = ThreadLocal.withInitial(() -> {
        Collator c = Collator.getInstance(Locale.CHINA);
        c.setStrength(Collator.PRIMARY);
        return c;
    });

    private NameOrder() {
    }

    /** The sort key of {@code name}; {@code null} for {@code null}. */
    public static String key(String name) {
        if (name == null) {
            return null;
        }
        String hex = HexFormat.of().formatHex(COLLATOR.get().getCollationKey(name).toByteArray());
        int end = hex.length();
        while (end >= 4 && hex.startsWith("0000", end - 4)) {
            end -= 4; // the empty secondary and tertiary sections: every key has them, no weight is 0
        }
        return hex.substring(0, Math.min(end, MAX_LENGTH));
    }

    /**
     * Orders by the name {@code name} gives, in pinyin order; names without one last. Equal names tie (add
     * {@code thenComparing} by id for a stable list). Computes the keys again at each comparison: a whole list is
     * sorted faster by {@link #sorted}.
     */
    public static <T> Comparator<T> comparing(Function<? super T, String> name) {
        return Comparator.comparing(t -> key(name.apply(t)), Comparator.nullsLast(Comparator.naturalOrder()));
    }

    /**
     * A new list of {@code items} in pinyin order of their names, each key computed once; stable, so items with equal
     * names keep their order (give them in id order for a list that does not move); names missing last.
     */
    public static <T> List<T> sorted(Collection<T> items, Function<? super T, String> name) {
        List<Map.Entry<String, T>> keyed = new ArrayList<>(items.size());
        for (T item : items) {
            keyed.add(new AbstractMap.SimpleImmutableEntry<>(key(name.apply(item)), item));
        }
        keyed.sort(Map.Entry.comparingByKey(Comparator.nullsLast(Comparator.naturalOrder())));
        List<T> out = new ArrayList<>(keyed.size());
        keyed.forEach(e -> out.add(e.getValue()));
        return out;
    }
}
