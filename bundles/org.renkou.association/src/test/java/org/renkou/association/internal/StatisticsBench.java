package org.renkou.association.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.persistence.EntityManager;

import org.renkou.association.internal.AssociationDTO.YearRow;
import org.renkou.association.internal.AssociationDTO.YearStats;
import org.renkou.core.api.JurisdictionLevel;

/**
 * Not a test (no surefire pattern): the yearly statistics for a county with 200 community associations, 50,000
 * active members and 200,000 contact households (and 4,000 activities), on the real unit and Derby on disk. Rows
 * are written by JDBC batches; then the statistics are timed (median of 5, after 2 warm-ups): A, the queries and
 * indexes before migration V3 (the reference); B, {@link ActivityService#yearly} on V3's indexes; C, the old
 * queries on V3's indexes. The figures of A and B must be equal.
 * Run: {@code java -cp <test classpath> org.renkou.association.internal.StatisticsBench} (see the README).
 */
public final class StatisticsBench {
    private static final int RUNS = 7;

    private StatisticsBench() {
    }

    /** The median of the runs after the first two (warm-up). */
    private static long median(long[] ms) {
        long[] timed = Arrays.copyOfRange(ms, 2, ms.length);
        Arrays.sort(timed);
        return timed[timed.length / 2];
    }

    /** V3's indexes ({@code true}) or V1's index on AS_CONTACT (ASSOCIATION_ID) alone. */
    private static void schema(TestAssociation t, boolean v3) throws Exception {
        EntityManager em = t.emf.createEntityManager();
        em.getTransaction().begin();
        try (Statement st = em.unwrap(Connection.class).createStatement()) {
            if (v3) {
                st.execute("DROP INDEX IX_AS_CONTACT_ASSOCIATION");
                st.execute("CREATE INDEX IX_AS_CONTACT_STATS ON AS_CONTACT (ASSOCIATION_ID, HOUSEHOLD_ID, ASSIGNED_ON, ENDED_ON)");
                st.execute("CREATE INDEX IX_AS_ACTIVITY_STATS ON AS_ACTIVITY (ASSOCIATION_ID, HELD_ON, PERSON_TIMES)");
                st.execute("CREATE INDEX IX_AS_CASE_STATS ON AS_CASE (ASSOCIATION_ID, HOUSEHOLD_ID, OPENED_ON, CLOSED_ON)");
            } else {
                st.execute("DROP INDEX IX_AS_CONTACT_STATS");
                st.execute("DROP INDEX IX_AS_ACTIVITY_STATS");
                st.execute("DROP INDEX IX_AS_CASE_STATS");
                st.execute("CREATE INDEX IX_AS_CONTACT_ASSOCIATION ON AS_CONTACT (ASSOCIATION_ID)");
            }
        }
        em.getTransaction().commit();
        em.close();
    }

    /** The statistics as computed before: each figure joined with the associations and grouped by code. */
    private static YearStats reference(TestAssociation t, String c, int y) {
        EntityManager em = t.emf.createEntityManager();
        try {
            LocalDate from = LocalDate.of(y, 1, 1);
            LocalDate to = LocalDate.of(y + 1, 1, 1);
            String like = JurisdictionLevel.ofCode(c).childPrefix(c) + "%";
            Map<JurisdictionLevel, long[]> by = new EnumMap<>(JurisdictionLevel.class);
            add(by, em.createQuery("SELECT a.jurisdictionCode, COUNT(a) FROM AssociationEntity a WHERE "
                    + "(a.jurisdictionCode = :c OR a.jurisdictionCode LIKE :p) GROUP BY a.jurisdictionCode",
                    Object[].class).setParameter("c", c).setParameter("p", like).getResultList(), 0);
            add(by, old(em, "SELECT a.jurisdictionCode, COUNT(m) FROM MemberEntity m, AssociationEntity a WHERE "
                    + "m.associationId = a.id AND m.status = 'ACTIVE'", c, like, null, null), 1);
            add(by, old(em, "SELECT a.jurisdictionCode, COUNT(g) FROM GroupEntity g, AssociationEntity a WHERE "
                    + "g.associationId = a.id", c, like, null, null), 2);
            add(by, old(em, "SELECT a.jurisdictionCode, COUNT(DISTINCT k.householdId) FROM ContactEntity k, "
                    + "AssociationEntity a WHERE k.associationId = a.id AND k.assignedOn < :to AND (k.endedOn IS NULL "
                    + "OR k.endedOn >= :from)", c, like, from, to), 3);
            add(by, old(em, "SELECT a.jurisdictionCode, COUNT(v), SUM(v.personTimes) FROM ActivityEntity v, "
                    + "AssociationEntity a WHERE v.associationId = a.id AND v.heldOn >= :from AND v.heldOn < :to",
                    c, like, from, to), 4);
            add(by, old(em, "SELECT a.jurisdictionCode, COUNT(DISTINCT k.householdId) FROM CaseEntity k, "
                    + "AssociationEntity a WHERE k.associationId = a.id AND k.openedOn < :to AND (k.closedOn IS NULL "
                    + "OR k.closedOn >= :from)", c, like, from, to), 6);
            List<YearRow> rows = new ArrayList<>();
            long[] total = new long[7];
            for (Map.Entry<JurisdictionLevel, long[]> e : by.entrySet()) {
                long[] v = e.getValue();
                rows.add(row(e.getKey().name(), e.getKey().nameZh(), v));
                for (int i = 0; i < v.length; i++) {
                    total[i] += v[i];
                }
            }
            return new YearStats(c, "示例" + c, y, rows, row("TOTAL", "合计", total));
        } finally {
            em.close();
        }
    }

    private static List<Object[]> old(EntityManager em, String jpql, String c, String like, LocalDate from, LocalDate to) {
        var q = em.createQuery(jpql + " AND (a.jurisdictionCode = :c OR a.jurisdictionCode LIKE :p) GROUP BY "
                + "a.jurisdictionCode", Object[].class).setParameter("c", c).setParameter("p", like);
        if (from != null) {
            q.setParameter("from", from).setParameter("to", to);
        }
        return q.getResultList();
    }

    private static void add(Map<JurisdictionLevel, long[]> by, List<Object[]> rows, int index) {
        for (Object[] r : rows) {
            long[] v = by.computeIfAbsent(JurisdictionLevel.ofCode((String) r[0]), k -> new long[7]);
            for (int i = 1; i < r.length; i++) {
                v[index + i - 1] += r[i] == null ? 0 : ((Number) r[i]).longValue();
            }
        }
    }

    private static YearRow row(String level, String name, long[] v) {
        return new YearRow(level, name, v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
    }

    public static void main(String[] args) throws Exception {
        try (TestAssociation t = new TestAssociation()) {
            long t0 = System.nanoTime();
            EntityManager em = t.emf.createEntityManager();
            em.getTransaction().begin();
            Connection c = em.unwrap(Connection.class);
            LocalDate day = LocalDate.of(2026, 3, 1);
            try (PreparedStatement a = c.prepareStatement("INSERT INTO AS_ASSOCIATION (NAME, JURISDICTION_CODE, FOUNDED_ON, VERSION) VALUES (?, ?, ?, 1)");
                    PreparedStatement m = c.prepareStatement("INSERT INTO AS_MEMBER (ASSOCIATION_ID, NAME, STATUS, APPLIED_ON, VERSION) VALUES (?, ?, 'ACTIVE', ?, 1)");
                    PreparedStatement k = c.prepareStatement("INSERT INTO AS_CONTACT (ASSOCIATION_ID, MEMBER_ID, HOUSEHOLD_ID, ASSIGNED_ON) VALUES (?, ?, ?, ?)");
                    PreparedStatement g = c.prepareStatement("INSERT INTO AS_GROUP (ASSOCIATION_ID, NAME, RESIDENT_GROUP_CODE, VERSION) VALUES (?, '小组', ?, 1)");
                    PreparedStatement f = c.prepareStatement("INSERT INTO AS_CASE (ASSOCIATION_ID, HOUSEHOLD_ID, FAMILY_KIND, CONTACT_A, CONTACT_B, OPENED_ON, VERSION) VALUES (?, ?, 'CHILD_DECEASED', 'a', 'b', ?, 1)");
                    PreparedStatement v = c.prepareStatement("INSERT INTO AS_ACTIVITY (ASSOCIATION_ID, KIND, TITLE, HELD_ON, LARGE, LEAFLETS, PERSON_TIMES, ITEMS, VERSION) VALUES (?, 'PROMOTION', 'x', ?, 0, 10, 50, 5, 1)")) {
                long member = 0;
                long household = 0;
                for (int i = 1; i <= 200; i++) {
                    a.setString(1, "协会" + i);
                    a.setString(2, String.format("440606%03d%03d", 100 + i / 20, i % 20 + 1));
                    a.setObject(3, java.sql.Date.valueOf(day));
                    a.executeUpdate();
                    for (int j = 0; j < 250; j++) {
                        m.setLong(1, i);
                        m.setString(2, "会员");
                        m.setDate(3, java.sql.Date.valueOf(day));
                        m.addBatch();
                        member++;
                        for (int h = 0; h < 4; h++) {
                            k.setLong(1, i);
                            k.setLong(2, member);
                            k.setLong(3, ++household);
                            k.setDate(4, java.sql.Date.valueOf(day));
                            k.addBatch();
                        }
                    }
                    m.executeBatch();
                    k.executeBatch();
                    for (int x = 0; x < 20; x++) {
                        v.setLong(1, i);
                        v.setDate(2, java.sql.Date.valueOf(day.plusDays(x)));
                        v.addBatch();
                    }
                    v.executeBatch();
                    for (int x = 0; x < 10; x++) {
                        g.setLong(1, i);
                        g.setString(2, String.format("440606%03d%03d%03d", 100 + i / 20, i % 20 + 1, x + 1));
                        g.addBatch();
                        f.setLong(1, i);
                        f.setLong(2, household - x);
                        f.setDate(3, java.sql.Date.valueOf(day));
                        f.addBatch();
                    }
                    g.executeBatch();
                    f.executeBatch();
                }
            }
            c.commit();
            em.getTransaction().commit();
            em.close();
            System.out.printf("loaded 200 associations, 50,000 members, 200,000 contacts, 4,000 activities, 2,000 groups and cases in %.1f s%n",
                    (System.nanoTime() - t0) / 1e9);
            // A: the schema before V3 and the queries before (joined with the associations, grouped by code);
            // B: V3's indexes and ActivityService.yearly; C: the old queries on V3's indexes
            schema(t, false);
            YearStats old = null;
            long[] a = new long[RUNS];
            for (int r = 0; r < RUNS; r++) {
                long s0 = System.nanoTime();
                old = reference(t, "440606", 2026);
                a[r] = (System.nanoTime() - s0) / 1_000_000;
            }
            schema(t, true);
            YearStats now = null;
            long[] b = new long[RUNS];
            long[] c2 = new long[RUNS];
            for (int r = 0; r < RUNS; r++) {
                long s0 = System.nanoTime();
                now = t.activities.yearly(TestAssociation.DIRECTOR, "440606", 2026);
                b[r] = (System.nanoTime() - s0) / 1_000_000;
                s0 = System.nanoTime();
                reference(t, "440606", 2026);
                c2[r] = (System.nanoTime() - s0) / 1_000_000;
            }
            if (!old.equals(now)) {
                throw new AssertionError("figures differ:\n" + old + "\n" + now);
            }
            System.out.println("A before (old schema, old queries), ms: " + Arrays.toString(a) + "; median of the last "
                    + (RUNS - 2) + ": " + median(a) + " ms");
            System.out.println("B now (V3 indexes, grouped per association), ms: " + Arrays.toString(b) + "; median: "
                    + median(b) + " ms");
            System.out.println("C old queries on V3 indexes, ms: " + Arrays.toString(c2) + "; median: " + median(c2)
                    + " ms");
            System.out.printf("ratio B/A %.2f, C/A %.2f%n", median(b) / (double) median(a), median(c2) / (double) median(a));
            System.out.println("total: " + now.total());
        }
    }
}
