package org.renkou.core.internal.resident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.renkou.core.api.Page;
import org.renkou.core.api.resident.ResidenceStatus;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.internal.jurisdiction.Scope;

/**
 * The resident list (居民列表) without a name, ID-number or household filter: everyone in the caller's reach, in name
 * order, a page at a time — with 1,000,000 rows, without reading them all.
 *
 * <p>The dual jurisdiction makes "in reach" {@code RESIDENCE_CODE LIKE p OR REGISTRATION_CODE LIKE p}, and Derby
 * cannot combine two indexes for an OR, so the plain JPQL query scanned and sorted the whole table (1.6–2 s). Here:
 * <ul>
 * <li>the page walks {@code IX_RESIDENT_ORDER (NAME_KEY, ID, RESIDENCE_CODE, REGISTRATION_CODE, STATUS)} in pinyin
 * order ({@link NameKeys}) and
 * filters on the index entries, stopping after the page — the index is named so that the optimiser does not choose
 * a table scan and sort; the page's rows are then read by ID;</li>
 * <li>the total is a sum of index range counts: residents living in each prefix (residence index), plus residents
 * registered there who live outside every prefix (registration index) — disjoint, so nobody counts twice — kept a
 * short while by {@link ResidentCounts}.</li>
 * </ul>
 */
final class ResidentPages {
    private ResidentPages() {
    }

    /**
     * @param prefixes the code prefixes in reach ({@code ""} = all), already narrowed by any jurisdiction filter
     */
    static Page<ResidentDTO> page(EntityManager em, ResidentCounts counts, Set<String> prefixes,
            ResidenceStatus status, int[] paging, boolean partitioned) {
        List<String> reach = disjoint(prefixes);
        if (reach.isEmpty()) {
            return new Page<>(List.of(), 0, paging[0], paging[1]);
        }
        String prefecture = partitioned && reach.size() == 1 ? Scope.prefecture(reach) : null;
        Query ids = prefecture == null ? walk(em, reach, status, paging)
                : twoHalves(em, reach.get(0), prefecture, status, paging);
        List<Long> page = new ArrayList<>();
        for (Object id : ids.getResultList()) {
            page.add(((Number) id).longValue());
        }
        List<ResidentDTO> items = new ArrayList<>();
        if (!page.isEmpty()) {
            Map<Long, Integer> order = new HashMap<>();
            for (int i = 0; i < page.size(); i++) {
                order.put(page.get(i), i);
            }
            em.createQuery("SELECT r FROM ResidentEntity r WHERE r.id IN :ids", ResidentEntity.class)
                    .setParameter("ids", page).getResultList().stream()
                    .sorted(Comparator.comparing(e -> order.get(e.id)))
                    .forEach(e -> items.add(ResidentServiceImpl.toDTO(e, true)));
        }
        long total = counts.total(reach + "|" + status, () -> count(em, reach, status));
        return new Page<>(items, total, paging[0], paging[1]);
    }

    /** The page along {@code IX_RESIDENT_ORDER}, filtered on its entries, stopping after the page. */
    private static Query walk(EntityManager em, List<String> reach, ResidenceStatus status, int[] paging) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder();
        if (!reach.contains("")) {
            List<String> ors = new ArrayList<>();
            for (String p : reach) {
                ors.add("RESIDENCE_CODE LIKE ?");
                ors.add("REGISTRATION_CODE LIKE ?");
                params.add(p + "%");
                params.add(p + "%");
            }
            where.append(" WHERE (").append(String.join(" OR ", ors)).append(')');
        }
        if (status != null) {
            where.append(where.length() == 0 ? " WHERE " : " AND ").append("STATUS = ?");
            params.add(status.name());
        }
        Query ids = em.createNativeQuery("SELECT ID FROM RESIDENT --DERBY-PROPERTIES index=IX_RESIDENT_ORDER\n"
                + where + " ORDER BY NAME_KEY, ID OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        params.add(paging[0]);
        params.add(paging[1]);
        bind(ids, params);
        return ids;
    }

    /**
     * PostgreSQL, residents partitioned by prefecture, one prefix within one prefecture: the residents living there
     * (their prefecture's partition, along its order index) and those registered there who live elsewhere (the
     * registration index of each partition, then sorted: few), each the first {@code offset + limit} in name order,
     * merged. Walking
     * the order index as above would read the whole index of every other prefecture's partition before giving its
     * first row (a county of 100,000 of 2,000,000: 180 ms).
     */
    private static Query twoHalves(EntityManager em, String prefix, String prefecture, ResidenceStatus status,
            int[] paging) {
        String andStatus = status == null ? "" : " AND STATUS = ?";
        Query ids = em.createNativeQuery("SELECT ID FROM ("
                + "(SELECT ID, NAME_KEY FROM RESIDENT WHERE SUBSTR(RESIDENCE_CODE, 1, 4) = ? AND RESIDENCE_CODE LIKE ?"
                + andStatus + " ORDER BY NAME_KEY, ID LIMIT ?) UNION ALL "
                // OFFSET 0 keeps the sort out of the inner query, so it reads the registration index, not the
                // order index of every partition to the end (no entry matches in most)
                + "(SELECT ID, NAME_KEY FROM (SELECT ID, NAME_KEY FROM RESIDENT WHERE REGISTRATION_CODE LIKE ? AND "
                + "RESIDENCE_CODE NOT LIKE ?" + andStatus + " OFFSET 0) elsewhere ORDER BY NAME_KEY, ID LIMIT ?)) x "
                + "ORDER BY NAME_KEY, ID OFFSET ? ROWS FETCH NEXT ? ROWS ONLY");
        List<Object> params = new ArrayList<>(List.of(prefecture, prefix + "%"));
        if (status != null) {
            params.add(status.name());
        }
        params.add(paging[0] + paging[1]);
        params.add(prefix + "%");
        params.add(prefix + "%");
        if (status != null) {
            params.add(status.name());
        }
        params.add(paging[0] + paging[1]);
        params.add(paging[0]);
        params.add(paging[1]);
        bind(ids, params);
        return ids;
    }

    private static long count(EntityManager em, List<String> reach, ResidenceStatus status) {
        String andStatus = status == null ? "" : " AND STATUS = ?";
        if (reach.contains("")) {
            return count(em, "IX_RESIDENT_RESIDENCE", status == null ? "" : " WHERE STATUS = ?",
                    status == null ? List.of() : List.of(status.name()));
        }
        long total = 0;
        for (String p : reach) {
            List<Object> params = new ArrayList<>(List.of(p, upper(p)));
            if (status != null) {
                params.add(status.name());
            }
            String prefecture = Scope.prefecture(List.of(p));
            if (prefecture != null) {
                params.add(prefecture);
            }
            total += count(em, "IX_RESIDENT_RESIDENCE", " WHERE RESIDENCE_CODE >= ? AND RESIDENCE_CODE < ?"
                    + andStatus + (prefecture == null ? "" : " AND SUBSTR(RESIDENCE_CODE, 1, 4) = ?"), params);
        }
        for (String p : reach) {
            List<Object> params = new ArrayList<>(List.of(p, upper(p)));
            StringBuilder outside = new StringBuilder();
            for (String q : reach) {
                outside.append(" AND NOT (RESIDENCE_CODE >= ? AND RESIDENCE_CODE < ?)");
                params.add(q);
                params.add(upper(q));
            }
            if (status != null) {
                params.add(status.name());
            }
            total += count(em, "IX_RESIDENT_REGISTRATION", " WHERE REGISTRATION_CODE >= ? AND REGISTRATION_CODE < ?"
                    + outside + andStatus, params);
        }
        return total;
    }

    /** COUNT(*) straight over an index range: a subquery (e.g. to stop counting early) would be far slower. */
    private static long count(EntityManager em, String index, String where, List<Object> params) {
        Query q = em.createNativeQuery("SELECT COUNT(*) FROM RESIDENT --DERBY-PROPERTIES index=" + index + "\n"
                + where);
        bind(q, params);
        return ((Number) q.getSingleResult()).longValue();
    }

    /** Codes are digits: every code starting with {@code p} is ≥ p and < p + "~". */
    private static String upper(String p) {
        return p + "~";
    }

    /** Drops prefixes inside another one (a street and one of its communities), so that no range counts twice. */
    static List<String> disjoint(Set<String> prefixes) {
        List<String> out = new ArrayList<>();
        for (String p : new TreeSet<>(prefixes)) { // sorted: a prefix comes before the codes it covers
            if (out.stream().noneMatch(p::startsWith)) {
                out.add(p);
            }
        }
        return out;
    }

    static void bind(Query q, List<Object> params) {
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
    }
}
