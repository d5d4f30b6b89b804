package org.renkou.warehouse.internal;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.RenkouException;
import org.renkou.warehouse.internal.entities.LotEntity;
import org.renkou.warehouse.internal.entities.ProductEntity;
import org.renkou.warehouse.internal.entities.StockEntity;
import org.renkou.warehouse.internal.entities.StoreEntity;

/**
 * The quarterly reports the procedures ask for — 避孕药具库存报表 (stock) and 使用避孕药具人数统计表 (users) — for a
 * jurisdiction and everything below it, the demand plan (需求计划), and the dashboard's reminders: report due
 * dates, months of stock and near-expiry lots with a suggested store to move them to. Figures come from the ledger
 * and the cards, never from a hand-kept total.
 */
@Component(service = ReportService.class, property = {
    "renkou.contribution=report",
    "renkou.contribution.name.zh=使用避孕药具人数统计表、避孕药具库存报表",
    "renkou.contribution.name.en=Contraceptive users and stock reports",
    WarehouseDatabase.MODULE_CONDITION
})
public class ReportService {
    /** Lots expiring within this many days are near expiry (近效期). */
    static final int NEAR_EXPIRY_DAYS = 90;

    /** One store's movements of one product in a quarter (避孕药具库存报表); loss rate in per mille (target ≤ 5‰). */
    public record StockRow(String jurisdictionCode, String store, String product, long opening, long received,
            long transferredIn, long transferredOut, long issued, long scrapped, long adjusted, long closing,
            double lossPerMille) {
    }

    /** One store's users of one method in a quarter (使用避孕药具人数统计表). */
    public record UsersRow(String jurisdictionCode, String store, String method, long users, long newUsers,
            long followedUp, double followUpRate, long failures, long failuresFollowedUp) {
    }

    public record Report<R>(String title, String jurisdiction, String quarter, LocalDate from, LocalDate to,
            List<R> rows) {
    }

    /**
     * Next year's need of one product for a store: users + expected new users, units per user per month over the
     * last quarter, and the turnover stock (库存周转量: 3 months at street level, 1 at community level).
     */
    public record DemandRow(String product, long users, long expectedNewUsers, double unitsPerUserMonth,
            int turnoverMonths, long onHand, long demand) {
    }

    /**
     * A dashboard reminder: DUE (a report or plan due date), NEAR_EXPIRY (a lot expiring within 90 days, with the
     * neighbouring store that uses most of the product as where to move it), LOW_STOCK (months of stock below the
     * turnover stock). The texts in Chinese and English; the figures also as fields for the UI.
     */
    public record Reminder(String kind, String text, String textEn, LocalDate dueOn, long daysLeft, Long storeId,
            String store, Long lotId, Integer quantity, Double monthsOfStock, String suggestedStore) {
    }

    private final WarehouseDatabase db;

    @Activate
    public ReportService(@Reference WarehouseDatabase db) {
        this.db = db;
    }

    public Report<StockRow> stockReport(Caller caller, String jurisdiction, String quarter) {
        caller.require("查看药具报表", "read warehouse reports", StockService.READ);
        LocalDate[] q = quarterDates(quarter);
        return db.read(em -> {
            Map<Long, StoreEntity> stores = storesUnder(em, caller, jurisdiction);
            Map<Long, String> products = productNames(em);
            Map<List<Long>, long[]> sums = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                    ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
            // [opening, RECEIVE, TRANSFER_IN, TRANSFER_OUT, ISSUE, SCRAP, ADJUST]
            for (Object[] r : em.createQuery("SELECT l.storeId, l.productId, SUM(l.quantity) FROM LedgerEntity l "
                    + "WHERE l.onDate < :f GROUP BY l.storeId, l.productId", Object[].class).setParameter("f", q[0])
                    .getResultList()) {
                if (stores.containsKey((Long) r[0])) {
                    sums.computeIfAbsent(List.of((Long) r[0], (Long) r[1]), k -> new long[7])[0] =
                            ((Number) r[2]).longValue();
                }
            }
            List<String> kinds = List.of("RECEIVE", "TRANSFER_IN", "TRANSFER_OUT", "ISSUE", "SCRAP", "ADJUST");
            for (Object[] r : em.createQuery("SELECT l.storeId, l.productId, l.kind, SUM(l.quantity) FROM LedgerEntity l "
                    + "WHERE l.onDate >= :f AND l.onDate <= :t GROUP BY l.storeId, l.productId, l.kind", Object[].class)
                    .setParameter("f", q[0]).setParameter("t", q[1]).getResultList()) {
                if (stores.containsKey((Long) r[0])) {
                    sums.computeIfAbsent(List.of((Long) r[0], (Long) r[1]), k -> new long[7])[1
                            + kinds.indexOf((String) r[2])] = ((Number) r[3]).longValue();
                }
            }
            List<StockRow> rows = new ArrayList<>();
            sums.forEach((key, s) -> {
                StoreEntity store = stores.get(key.get(0));
                long closing = s[0] + s[1] + s[2] + s[3] + s[4] + s[5] + s[6];
                long available = s[0] + s[1] + s[2];
                long lost = -s[5] - Math.min(0, s[6]);
                rows.add(new StockRow(store.jurisdictionCode, store.name, products.get(key.get(1)), s[0], s[1], s[2],
                        -s[3], -s[4], -s[5], s[6], closing, available == 0 ? 0 : Math.round(lost * 10000.0 / available) / 10.0));
            });
            return new Report<>("避孕药具库存报表", jurisdiction, quarter.toUpperCase(), q[0], q[1], rows);
        });
    }

    public Report<UsersRow> usersReport(Caller caller, String jurisdiction, String quarter) {
        caller.require("查看药具报表", "read warehouse reports", StockService.READ);
        LocalDate[] q = quarterDates(quarter);
        return db.read(em -> {
            Map<Long, StoreEntity> stores = storesUnder(em, caller, jurisdiction);
            Map<Long, LocalDate> firstIssue = new HashMap<>();
            for (Object[] r : em.createQuery("SELECT c.residentId, MIN(c.onDate) FROM CardEntryEntity c "
                    + "WHERE c.kind = 'ISSUE' GROUP BY c.residentId", Object[].class).getResultList()) {
                firstIssue.put((Long) r[0], (LocalDate) r[1]);
            }
            // store → method → residents; follow-ups and failures per resident in the quarter
            Map<Long, Map<String, List<Long>>> users = new TreeMap<>();
            for (Object[] r : em.createQuery("SELECT DISTINCT c.storeId, c.method, c.residentId FROM CardEntryEntity c "
                    + "WHERE c.kind = 'ISSUE' AND c.onDate >= :f AND c.onDate <= :t", Object[].class)
                    .setParameter("f", q[0]).setParameter("t", q[1]).getResultList()) {
                if (stores.containsKey((Long) r[0])) {
                    users.computeIfAbsent((Long) r[0], k -> new TreeMap<>())
                            .computeIfAbsent((String) r[1], k -> new ArrayList<>()).add((Long) r[2]);
                }
            }
            List<Long> followed = em.createQuery("SELECT DISTINCT c.residentId FROM CardEntryEntity c "
                    + "WHERE c.kind = 'FOLLOW_UP' AND c.onDate >= :f AND c.onDate <= :t", Long.class)
                    .setParameter("f", q[0]).setParameter("t", q[1]).getResultList();
            List<Long> failed = em.createQuery("SELECT DISTINCT c.residentId FROM CardEntryEntity c "
                    + "WHERE c.kind = 'FOLLOW_UP' AND c.outcome = 'FAILURE' AND c.onDate >= :f AND c.onDate <= :t",
                    Long.class).setParameter("f", q[0]).setParameter("t", q[1]).getResultList();
            List<UsersRow> rows = new ArrayList<>();
            users.forEach((storeId, byMethod) -> byMethod.forEach((method, people) -> {
                StoreEntity s = stores.get(storeId);
                long fresh = people.stream().filter(p -> !firstIssue.get(p).isBefore(q[0])).count();
                long seen = people.stream().filter(followed::contains).count();
                long failures = people.stream().filter(failed::contains).count();
                rows.add(new UsersRow(s.jurisdictionCode, s.name, method, people.size(), fresh, seen,
                        Math.round(seen * 1000.0 / people.size()) / 10.0, failures, failures));
            }));
            return new Report<>("使用避孕药具人数统计表", jurisdiction, quarter.toUpperCase(), q[0], q[1], rows);
        });
    }

    public List<DemandRow> demandPlan(Caller caller, long storeId, Long expectedNewUsers) {
        caller.require("编制需求计划", "plan demand", StockService.READ);
        long expected = expectedNewUsers == null ? 0 : expectedNewUsers;
        if (expected < 0) {
            throw RenkouException.invalid("expectedNewUsers", "预计新增人数不能为负数。", "Expected new users cannot be negative.");
        }
        LocalDate today = db.today();
        LocalDate since = today.minusMonths(3);
        return db.read(em -> {
            StoreEntity store = WarehouseDatabase.store(em, caller, storeId, "storeId");
            int turnover = "COMMUNITY".equals(store.level) ? 1 : 3;
            Map<Long, String> products = productNames(em);
            List<DemandRow> rows = new ArrayList<>();
            for (Map.Entry<Long, String> p : products.entrySet()) {
                Object[] use = em.createQuery("SELECT COUNT(DISTINCT l.residentId), SUM(l.quantity) FROM LedgerEntity l "
                        + "WHERE l.storeId = :s AND l.productId = :p AND l.kind = 'ISSUE' AND l.onDate > :since",
                        Object[].class).setParameter("s", storeId).setParameter("p", p.getKey())
                        .setParameter("since", since).getSingleResult();
                long users = ((Number) use[0]).longValue();
                long issued = use[1] == null ? 0 : -((Number) use[1]).longValue();
                long onHand = candidatesOnHand(em, storeId, p.getKey(), today);
                if (issued == 0 && onHand == 0) {
                    continue;
                }
                double perUserMonth = users == 0 ? 0 : issued / 3.0 / users;
                double monthly = (users + expected) * perUserMonth;
                long demand = Math.max(0, Math.round(monthly * (12 + turnover)) - onHand);
                rows.add(new DemandRow(p.getValue(), users, expected, Math.round(perUserMonth * 100) / 100.0, turnover,
                        onHand, demand));
            }
            return rows;
        });
    }

    /** Report due dates, months of stock below the turnover stock, near-expiry lots with where to move them. */
    public List<Reminder> reminders(Caller caller) {
        caller.require("查看提醒", "read reminders", StockService.READ);
        LocalDate today = db.today();
        List<Reminder> out = new ArrayList<>();
        due(out, today, MonthDay.of(7, 10), "需求计划上报（7月10日前）", "Demand plan due (by 10 July)");
        due(out, today, MonthDay.of(4, 10), "半年报表上报（4月10日前）", "Half-year report due (by 10 April)");
        due(out, today, MonthDay.of(10, 10), "年终报表上报（10月10日前）", "Year report due (by 10 October)");
        db.read(em -> {
            for (StoreEntity store : em.createQuery("SELECT s FROM StoreEntity s ORDER BY s.jurisdictionCode",
                    StoreEntity.class).getResultList()) {
                if (!caller.covers(store.jurisdictionCode)) {
                    continue;
                }
                for (StockEntity s : em.createQuery("SELECT s FROM StockEntity s WHERE s.storeId = :s AND s.quantity > 0 "
                        + "AND s.expiresOn <= :near ORDER BY s.expiresOn", StockEntity.class).setParameter("s", store.id)
                        .setParameter("near", today.plusDays(NEAR_EXPIRY_DAYS)).getResultList()) {
                    String to = busiestNeighbour(em, store, s.productId, today);
                    String batch = em.find(LotEntity.class, s.lotId).batchNumber;
                    out.add(new Reminder("NEAR_EXPIRY", store.name + "：批次 " + batch + " 剩 " + s.quantity
                            + " 件，" + s.expiresOn + " 到期" + (to == null ? "" : "，建议调往用量较大的“" + to + "”"),
                            store.name + ": lot " + batch + ", " + s.quantity + " left, expires " + s.expiresOn
                            + (to == null ? "" : "; suggested: move it to " + to + ", which uses more"),
                            s.expiresOn, ChronoUnit.DAYS.between(today, s.expiresOn), store.id, store.name, s.lotId,
                            s.quantity, null, to));
                }
                int turnover = "COMMUNITY".equals(store.level) ? 1 : 3;
                for (Map.Entry<Long, String> p : productNames(em).entrySet()) {
                    long onHand = candidatesOnHand(em, store.id, p.getKey(), today);
                    Number issued = em.createQuery("SELECT SUM(l.quantity) FROM LedgerEntity l WHERE l.storeId = :s "
                            + "AND l.productId = :p AND l.kind = 'ISSUE' AND l.onDate > :since", Number.class)
                            .setParameter("s", store.id).setParameter("p", p.getKey())
                            .setParameter("since", today.minusMonths(3)).getSingleResult();
                    double monthly = issued == null ? 0 : -issued.doubleValue() / 3;
                    if (monthly > 0 && onHand / monthly < turnover) {
                        double months = Math.round(onHand / monthly * 10) / 10.0;
                        out.add(new Reminder("LOW_STOCK", store.name + "：" + p.getValue() + " 库存仅够 " + months
                                + " 个月（周转量 " + turnover + " 个月）", store.name + ": " + p.getValue() + " lasts "
                                + months + " months (turnover stock " + turnover + " months)", today, 0, store.id,
                                store.name, null, (int) onHand, months, null));
                    }
                }
            }
            return null;
        });
        return out;
    }

    private static void due(List<Reminder> out, LocalDate today, MonthDay day, String text, String textEn) {
        LocalDate next = day.atYear(today.getYear());
        if (next.isBefore(today)) {
            next = day.atYear(today.getYear() + 1);
        }
        out.add(new Reminder("DUE", text, textEn, next, ChronoUnit.DAYS.between(today, next), null, null, null, null,
                null, null));
    }

    /** The store next to this one (above or below) that issued the most of the product in the last 3 months. */
    private static String busiestNeighbour(EntityManager em, StoreEntity store, long productId, LocalDate today) {
        String best = null;
        long most = 0;
        for (StoreEntity other : em.createQuery("SELECT s FROM StoreEntity s", StoreEntity.class).getResultList()) {
            if (!StockService.adjacent(store.jurisdictionCode, other.jurisdictionCode)) {
                continue;
            }
            Number n = em.createQuery("SELECT SUM(l.quantity) FROM LedgerEntity l WHERE l.storeId = :s AND "
                    + "l.productId = :p AND l.kind = 'ISSUE' AND l.onDate > :since", Number.class)
                    .setParameter("s", other.id).setParameter("p", productId)
                    .setParameter("since", today.minusMonths(3)).getSingleResult();
            if (n != null && -n.longValue() > most) {
                most = -n.longValue();
                best = other.name;
            }
        }
        return best;
    }

    private static long candidatesOnHand(EntityManager em, long storeId, long productId, LocalDate today) {
        return StockService.candidates(em, storeId, productId, today).stream()
                .mapToLong(StockService.Candidate::quantity).sum();
    }

    private static Map<Long, String> productNames(EntityManager em) {
        Map<Long, String> names = new TreeMap<>();
        for (ProductEntity p : em.createQuery("SELECT p FROM ProductEntity p", ProductEntity.class).getResultList()) {
            names.put(p.id, p.name + " " + p.specification);
        }
        return names;
    }

    /** The stores at or below {@code jurisdiction}, which the caller must cover (else 400 naming it). */
    private static Map<Long, StoreEntity> storesUnder(EntityManager em, Caller caller, String jurisdiction) {
        String code = Checks.text(jurisdiction, "jurisdiction", "行政区划", 15);
        if (!caller.covers(code)) {
            throw RenkouException.invalid("jurisdiction", "行政区划 " + code + " 不在您的辖区内。",
                    "Jurisdiction " + code + " lies outside your jurisdiction.");
        }
        String prefix = JurisdictionLevel.ofCodeFor(code, "jurisdiction").childPrefix(code);
        Map<Long, StoreEntity> out = new HashMap<>();
        for (StoreEntity s : em.createQuery("SELECT s FROM StoreEntity s", StoreEntity.class).getResultList()) {
            if (s.jurisdictionCode.startsWith(prefix)) {
                out.put(s.id, s);
            }
        }
        return out;
    }

    /** First and last day of a quarter written like 2026Q3. */
    static LocalDate[] quarterDates(String quarter) {
        String q = ApprovalService.quarter(quarter);
        LocalDate from = LocalDate.of(Integer.parseInt(q.substring(0, 4)), (q.charAt(5) - '1') * 3 + 1, 1);
        return new LocalDate[] {from, from.plusMonths(3).minusDays(1)};
    }
}
