package org.renkou.association.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;

import javax.persistence.EntityManager;

import org.renkou.association.internal.AssociationDTO.YearStats;
import org.renkou.association.internal.activities.ActivityService;

/**
 * Not a test (no surefire pattern): the yearly statistics for a county with 200 community associations, 50,000
 * active members and 200,000 contacts (199,500 households: one member in a hundred shares one with the member before),
 * 4,000 activities, 2,000 groups and 2,000 special-family cases, on the real unit and Derby on disk. Rows
 * are written by JDBC batches; then {@link ActivityService#yearly} is
 * timed (median of 5, after 2 warm-ups), its report read run once as on the standby or the primary (the test unit
 * runs each twice).
 * Run: {@code java -cp <test classpath> org.renkou.association.internal.StatisticsBench} (see the README).
 */
public final class StatisticsBench {
    private StatisticsBench() {
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
                            // one member in a hundred shares a household with the member before: counted once
                            k.setLong(3, h == 0 && member % 100 == 0 ? household : ++household);
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
            // the test unit runs every report read twice (a standby failing part-way, then the primary): timed here,
            // a report read runs once, as it does on the standby or the primary
            org.renkou.module.api.db.ModuleDatabase once = (org.renkou.module.api.db.ModuleDatabase)
                    java.lang.reflect.Proxy.newProxyInstance(StatisticsBench.class.getClassLoader(),
                    new Class<?>[] {org.renkou.module.api.db.ModuleDatabase.class}, (p, m, in) -> {
                        if (!m.getName().equals("report")) {
                            return m.invoke(t.unit, in);
                        }
                        org.renkou.module.api.db.JdbcRead<?> read = (org.renkou.module.api.db.JdbcRead<?>) in[1];
                        return t.unit.tx(x -> {
                            try {
                                return read.apply(x.unwrap(Connection.class));
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                    });
            ActivityService activities = new ActivityService(new AssociationDatabase(once, java.time.Clock.fixed(
                    TestAssociation.TODAY.atTime(10, 0).atZone(org.renkou.core.api.ChinaTime.ZONE).toInstant(),
                    org.renkou.core.api.ChinaTime.ZONE)), new TestAssociation.FakeCore());
            long[] ms = new long[7];
            YearStats s = null;
            for (int r = 0; r < ms.length; r++) {
                long s0 = System.nanoTime();
                s = activities.yearly(TestAssociation.DIRECTOR, "440606", 2026);
                ms[r] = (System.nanoTime() - s0) / 1_000_000;
            }
            long[] timed = java.util.Arrays.copyOfRange(ms, 2, ms.length);
            java.util.Arrays.sort(timed);
            System.out.println("runs (ms): " + java.util.Arrays.toString(ms) + "; median of the last 5: " + timed[2] + " ms");
            System.out.println("total: " + s.total());
        }
    }
}
