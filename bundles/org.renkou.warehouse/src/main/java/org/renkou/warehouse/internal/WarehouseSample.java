package org.renkou.warehouse.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Sex;
import org.renkou.core.api.resident.ResidentQuery;
import org.renkou.core.api.resident.ResidentRef;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.core.api.sample.SampleData;
import org.renkou.warehouse.internal.WarehouseDTO.Issue;
import org.renkou.warehouse.internal.WarehouseDTO.Product;
import org.renkou.warehouse.internal.WarehouseDTO.Receipt;
import org.renkou.warehouse.internal.WarehouseDTO.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The warehouse's part of the living sample (示例药具库): when the core has loaded the living sample into a new
 * database ({@link SampleData} with mode {@code living}) and no store exists yet, a community store of the first
 * sample community with two products, three lots (one expiring within {@link #NEAR_EXPIRY_DAYS} days, so the
 * near-expiry warning shows on the first day), a few issues to sample residents and one to a service point. All
 * through {@link StockService}, as the platform ({@link Caller#SYSTEM}), every name marked 示例.
 *
 * <p>Once per database: a restart gets no {@code SampleData} service (the core loads nothing into a database with
 * data), and switching the module off and on during the first run finds the store there.
 */
@Component(property = Warehouse.CONDITION)
public class WarehouseSample {
    /** The near-expiry lot expires this many days after the day of loading. */
    static final int NEAR_EXPIRY_DAYS = 20;
    private static final Logger LOG = LoggerFactory.getLogger(WarehouseSample.class);
    private static final Caller SYSTEM = Caller.SYSTEM;
    private static final Map<String, Boolean> ALL_CHECKED = new LinkedHashMap<>();

    static {
        StockService.CHECKLIST.keySet().forEach(k -> ALL_CHECKED.put(k, true));
    }

    private final StockService stock;
    private final ResidentService residents;
    private final WarehouseDatabase db;

    @Activate
    public WarehouseSample(@Reference StockService stock, @Reference ResidentService residents,
            @Reference WarehouseDatabase db) {
        this.stock = stock;
        this.residents = residents;
        this.db = db;
    }

    /**
     * The core's hook: optional, so that the module is fully running without it (every start but a first one with
     * the living sample); bound when the core has loaded its part, or at once when it had before the module came on.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            target = "(" + SampleData.MODE + "=living)")
    synchronized void setSample(SampleData sample) {
        try {
            if (!stock.stores(SYSTEM).isEmpty() || sample.communities().isEmpty()) {
                return;
            }
            String community = sample.communities().get(0);
            ResidentQuery women = new ResidentQuery();
            women.jurisdictionCode = community;
            women.sex = Sex.FEMALE;
            women.bornFrom = db.today().minusYears(45);
            women.bornTo = db.today().minusYears(22);
            // matches answers up to max + 1
            List<Long> recipients = residents.matches(SYSTEM, women, 4).stream().limit(4).map(ResidentRef::id)
                    .toList();
            load(stock, community, recipients, db.today());
        } catch (RenkouException e) {
            // a second node loading at the same moment: its store is there (one store per jurisdiction)
            LOG.warn("Warehouse sample not loaded: {}", e.getMessage());
        }
    }

    void unsetSample(SampleData sample) {
        // nothing to undo: the sample stays like any data
    }

    /** Loads the sample store into {@code community}; {@code recipients} are sample residents who are issued to. */
    static Store load(StockService stock, String community, List<Long> recipients, LocalDate today) {
        Store store = stock.createStore(SYSTEM, new Store(null, "示例一社区药具室（示例）", null, community, null));
        Product condom = stock.createProduct(SYSTEM, new Product(null, "男用避孕套（示例）", "避孕套", "52mm 10只/盒",
                "盒", "国械注准示例0001", "示例乳胶制品有限公司", null));
        Product pill = stock.createProduct(SYSTEM, new Product(null, "左炔诺孕酮片（示例）", "口服避孕药", "0.75mg×2片",
                "板", "国药准字示例H0002", "示例制药有限公司", null));
        // the near-expiry lot: produced long ago, 近效期 on the first day, issued first (先产先出)
        receive(stock, store, condom, "SL" + today.minusYears(3).getYear() + "-0117",
                today.minusYears(3).plusDays(NEAR_EXPIRY_DAYS), today.plusDays(NEAR_EXPIRY_DAYS), 60);
        receive(stock, store, condom, "SL" + today.getYear() + "-0342", today.minusMonths(2), today.plusYears(3), 200);
        receive(stock, store, pill, "LN" + today.getYear() + "-0908", today.minusMonths(4), today.plusYears(2), 40);
        for (int i = 0; i < recipients.size(); i++) {
            boolean pills = i == recipients.size() - 1 && i > 0;
            stock.issue(SYSTEM, store.id(), new Issue(pills ? pill.id() : condom.id(), pills ? 1 : 3,
                    recipients.get(i), pills ? 1 : 3, pills ? "口服避孕药" : "避孕套", true, null, null, null));
        }
        stock.issue(SYSTEM, store.id(), new Issue(condom.id(), 10, null, null, null, null,
                "示例一社区卫生服务站（示例）", null, null));
        LOG.info("Loaded the warehouse sample: store {} in {}, 2 products, 3 lots (one expiring in {} days), {} issues",
                store.id(), community, NEAR_EXPIRY_DAYS, recipients.size() + 1);
        return store;
    }

    private static void receive(StockService stock, Store store, Product product, String batch, LocalDate produced,
            LocalDate expires, int quantity) {
        Map<String, Boolean> quality = new LinkedHashMap<>();
        StockService.QUALITY.keySet().forEach(k -> quality.put(k, true));
        stock.receive(SYSTEM, store.id(), new Receipt(product.id(), batch, produced, expires, quantity, "示例医药公司",
                "示例FP" + batch, ALL_CHECKED, quality));
    }
}
