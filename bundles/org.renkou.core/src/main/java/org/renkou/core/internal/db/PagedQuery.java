package org.renkou.core.internal.db;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.renkou.core.api.Page;

/** One page of a JPQL query and the total count of its matches, with the same filter and parameters. */
public final class PagedQuery {
    private PagedQuery() {
    }

    /**
     * @param from e.g. {@code ResidentEntity r}
     * @param where a condition starting with {@code " WHERE "}
     * @param paging {offset, limit} from {@link Page#check}
     */
    public static <E, D> Page<D> run(EntityManager em, Class<E> type, String from, String where, String orderBy,
            Map<String, Object> params, int[] paging, Function<E, D> toDTO) {
        String alias = from.substring(from.lastIndexOf(' ') + 1);
        TypedQuery<E> select = em.createQuery("SELECT " + alias + " FROM " + from + where + " ORDER BY " + orderBy, type);
        TypedQuery<Long> count = em.createQuery("SELECT COUNT(" + alias + ") FROM " + from + where, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<D> items = select.setFirstResult(paging[0]).setMaxResults(paging[1]).getResultList().stream()
                .map(toDTO).collect(Collectors.toList());
        return new Page<>(items, count.getSingleResult(), paging[0], paging[1]);
    }
}
