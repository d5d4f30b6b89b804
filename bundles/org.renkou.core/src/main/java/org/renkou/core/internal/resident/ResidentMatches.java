package org.renkou.core.internal.resident;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;
import javax.persistence.Query;

import org.renkou.core.api.Input;
import org.renkou.core.api.resident.ResidentQuery;
import org.renkou.core.api.resident.ResidentRef;

/**
 * A whole group of residents at once ({@code ResidentService.matches} and {@code count}): id, name and residence of
 * everyone matching, without paging, sorting by name or building records. "In a jurisdiction" and "in reach" are
 * the dual jurisdiction (living or registered there), which Derby cannot answer from two indexes at once when
 * written as an OR; so, like {@link ResidentPages}' count, the query's jurisdiction (or else the caller's reach) is
 * walked as disjoint index ranges: people living there (residence index), then people registered there who live
 * elsewhere (registration index) — nobody twice. The reach and the other filters are checked on the rows found.
 */
final class ResidentMatches {
    private ResidentMatches() {
    }

    /** Up to {@code max + 1} matches in id order (when more than {@code max} match, which ones is unspecified). */
    static List<ResidentRef> rows(EntityManager em, Set<String> scope, String within, ResidentQuery q, int max) {
        List<ResidentRef> out = new ArrayList<>();
        for (Range r : ranges(scope, within, q)) {
            if (out.size() > max) {
                break;
            }
            Query select = em.createNativeQuery("SELECT ID, NAME, RESIDENCE_CODE FROM RESIDENT" + r.sql
                    + " FETCH FIRST ? ROWS ONLY");
            List<Object> params = new ArrayList<>(r.params);
            params.add(max + 1 - out.size());
            ResidentPages.bind(select, params);
            for (Object row : select.getResultList()) {
                Object[] v = (Object[]) row;
                out.add(new ResidentRef(((Number) v[0]).longValue(), (String) v[1], (String) v[2]));
            }
        }
        out.sort(Comparator.comparingLong(ResidentRef::id));
        return out.size() > max + 1 ? out.subList(0, max + 1) : out;
    }

    static long count(EntityManager em, Set<String> scope, String within, ResidentQuery q) {
        long total = 0;
        for (Range r : ranges(scope, within, q)) {
            Query count = em.createNativeQuery("SELECT COUNT(*) FROM RESIDENT" + r.sql);
            ResidentPages.bind(count, r.params);
            total += ((Number) count.getSingleResult()).longValue();
        }
        return total;
    }

    /** A FROM-clause tail (index hint and WHERE) and its parameters. */
    private record Range(String sql, List<Object> params) {
    }

    /**
     * @param scope the caller's code prefixes ({@code ""} = all)
     * @param within the query's jurisdiction as a code prefix, or null: the ranges walk it, and the caller's scope
     *               becomes a condition on the rows (living or registered in reach), as in the paged search
     */
    private static List<Range> ranges(Set<String> scope, String within, ResidentQuery q) {
        List<Object> filterParams = new ArrayList<>();
        StringBuilder filters = new StringBuilder();
        List<String> reach = ResidentPages.disjoint(scope);
        if (reach.isEmpty()) {
            return List.of();
        }
        if (within != null && !reach.contains("")) {
            List<String> ors = new ArrayList<>();
            for (String p : reach) {
                ors.add("RESIDENCE_CODE LIKE ? OR REGISTRATION_CODE LIKE ?");
                filterParams.add(p + "%");
                filterParams.add(p + "%");
            }
            filters.append(" AND (").append(String.join(" OR ", ors)).append(')');
        }
        filters.append(filters(q, filterParams));
        List<String> walk = within == null ? reach : List.of(within);
        List<Range> out = new ArrayList<>();
        if (walk.contains("")) {
            out.add(new Range(" WHERE 1=1" + filters, filterParams));
            return out;
        }
        for (String p : walk) {
            List<Object> params = new ArrayList<>(List.of(p, p + "~"));
            params.addAll(filterParams);
            out.add(new Range(" --DERBY-PROPERTIES index=IX_RESIDENT_RESIDENCE\n WHERE RESIDENCE_CODE >= ? "
                    + "AND RESIDENCE_CODE < ?" + filters, params));
        }
        for (String p : walk) {
            List<Object> params = new ArrayList<>(List.of(p, p + "~"));
            StringBuilder outside = new StringBuilder();
            for (String o : walk) {
                outside.append(" AND NOT (RESIDENCE_CODE >= ? AND RESIDENCE_CODE < ?)");
                params.add(o);
                params.add(o + "~");
            }
            params.addAll(filterParams);
            out.add(new Range(" --DERBY-PROPERTIES index=IX_RESIDENT_REGISTRATION\n WHERE REGISTRATION_CODE >= ? "
                    + "AND REGISTRATION_CODE < ?" + outside + filters, params));
        }
        return out;
    }

    /** The query's filters other than the jurisdiction, as {@code " AND …"}; the marriage through its two indexes. */
    private static String filters(ResidentQuery q, List<Object> params) {
        StringBuilder f = new StringBuilder();
        String name = Input.trimToNull(q.name);
        if (name != null) {
            f.append(" AND NAME LIKE ?");
            params.add(ResidentServiceImpl.escapeLike(name) + "%");
        }
        String idNumber = Input.trimToNull(q.idNumber);
        if (idNumber != null) {
            f.append(" AND ID_NUMBER = ?");
            params.add(idNumber.toUpperCase());
        }
        if (q.householdId != null) {
            f.append(" AND HOUSEHOLD_ID = ?");
            params.add(q.householdId);
        }
        if (q.status != null) {
            f.append(" AND STATUS = ?");
            params.add(q.status.name());
        }
        if (q.sex != null) {
            f.append(" AND SEX = ?");
            params.add(q.sex.name());
        }
        dates(f, params, "BIRTH_DATE", q.bornFrom, q.bornTo);
        if (q.marriedFrom != null || q.marriedTo != null) {
            List<String> ors = new ArrayList<>();
            for (String party : List.of("PARTY_A_ID", "PARTY_B_ID")) {
                StringBuilder m = new StringBuilder("EXISTS (SELECT 1 FROM MARRIAGE M WHERE M." + party
                        + " = RESIDENT.ID AND M.STATUS = 'CURRENT'");
                dates(m, params, "M.MARRIAGE_DATE", q.marriedFrom, q.marriedTo);
                ors.add(m.append(')').toString());
            }
            f.append(" AND (").append(String.join(" OR ", ors)).append(')');
        }
        return f.toString();
    }

    /** {@code column} on or after {@code from} and on or before {@code to}, each if given. */
    private static void dates(StringBuilder f, List<Object> params, String column, LocalDate from, LocalDate to) {
        if (from != null) {
            f.append(" AND ").append(column).append(" >= ?");
            params.add(Date.valueOf(from));
        }
        if (to != null) {
            f.append(" AND ").append(column).append(" <= ?");
            params.add(Date.valueOf(to));
        }
    }
}
