package org.renkou.warehouse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renkou.warehouse.internal.TestWarehouse.COMMUNITY_KEEPER;
import static org.renkou.warehouse.internal.TestWarehouse.COUNTY_DIRECTOR;
import static org.renkou.warehouse.internal.TestWarehouse.DISTRICT_KEEPER;
import static org.renkou.warehouse.internal.TestWarehouse.OTHER_COMMUNITY_KEEPER;
import static org.renkou.warehouse.internal.TestWarehouse.STREET_DIRECTOR;
import static org.renkou.warehouse.internal.TestWarehouse.STREET_KEEPER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.warehouse.internal.WarehouseDTO.CountLine;
import org.renkou.warehouse.internal.WarehouseDTO.Decision;
import org.renkou.warehouse.internal.WarehouseDTO.FollowUp;
import org.renkou.warehouse.internal.WarehouseDTO.Issue;
import org.renkou.warehouse.internal.WarehouseDTO.LedgerEntry;
import org.renkou.warehouse.internal.WarehouseDTO.Lot;
import org.renkou.warehouse.internal.WarehouseDTO.Product;
import org.renkou.warehouse.internal.WarehouseDTO.Receipt;
import org.renkou.warehouse.internal.WarehouseDTO.Scrap;
import org.renkou.warehouse.internal.WarehouseDTO.ScrapIn;
import org.renkou.warehouse.internal.WarehouseDTO.StockTake;
import org.renkou.warehouse.internal.WarehouseDTO.StockTakeIn;
import org.renkou.warehouse.internal.WarehouseDTO.Store;
import org.renkou.warehouse.internal.WarehouseDTO.Transfer;

/** The warehouse services on the real persistence unit and a real Derby database, with real threads. */
class StockServiceTest {
    private TestWarehouse w;
    private long product;
    private long district;
    private long street;
    private long community;
    private long otherCommunity;

    @BeforeEach
    void setUp() {
        w = new TestWarehouse();
        product = w.stock.createProduct(DISTRICT_KEEPER, new Product(null, "复方左炔诺孕酮片", "口服避孕药",
                "22片/板", "板", "国药准字H00000001", "某药业", null)).id();
        district = store("顺德区药具库", "440606");
        street = store("大良街道药具库", "440606901");
        community = store("一社区药具点", "440606901001");
        otherCommunity = store("二社区药具点", "440606901002");
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    private long store(String name, String code) {
        return w.stock.createStore(COUNTY_DIRECTOR, new Store(null, name, null, code, null)).id();
    }

    static Map<String, Boolean> all(Map<String, String> items) {
        Map<String, Boolean> m = new HashMap<>();
        items.keySet().forEach(k -> m.put(k, true));
        return m;
    }

    private Lot receive(Caller c, long store, String batch, LocalDate expires, int quantity) {
        return w.stock.receive(c, store, new Receipt(product, batch, LocalDate.of(2026, 1, 1), expires, quantity,
                "市计生药具站", "FP-" + batch, all(StockService.CHECKLIST), all(StockService.QUALITY)));
    }

    private static RenkouException fails(Runnable r) {
        return assertThrows(RenkouException.class, r::run);
    }

    private void assertReconciles() {
        WarehouseDTO.Reconciliation r = w.stock.reconcile(Caller.SYSTEM);
        assertTrue(r.ok(), r.toString());
    }

    @Test
    void issuesFirstExpiryFirstAndOverridesOnlyWithAReason() {
        Lot later = receive(DISTRICT_KEEPER, district, "B-LATE", LocalDate.of(2028, 1, 1), 100);
        Lot sooner = receive(DISTRICT_KEEPER, district, "B-SOON", LocalDate.of(2027, 1, 1), 30);
        List<LedgerEntry> out = w.stock.issue(DISTRICT_KEEPER, district,
                new Issue(product, 40, null, null, null, null, "服务站", null, null));
        assertEquals(2, out.size());
        assertEquals(sooner.id(), out.get(0).lotId());
        assertEquals(-30, out.get(0).quantity());
        assertEquals(later.id(), out.get(1).lotId());
        assertEquals(-10, out.get(1).quantity());

        Lot soonest = receive(DISTRICT_KEEPER, district, "B-SOONEST", LocalDate.of(2026, 12, 1), 5);
        RenkouException e = fails(() -> w.stock.issue(DISTRICT_KEEPER, district,
                new Issue(product, 1, null, null, null, null, "服务站", later.id(), null)));
        assertEquals("overrideReason", e.field());
        LedgerEntry chosen = w.stock.issue(DISTRICT_KEEPER, district,
                new Issue(product, 1, null, null, null, null, "服务站", later.id(), "群众指定该批次包装")).get(0);
        assertEquals("群众指定该批次包装", chosen.reason());
        assertEquals(later.id(), chosen.lotId());
        assertEquals(soonest.id(), w.stock.stock(DISTRICT_KEEPER, district).get(0).lotId());
        assertReconciles();
    }

    @Test
    void refusesBadIssuesWithTheFieldAtFault() {
        Lot lot = receive(DISTRICT_KEEPER, district, "B1", LocalDate.of(2026, 9, 1), 10);
        assertEquals("quantity", fails(() -> w.stock.issue(DISTRICT_KEEPER, district,
                new Issue(product, -1, null, null, null, null, "x", null, null))).field());
        RenkouException tooMany = fails(() -> w.stock.issue(DISTRICT_KEEPER, district,
                new Issue(product, 11, null, null, null, null, "x", null, null)));
        assertEquals(RenkouException.Kind.CONFLICT, tooMany.kind());
        assertEquals("quantity", tooMany.field());
        assertEquals("months", fails(() -> w.stock.issue(DISTRICT_KEEPER, district,
                new Issue(product, 1, 5L, 4, "口服避孕药", true, null, null, null))).field());
        assertEquals("informedChoice", fails(() -> w.stock.issue(DISTRICT_KEEPER, district,
                new Issue(product, 1, 5L, 3, "口服避孕药", false, null, null, null))).field());
        // another community's keeper neither sees the store nor issues from it
        assertEquals(RenkouException.Kind.NOT_FOUND, fails(() -> w.stock.issue(OTHER_COMMUNITY_KEEPER, district,
                new Issue(product, 1, null, null, null, null, "x", null, null))).kind());

        w.clock.plusDays(60); // the lot expires on 2026-09-01
        RenkouException expired = fails(() -> w.stock.issue(DISTRICT_KEEPER, district,
                new Issue(product, 1, null, null, null, null, "x", lot.id(), "试图发放过期批次")));
        assertEquals(RenkouException.Kind.CONFLICT, expired.kind());
        assertEquals("lotId", expired.field());
        assertEquals(RenkouException.Kind.CONFLICT, fails(() -> w.stock.issue(DISTRICT_KEEPER, district,
                new Issue(product, 1, null, null, null, null, "x", null, null))).kind());
        assertReconciles();
    }

    @Test
    void aFailedCheckBlocksTheLotForEver() {
        Map<String, Boolean> quality = all(StockService.QUALITY);
        quality.put("noDamp", false);
        Lot lot = w.stock.receive(DISTRICT_KEEPER, district, new Receipt(product, "B-DAMP", LocalDate.of(2026, 1, 1),
                LocalDate.of(2028, 1, 1), 50, "市站", "FP-1", all(StockService.CHECKLIST), quality));
        assertTrue(lot.blocked());
        assertTrue(lot.blockReason().contains("无吸潮"), lot.blockReason());
        assertEquals("lotId", fails(() -> w.stock.issue(DISTRICT_KEEPER, district,
                new Issue(product, 1, null, null, null, null, "x", lot.id(), "试试"))).field());
        assertEquals(RenkouException.Kind.CONFLICT, fails(() -> w.stock.issue(DISTRICT_KEEPER, district,
                new Issue(product, 1, null, null, null, null, "x", null, null))).kind());
        assertEquals(RenkouException.Kind.CONFLICT, fails(() -> w.stock.transfer(DISTRICT_KEEPER,
                new Transfer(district, street, lot.id(), 1, null))).kind());
        Map<String, Boolean> missing = all(StockService.CHECKLIST);
        missing.remove("invoiceSeal");
        assertEquals("checklist.invoiceSeal", fails(() -> w.stock.receive(DISTRICT_KEEPER, district, new Receipt(
                product, "B2", LocalDate.of(2026, 1, 1), LocalDate.of(2028, 1, 1), 5, "市站", "FP-2", missing,
                all(StockService.QUALITY)))).field());
        assertEquals("expiresOn", fails(() -> receive(DISTRICT_KEEPER, district, "OLD", LocalDate.of(2026, 7, 1), 5))
                .field());
        assertReconciles();
    }

    @Test
    void transfersOnlyBetweenLevelsWithinReach() {
        Lot lot = receive(DISTRICT_KEEPER, district, "B1", LocalDate.of(2028, 1, 1), 300);
        w.stock.transfer(DISTRICT_KEEPER, new Transfer(district, street, lot.id(), 120, "第三季度调拨"));
        w.stock.transfer(STREET_KEEPER, new Transfer(street, community, lot.id(), 40, "7月调拨"));
        assertEquals(40, w.stock.stock(COMMUNITY_KEEPER, community).get(0).quantity());
        assertEquals(80, w.stock.stock(STREET_KEEPER, street).get(0).quantity());

        RenkouException outside = fails(() -> w.stock.transfer(COMMUNITY_KEEPER,
                new Transfer(community, otherCommunity, lot.id(), 1, null)));
        assertEquals(RenkouException.Kind.FORBIDDEN, outside.kind());
        assertEquals("toStoreId", outside.field());
        assertEquals("toStoreId", fails(() -> w.stock.transfer(DISTRICT_KEEPER,
                new Transfer(district, community, lot.id(), 1, null))).field());
        assertEquals(RenkouException.Kind.CONFLICT, fails(() -> w.stock.transfer(STREET_KEEPER,
                new Transfer(street, community, lot.id(), 81, null))).kind());
        assertReconciles();
    }

    @Test
    void issueToAPersonGoesOnTheirCardAndIsTraceable() {
        Lot lot = receive(DISTRICT_KEEPER, district, "B-TRACE", LocalDate.of(2028, 1, 1), 100);
        w.stock.transfer(DISTRICT_KEEPER, new Transfer(district, street, lot.id(), 50, null));
        w.stock.transfer(STREET_KEEPER, new Transfer(street, community, lot.id(), 20, null));
        w.stock.issue(COMMUNITY_KEEPER, community, new Issue(product, 3, 7L, 3, "口服避孕药", true, null, null, null));
        w.stock.issue(COMMUNITY_KEEPER, community, new Issue(product, 2, 8L, 2, "口服避孕药", true, null, null, null));
        assertEquals("residentId", fails(() -> w.stock.issue(COMMUNITY_KEEPER, community,
                new Issue(product, 1, 150L, 1, "口服避孕药", true, null, null, null))).field());
        w.cards.followUp(COMMUNITY_KEEPER, 7L, new FollowUp(community, null, "PHONE", "CONTINUING", null, "无不适"));
        w.cards.adverseReaction(COMMUNITY_KEEPER, 8L, new WarehouseDTO.AdverseReaction(community, lot.id(), null,
                "恶心"));

        assertEquals("reason", fails(() -> w.cards.card(COMMUNITY_KEEPER, 7L, " ")).field());
        List<WarehouseDTO.CardEntry> card = w.cards.card(COMMUNITY_KEEPER, 7L, "随访前查看");
        assertEquals(List.of("ISSUE", "FOLLOW_UP"), card.stream().map(WarehouseDTO.CardEntry::kind).toList());
        assertTrue(w.audit.stream().anyMatch(a -> a.startsWith("READ_SENSITIVE ContraceptiveCard 7 by community-keeper ")),
                w.audit.toString());

        WarehouseDTO.Trace trace = w.cards.trace(STREET_DIRECTOR, lot.id(), "不良反应追溯");
        assertEquals(List.of(7L, 8L), trace.recipients().stream().map(WarehouseDTO.CardEntry::residentId).toList());
        assertEquals(List.of(8L), trace.reactions().stream().map(WarehouseDTO.CardEntry::residentId).toList());
        assertEquals(List.of(street, community), trace.stores().stream().map(WarehouseDTO.StockLine::storeId).toList());

        ReportService.Report<ReportService.UsersRow> users = w.reports.usersReport(STREET_DIRECTOR, "440606901",
                "2026Q3");
        assertEquals(1, users.rows().size());
        assertEquals(2, users.rows().get(0).users());
        assertEquals(2, users.rows().get(0).newUsers());
        assertEquals(50.0, users.rows().get(0).followUpRate());
        assertReconciles();
    }

    @Test
    void stockTakeAdjustsOnlyOnceApprovedByAnother() {
        Lot lot = receive(DISTRICT_KEEPER, district, "B1", LocalDate.of(2028, 1, 1), 100);
        assertEquals("lines[0].explanation", fails(() -> w.approvals.submitStockTake(DISTRICT_KEEPER, district,
                new StockTakeIn("2026Q3", List.of(new CountLine(lot.id(), 98, null))))).field());
        StockTake take = w.approvals.submitStockTake(DISTRICT_KEEPER, district,
                new StockTakeIn("2026Q3", List.of(new CountLine(lot.id(), 98, "两板包装破损丢弃"))));
        assertEquals(-2, take.lines().get(0).difference());
        assertEquals(100, w.stock.stock(DISTRICT_KEEPER, district).get(0).quantity(), "not adjusted before approval");
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> w.approvals.decideStockTake(DISTRICT_KEEPER,
                take.id(), new Decision(true, null, take.version()))).kind());
        StockTake approved = w.approvals.decideStockTake(COUNTY_DIRECTOR, take.id(),
                new Decision(true, "同意", take.version()));
        assertEquals("APPROVED", approved.status());
        assertEquals(98, w.stock.stock(DISTRICT_KEEPER, district).get(0).quantity());
        assertEquals(RenkouException.Kind.CONFLICT, fails(() -> w.approvals.decideStockTake(COUNTY_DIRECTOR,
                take.id(), new Decision(true, "再次", approved.version()))).kind());
        assertReconciles();
    }

    @Test
    void scrappingNeedsTheLevelAbove() {
        Lot lot = receive(DISTRICT_KEEPER, district, "B1", LocalDate.of(2028, 1, 1), 100);
        w.stock.transfer(DISTRICT_KEEPER, new Transfer(district, street, lot.id(), 50, null));
        Scrap scrap = w.approvals.submitScrap(STREET_KEEPER, street, new ScrapIn(lot.id(), 5, "受潮"));
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> w.approvals.decideScrap(STREET_DIRECTOR, scrap.id(),
                new Decision(true, null, scrap.version()))).kind());
        assertEquals(50, w.stock.stock(STREET_KEEPER, street).get(0).quantity());
        Scrap done = w.approvals.decideScrap(COUNTY_DIRECTOR, scrap.id(), new Decision(true, "同意报废", scrap.version()));
        assertEquals("APPROVED", done.status());
        assertEquals(45, w.stock.stock(STREET_KEEPER, street).get(0).quantity());

        ReportService.Report<ReportService.StockRow> report = w.reports.stockReport(COUNTY_DIRECTOR, "440606",
                "2026Q3");
        ReportService.StockRow streetRow = report.rows().stream().filter(r -> r.jurisdictionCode().equals("440606901"))
                .findFirst().orElseThrow();
        assertEquals(50, streetRow.transferredIn());
        assertEquals(5, streetRow.scrapped());
        assertEquals(45, streetRow.closing());
        assertEquals(100.0, streetRow.lossPerMille());
        String csv = WarehouseResource.csv(report);
        assertTrue(csv.startsWith("\uFEFF避孕药具库存报表,440606,2026Q3"), csv);
        assertEquals(0, w.reports.stockReport(COUNTY_DIRECTOR, "440606", "2026Q2").rows().stream()
                .mapToLong(ReportService.StockRow::closing).sum());
        assertReconciles();
    }

    @Test
    void theIssuePlanSuggestsFirstExpiryFirstWithoutTakingAnything() {
        Lot later = receive(DISTRICT_KEEPER, district, "P-LATE", LocalDate.of(2028, 1, 1), 100);
        Lot sooner = receive(DISTRICT_KEEPER, district, "P-SOON", LocalDate.of(2027, 1, 1), 30);
        receive(DISTRICT_KEEPER, district, "P-EXPIRED", LocalDate.of(2026, 7, 20), 50);
        w.clock.plusDays(10); // P-EXPIRED is past its date now: never suggested
        List<WarehouseDTO.PlannedTake> plan = w.stock.issuePlan(DISTRICT_KEEPER, district, product, 40);
        assertEquals(List.of(sooner.id(), later.id()), plan.stream().map(WarehouseDTO.PlannedTake::lotId).toList());
        assertEquals(List.of(30, 10), plan.stream().map(WarehouseDTO.PlannedTake::take).toList());
        assertEquals(130, w.stock.stock(DISTRICT_KEEPER, district).stream().filter(l -> !l.expired())
                .mapToInt(WarehouseDTO.StockLine::quantity).sum(), "nothing taken");
        assertTrue(w.stock.stock(DISTRICT_KEEPER, district).stream().anyMatch(WarehouseDTO.StockLine::expired));
        RenkouException tooMany = fails(() -> w.stock.issuePlan(DISTRICT_KEEPER, district, product, 131));
        assertEquals("quantity", tooMany.field());
        assertEquals("productId", fails(() -> w.stock.issuePlan(DISTRICT_KEEPER, district, null, 1)).field());
        assertEquals(RenkouException.Kind.NOT_FOUND, fails(() -> w.stock.issuePlan(OTHER_COMMUNITY_KEEPER, district,
                product, 1)).kind());
    }

    @Test
    void aSignedOffReportIsFrozenAndCorrectedOnlyAsANewRevision() {
        receive(DISTRICT_KEEPER, district, "B1", LocalDate.of(2028, 1, 1), 100);
        w.stock.issue(DISTRICT_KEEPER, district, new Issue(product, 10, null, null, null, null, "服务站", null, null));
        ReportService.SignOffIn in = new ReportService.SignOffIn("440606", "2026Q3", "发放平稳，无积压。", null);
        // the unit's own head signs: not a keeper, not the director of the street below
        assertEquals(RenkouException.Kind.FORBIDDEN, fails(() -> w.reports.signOff(DISTRICT_KEEPER, "stock", in)).kind());
        assertEquals("jurisdiction", fails(() -> w.reports.signOff(STREET_DIRECTOR, "stock", in)).field());
        assertEquals("analysis", fails(() -> w.reports.signOff(COUNTY_DIRECTOR, "stock",
                new ReportService.SignOffIn("440606", "2026Q3", " ", null))).field());
        assertEquals("quarter", fails(() -> w.reports.signOff(COUNTY_DIRECTOR, "stock",
                new ReportService.SignOffIn("440606", "2026Q4", "x", null))).field());

        ReportService.Report<?> signed = w.reports.signOff(COUNTY_DIRECTOR, "stock", in);
        assertEquals(1, signed.signOff().revision());
        w.stock.issue(DISTRICT_KEEPER, district, new Issue(product, 5, null, null, null, null, "服务站", null, null));
        // later movements change the live figures, not the signed report
        assertEquals(10, issued(w.reports.stockReport(COUNTY_DIRECTOR, "440606", "2026Q3")));
        assertEquals(15, issued(w.reports.stockReport(COUNTY_DIRECTOR, "440606", "2026Q3", true)));
        assertEquals("county-director", w.reports.stockReport(DISTRICT_KEEPER, "440606", "2026Q3").signOff()
                .signedBy());

        // never re-opened: signing again needs a correction reason, and makes revision 2
        RenkouException again = fails(() -> w.reports.signOff(COUNTY_DIRECTOR, "stock", in));
        assertEquals(RenkouException.Kind.CONFLICT, again.kind());
        assertEquals("correctionReason", again.field());
        w.reports.signOff(COUNTY_DIRECTOR, "stock", new ReportService.SignOffIn("440606", "2026Q3", "补录发放 5 板。",
                "漏记一笔发放"));
        assertEquals(15, issued(w.reports.stockReport(COUNTY_DIRECTOR, "440606", "2026Q3")));
        List<ReportService.SignOff> revisions = w.reports.signOffs(COUNTY_DIRECTOR, "stock", "440606", "2026Q3");
        assertEquals(List.of(2, 1), revisions.stream().map(ReportService.SignOff::revision).toList());
        assertEquals("漏记一笔发放", revisions.get(0).correctionReason());

        // the export table carries the sign-off and one cell per column
        var table = ReportService.table(w.reports.stockReport(COUNTY_DIRECTOR, "440606", "2026Q3"), false);
        assertTrue(table.rows().stream().allMatch(r -> r.size() == table.columns().size()), table.toString());
        assertTrue(table.notes().stream().anyMatch(n -> n.contains("county-director") && n.contains("第 2 版")),
                table.notes().toString());
        assertTrue(ReportService.table(w.reports.usersReport(COUNTY_DIRECTOR, "440606", "2026Q3", true), true).notes()
                .stream().anyMatch(n -> n.contains("Not signed off")));
    }

    private static long issued(ReportService.Report<ReportService.StockRow> r) {
        return r.rows().stream().mapToLong(ReportService.StockRow::issued).sum();
    }

    /** What a race of {@code staff} threads, each issuing one unit {@code times} times, ended with. */
    private record Race(int issued, Map<String, Integer> refused) {
    }

    private Race race(int staff, int times) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(staff);
        AtomicInteger issued = new AtomicInteger();
        Map<String, Integer> refused = new ConcurrentHashMap<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < staff; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                for (int n = 0; n < times; n++) {
                    try {
                        w.stock.issue(DISTRICT_KEEPER, district,
                                new Issue(product, 1, null, null, null, null, "x", null, null));
                        issued.incrementAndGet();
                    } catch (RenkouException e) {
                        refused.merge(e.kind().name(), 1, Integer::sum);
                    } catch (RuntimeException e) {
                        refused.merge(e.toString(), 1, Integer::sum);
                    }
                }
            });
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        return new Race(issued.get(), refused);
    }

    @Test
    void twoStaffIssuingTheLastUnitAtOnceNeverMakeStockNegative() throws Exception {
        receive(DISTRICT_KEEPER, district, "B1", LocalDate.of(2028, 1, 1), 1);
        Race race = race(2, 1);
        assertEquals(1, race.issued());
        assertEquals(Map.of("CONFLICT", 1), race.refused());
        assertTrue(w.stock.stock(DISTRICT_KEEPER, district).isEmpty());
        assertReconciles();
    }

    @Test
    void manyThreadsDrainTwoLotsExactly() throws Exception {
        receive(DISTRICT_KEEPER, district, "B1", LocalDate.of(2028, 1, 1), 50);
        receive(DISTRICT_KEEPER, district, "B2", LocalDate.of(2028, 6, 1), 10);
        Race race = race(8, 12);
        assertFalse(race.refused().keySet().stream().anyMatch(k -> !k.equals("CONFLICT")), race.toString());
        assertEquals(96, race.issued() + race.refused().getOrDefault("CONFLICT", 0));
        int left = w.stock.stock(DISTRICT_KEEPER, district).stream().mapToInt(WarehouseDTO.StockLine::quantity).sum();
        assertEquals(0, left, "a lot emptied meanwhile is skipped for the next one: " + race);
        assertEquals(60, race.issued(), "every unit issued once: " + race);
        assertReconciles();
    }
}
