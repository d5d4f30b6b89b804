package org.renkou.warehouse.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.report.ReportTable;
import org.renkou.module.api.contribution.ReportContribution;
import org.renkou.module.api.db.JdbcRead;
import org.renkou.warehouse.internal.WarehouseDatabase.Audit;
import org.renkou.warehouse.internal.entities.LotEntity;
import org.renkou.warehouse.internal.entities.ProductEntity;
import org.renkou.warehouse.internal.entities.ReportSignOffEntity;
import org.renkou.warehouse.internal.entities.StockEntity;
import org.renkou.warehouse.internal.entities.StoreEntity;

/**
 * The quarterly reports the procedures ask for — 避孕药具库存报表 (stock) and 使用避孕药具人数统计表 (users) — for a
 * jurisdiction and everything below it, the demand plan (需求计划), and the dashboard's reminders: report due
 * dates, months of stock and near-expiry lots with a suggested store to move them to. Figures come from the ledger
 * and the cards, never from a hand-kept total. The live quarterly figures are report reads over plain JDBC
 * ({@link WarehouseDatabase#report}: on the hot standby where there is one); what a director signs off, the signed
 * reports, the demand plan and the reminders read the primary.
 */
@Component(service = ReportService.class, property = Warehouse.CONDITION)
@ReportContribution(id = "warehouse-reports", name_zh = "使用避孕药具人数统计表、避孕药具库存报表",
        name_en = "Contraceptive users and stock reports")
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

    /** A report: live figures ({@code signOff} null) or the rows frozen when it was signed off. */
    public record Report<R>(String title, String jurisdiction, String quarter, LocalDate from, LocalDate to,
            List<R> rows, SignOff signOff) {
    }

    /** Who signed a report off (签字确认), when, with the written analysis (文字分析说明); revision > 1: a correction. */
    public record SignOff(int revision, String signedBy, LocalDateTime signedAt, String analysis,
            String correctionReason) {
    }

    /** A request to sign a report off; {@code correctionReason} only to sign a correction of a signed one. */
    public record SignOffIn(String jurisdiction, String quarter, String analysis, String correctionReason) {
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

    static final String STOCK = "stock";
    static final String USERS = "users";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WarehouseDatabase db;

    @Activate
    public ReportService(@Reference WarehouseDatabase db) {
        this.db = db;
    }

    /** The signed-off stock report if there is one, else the live figures. */
    public Report<StockRow> stockReport(Caller caller, String jurisdiction, String quarter) {
        return stockReport(caller, jurisdiction, quarter, false);
    }

    /**
     * {@code live}: the figures from the ledger now, even when a signed-off report exists. The live figures are a
     * report read over a quarter of the ledger: on the hot standby where there is one.
     */
    public Report<StockRow> stockReport(Caller caller, String jurisdiction, String quarter, boolean live) {
        return report(caller, STOCK, jurisdiction, quarter, live, true, StockRow.class, ReportService::stockRows);
    }

    /** The live rows of a report, read through {@code c}. */
    @FunctionalInterface
    private interface Rows<R> {
        List<R> read(Connection c, String prefix, LocalDate[] quarter) throws SQLException;
    }

    /** The signed-off report unless {@code live}, else the live rows: on the standby or, for a sign-off, the primary. */
    private <R> Report<R> report(Caller caller, String kind, String jurisdiction, String quarter, boolean live,
            boolean standby, Class<R> rowType, Rows<R> rows) {
        caller.require("查看药具报表", "read warehouse reports", StockService.READ);
        LocalDate[] q = quarterDates(quarter);
        Report<R> signed = live ? null : signed(caller, kind, jurisdiction, quarter, rowType);
        if (signed != null) {
            return signed;
        }
        String prefix = prefixUnder(caller, jurisdiction);
        String what = "warehouse " + kind + " report";
        JdbcRead<List<R>> read = c -> rows.read(c, prefix, q);
        List<R> found = standby ? db.report(what, read) : db.onPrimary(what, read);
        return new Report<>(STOCK.equals(kind) ? STOCK_TITLE : USERS_TITLE, jurisdiction, quarter.toUpperCase(), q[0],
                q[1], found, null);
    }

    /** Opening balance and the quarter's movements per store and product, from the ledger. */
    private static List<StockRow> stockRows(Connection c, String prefix, LocalDate[] q) throws SQLException {
        Map<Long, Store> stores = storesUnder(c, prefix);
        Map<Long, String> products = productNames(c);
        Map<List<Long>, long[]> sums = new TreeMap<>((a, b) -> a.get(0).equals(b.get(0))
                ? a.get(1).compareTo(b.get(1)) : a.get(0).compareTo(b.get(0)));
        // [opening, RECEIVE, TRANSFER_IN, TRANSFER_OUT, ISSUE, SCRAP, ADJUST]
        each(c, "SELECT STORE_ID, PRODUCT_ID, SUM(QUANTITY) FROM WH_LEDGER WHERE ON_DATE < ? "
                + "GROUP BY STORE_ID, PRODUCT_ID", rs -> {
                    if (stores.containsKey(rs.getLong(1))) {
                        sums.computeIfAbsent(List.of(rs.getLong(1), rs.getLong(2)), k -> new long[7])[0] = rs.getLong(3);
                    }
                }, q[0]);
        List<String> kinds = List.of("RECEIVE", "TRANSFER_IN", "TRANSFER_OUT", "ISSUE", "SCRAP", "ADJUST");
        each(c, "SELECT STORE_ID, PRODUCT_ID, KIND, SUM(QUANTITY) FROM WH_LEDGER WHERE ON_DATE >= ? AND ON_DATE <= ? "
                + "GROUP BY STORE_ID, PRODUCT_ID, KIND", rs -> {
                    if (stores.containsKey(rs.getLong(1))) {
                        sums.computeIfAbsent(List.of(rs.getLong(1), rs.getLong(2)), k -> new long[7])[1
                                + kinds.indexOf(rs.getString(3))] = rs.getLong(4);
                    }
                }, q[0], q[1]);
        List<StockRow> rows = new ArrayList<>();
        sums.forEach((key, s) -> {
            Store store = stores.get(key.get(0));
            long closing = s[0] + s[1] + s[2] + s[3] + s[4] + s[5] + s[6];
            long available = s[0] + s[1] + s[2];
            long lost = -s[5] - Math.min(0, s[6]);
            rows.add(new StockRow(store.jurisdictionCode(), store.name(), products.get(key.get(1)), s[0], s[1], s[2],
                    -s[3], -s[4], -s[5], s[6], closing, available == 0 ? 0 : Math.round(lost * 10000.0 / available) / 10.0));
        });
        return rows;
    }

    public Report<UsersRow> usersReport(Caller caller, String jurisdiction, String quarter) {
        return usersReport(caller, jurisdiction, quarter, false);
    }

    /** As {@link #stockReport(Caller, String, String, boolean)}, over the quarter's cards. */
    public Report<UsersRow> usersReport(Caller caller, String jurisdiction, String quarter, boolean live) {
        return report(caller, USERS, jurisdiction, quarter, live, true, UsersRow.class, ReportService::usersRows);
    }

    /** Users per store and method in the quarter, new ones, followed up and failures, from the cards. */
    private static List<UsersRow> usersRows(Connection c, String prefix, LocalDate[] q) throws SQLException {
        Map<Long, Store> stores = storesUnder(c, prefix);
        Map<Long, LocalDate> firstIssue = new HashMap<>();
        each(c, "SELECT RESIDENT_ID, MIN(ON_DATE) FROM WH_CARD_ENTRY WHERE KIND = 'ISSUE' GROUP BY RESIDENT_ID",
                rs -> firstIssue.put(rs.getLong(1), rs.getDate(2).toLocalDate()));
        // store → method → residents; follow-ups and failures per resident in the quarter
        Map<Long, Map<String, List<Long>>> users = new TreeMap<>();
        each(c, "SELECT DISTINCT STORE_ID, METHOD, RESIDENT_ID FROM WH_CARD_ENTRY WHERE KIND = 'ISSUE' "
                + "AND ON_DATE >= ? AND ON_DATE <= ?", rs -> {
                    if (stores.containsKey(rs.getLong(1))) {
                        users.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>())
                                .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getLong(3));
                    }
                }, q[0], q[1]);
        Set<Long> followed = new HashSet<>();
        each(c, "SELECT DISTINCT RESIDENT_ID FROM WH_CARD_ENTRY WHERE KIND = 'FOLLOW_UP' AND ON_DATE >= ? "
                + "AND ON_DATE <= ?", rs -> followed.add(rs.getLong(1)), q[0], q[1]);
        Set<Long> failed = new HashSet<>();
        each(c, "SELECT DISTINCT RESIDENT_ID FROM WH_CARD_ENTRY WHERE KIND = 'FOLLOW_UP' AND OUTCOME = 'FAILURE' "
                + "AND ON_DATE >= ? AND ON_DATE <= ?", rs -> failed.add(rs.getLong(1)), q[0], q[1]);
        List<UsersRow> rows = new ArrayList<>();
        users.forEach((storeId, byMethod) -> byMethod.forEach((method, people) -> {
            Store s = stores.get(storeId);
            long fresh = people.stream().filter(p -> !firstIssue.get(p).isBefore(q[0])).count();
            long seen = people.stream().filter(followed::contains).count();
            long failures = people.stream().filter(failed::contains).count();
            rows.add(new UsersRow(s.jurisdictionCode(), s.name(), method, people.size(), fresh, seen,
                    Math.round(seen * 1000.0 / people.size()) / 10.0, failures, failures));
        }));
        return rows;
    }

    // --- sign-off (签字确认) -------------------------------------------------------------------------------------

    /**
     * Signs a quarterly report off: the procedures have the head of the reporting unit (单位负责人, a DIRECTOR of
     * exactly that jurisdiction) sign it, with a written analysis, before it is sealed and sent up. The rows are
     * frozen as they are now; later ledger entries do not change them. A signed report is never re-opened (the
     * level above has built its totals and the demand plan on it): a correction is signed as a new revision with
     * its reason, audited, and the earlier revisions are kept.
     */
    public Report<?> signOff(Caller caller, String kind, SignOffIn in) {
        caller.require("签字确认药具报表", "sign off a warehouse report", Role.DIRECTOR);
        Input.body(in);
        String code = Input.required(in.jurisdiction(), "jurisdiction", "行政区划", "jurisdiction", 15);
        String quarter = ApprovalService.quarter(in.quarter());
        if (!caller.jurisdictionCodes().contains(code)) {
            throw new RenkouException(RenkouException.Kind.FORBIDDEN, "jurisdiction",
                    "报表须由本单位负责人（" + code + " 的主任）签字确认。",
                    "A report is signed off by the head of its own unit (a director of " + code + ").");
        }
        String analysis = Input.required(in.analysis(), "analysis", "文字分析说明", "analysis", 2000);
        String correction = Input.optional(in.correctionReason(), "correctionReason", "更正理由", "correction reason", 1000);
        if (quarterDates(quarter)[0].isAfter(db.today())) {
            throw RenkouException.invalid("quarter", "该季度尚未开始，不能签字确认。", "That quarter has not begun.");
        }
        // frozen from the primary: the figures a director signs are the latest, never a standby's
        Report<?> live = STOCK.equals(kind)
                ? report(caller, kind, code, quarter, true, false, StockRow.class, ReportService::stockRows)
                : report(caller, kind, code, quarter, true, false, UsersRow.class, ReportService::usersRows);
        String rows;
        try {
            rows = JSON.writeValueAsString(live.rows());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        SignOff signed = db.tx(em -> {
            ReportSignOffEntity last = latest(em, kind, code, quarter);
            if (last != null && correction == null) {
                throw RenkouException.conflict("correctionReason", "该报表已于 " + last.signedAt.toLocalDate() + " 由 "
                        + last.signedBy + " 签字确认，不能重新打开；如需更正，请写明更正理由，签署更正版。",
                        "This report was signed off by " + last.signedBy + " and cannot be re-opened; to correct "
                        + "it, sign a correction with its reason.");
            }
            ReportSignOffEntity e = new ReportSignOffEntity();
            e.kind = kind;
            e.jurisdictionCode = code;
            e.quarter = quarter;
            e.revision = last == null ? 1 : last.revision + 1;
            e.rowsJson = rows;
            e.analysis = analysis;
            e.correctionReason = last == null ? null : correction;
            e.signedBy = caller.username();
            e.signedAt = db.now();
            em.persist(e);
            em.flush();
            return signOff(e);
        }, o -> new Audit(caller, o.revision() == 1 ? AuditAction.CREATE : AuditAction.UPDATE, "ContraceptiveReport",
                kind + ":" + code + ":" + quarter, code, "签字确认 第 " + o.revision() + " 版 / signed off, revision "
                + o.revision(), o.correctionReason()));
        return new Report<>(live.title(), live.jurisdiction(), live.quarter(), live.from(), live.to(), live.rows(),
                signed);
    }

    /** Every signed revision of a report, newest first. */
    public List<SignOff> signOffs(Caller caller, String kind, String jurisdiction, String quarter) {
        caller.require("查看药具报表", "read warehouse reports", StockService.READ);
        String code = checkedJurisdiction(caller, jurisdiction);
        String q = ApprovalService.quarter(quarter);
        return db.read(em -> em.createQuery("SELECT s FROM ReportSignOffEntity s WHERE s.kind = :k AND "
                + "s.jurisdictionCode = :j AND s.quarter = :q ORDER BY s.revision DESC", ReportSignOffEntity.class)
                .setParameter("k", kind).setParameter("j", code).setParameter("q", q).getResultList().stream()
                .map(ReportService::signOff).toList());
    }

    private <R> Report<R> signed(Caller caller, String kind, String jurisdiction, String quarter, Class<R> rowType) {
        String code = checkedJurisdiction(caller, jurisdiction);
        String q = ApprovalService.quarter(quarter);
        LocalDate[] dates = quarterDates(q);
        return db.read(em -> {
            ReportSignOffEntity e = latest(em, kind, code, q);
            if (e == null) {
                return null;
            }
            try {
                List<R> rows = JSON.readValue(e.rowsJson, JSON.getTypeFactory().constructCollectionType(List.class,
                        rowType));
                return new Report<>(STOCK.equals(kind) ? STOCK_TITLE : USERS_TITLE, code, q, dates[0], dates[1], rows,
                        signOff(e));
            } catch (JsonProcessingException x) {
                throw new IllegalStateException("signed report " + e.id + " cannot be read", x);
            }
        });
    }

    private static ReportSignOffEntity latest(EntityManager em, String kind, String code, String quarter) {
        List<ReportSignOffEntity> found = em.createQuery("SELECT s FROM ReportSignOffEntity s WHERE s.kind = :k AND "
                + "s.jurisdictionCode = :j AND s.quarter = :q ORDER BY s.revision DESC", ReportSignOffEntity.class)
                .setParameter("k", kind).setParameter("j", code).setParameter("q", quarter).setMaxResults(1)
                .getResultList();
        return found.isEmpty() ? null : found.get(0);
    }

    private static SignOff signOff(ReportSignOffEntity e) {
        return new SignOff(e.revision, e.signedBy, e.signedAt, e.analysis, e.correctionReason);
    }

    // --- export: the report as a table for ReportDocuments (Excel, PDF) -------------------------------------------

    static final String STOCK_TITLE = "避孕药具库存报表";
    static final String USERS_TITLE = "使用避孕药具人数统计表";
    private static final List<String> STOCK_ZH = List.of("行政区划代码", "药具库", "品种规格", "期初", "入库", "调入", "调出",
            "发放", "报废", "盘点调整", "期末", "损耗率‰");
    private static final List<String> STOCK_EN = List.of("Jurisdiction", "Store", "Product", "Opening", "Received",
            "Transferred in", "Transferred out", "Issued", "Scrapped", "Adjusted", "Closing", "Loss ‰");
    private static final List<String> USERS_ZH = List.of("行政区划代码", "药具库", "避孕方法", "使用人数", "新增人数", "已随访",
            "随访率%", "失败人数", "失败已随访");
    private static final List<String> USERS_EN = List.of("Jurisdiction", "Store", "Method", "Users", "New users",
            "Followed up", "Follow-up %", "Failures", "Failures followed up");

    /** The report as one table in the reader's language, with its period and sign-off (or "live") as notes. */
    static ReportTable table(Report<?> r, boolean en) {
        boolean stock = STOCK_TITLE.equals(r.title());
        String title = (en ? (stock ? "Contraceptive stock report" : "Contraceptive users report") : r.title()) + " "
                + r.jurisdiction() + " " + r.quarter();
        List<List<Object>> rows = new ArrayList<>();
        for (Object row : r.rows()) {
            List<Object> cells = new ArrayList<>();
            for (java.lang.reflect.RecordComponent c : row.getClass().getRecordComponents()) {
                try {
                    cells.add(c.getAccessor().invoke(row));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            rows.add(cells);
        }
        List<String> notes = new ArrayList<>();
        notes.add((en ? "Period " : "统计期间 ") + r.from() + " – " + r.to() + (en ? "; from the ledger and the cards"
                : "；数据来源：药具明细帐与一人一卡"));
        SignOff s = r.signOff();
        if (s == null) {
            notes.add(en ? "Not signed off: live figures." : "尚未签字确认：实时数据。");
        } else {
            notes.add((en ? "Signed off by " : "签字确认：") + s.signedBy() + " " + s.signedAt().toLocalDate()
                    + (en ? ", revision " : "，第 ") + s.revision() + (en ? "" : " 版")
                    + (s.correctionReason() == null ? "" : (en ? "; correction: " : "；更正理由：") + s.correctionReason()));
            notes.add((en ? "Analysis: " : "文字分析说明：") + s.analysis());
        }
        return new ReportTable(title, stock ? (en ? STOCK_EN : STOCK_ZH) : (en ? USERS_EN : USERS_ZH), rows, notes);
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

    /** The code prefix of {@code jurisdiction} and below, which the caller must cover (else 400 naming it). */
    private static String prefixUnder(Caller caller, String jurisdiction) {
        String code = checkedJurisdiction(caller, jurisdiction);
        return JurisdictionLevel.ofCodeFor(code, "jurisdiction").childPrefix(code);
    }

    /** A store as the reports name it. */
    private record Store(String name, String jurisdictionCode) {
    }

    /** The stores whose jurisdiction code starts with {@code prefix}, by id. */
    private static Map<Long, Store> storesUnder(Connection c, String prefix) throws SQLException {
        Map<Long, Store> out = new HashMap<>();
        each(c, "SELECT ID, NAME, JURISDICTION_CODE FROM WH_STORE", rs -> {
            if (rs.getString(3).startsWith(prefix)) {
                out.put(rs.getLong(1), new Store(rs.getString(2), rs.getString(3)));
            }
        });
        return out;
    }

    private static Map<Long, String> productNames(Connection c) throws SQLException {
        Map<Long, String> names = new TreeMap<>();
        each(c, "SELECT ID, NAME, SPECIFICATION FROM WH_PRODUCT", rs -> names.put(rs.getLong(1),
                rs.getString(2) + " " + rs.getString(3)));
        return names;
    }

    /** One row of a query's result. */
    @FunctionalInterface
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** Runs {@code sql} with {@code dates} as its parameters and hands each row to {@code row}. */
    private static void each(Connection c, String sql, Row row, LocalDate... dates) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < dates.length; i++) {
                ps.setDate(i + 1, Date.valueOf(dates[i]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        }
    }

    /** A jurisdiction code the caller covers, else 400 naming {@code jurisdiction}. */
    private static String checkedJurisdiction(Caller caller, String jurisdiction) {
        String code = Input.required(jurisdiction, "jurisdiction", "行政区划", "jurisdiction", 15);
        if (!caller.covers(code)) {
            throw RenkouException.invalid("jurisdiction", "行政区划 " + code + " 不在您的辖区内。",
                    "Jurisdiction " + code + " lies outside your jurisdiction.");
        }
        return code;
    }

    /** First and last day of a quarter written like 2026Q3. */
    static LocalDate[] quarterDates(String quarter) {
        String q = ApprovalService.quarter(quarter);
        LocalDate from = LocalDate.of(Integer.parseInt(q.substring(0, 4)), (q.charAt(5) - '1') * 3 + 1, 1);
        return new LocalDate[] {from, from.plusMonths(3).minusDays(1)};
    }
}
