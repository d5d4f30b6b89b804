package org.renkou.core.api;

import java.util.List;

/**
 * One page of a list: the items, the total number of matches, and where the page starts.
 *
 * @param <T> the item type
 */
public final class Page<T> {
    /** Largest page a caller may ask for. */
    public static final int MAX_LIMIT = 500;
    public static final int DEFAULT_LIMIT = 50;

    public final List<T> items;
    public final long total;
    public final int offset;
    public final int limit;

    public Page(List<T> items, long total, int offset, int limit) {
        this.items = List.copyOf(items);
        this.total = total;
        this.offset = offset;
        this.limit = limit;
    }

    /** Checks paging parameters; {@code null} means the default. */
    public static int[] check(Integer offset, Integer limit) {
        int o = offset == null ? 0 : offset;
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (o < 0) {
            throw RenkouException.invalid("offset", "起始位置不能为负数。", "The offset must not be negative.");
        }
        if (l < 1 || l > MAX_LIMIT) {
            throw RenkouException.invalid("limit", "每页条数应在 1 到 " + MAX_LIMIT + " 之间。",
                    "The limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return new int[] {o, l};
    }
}
