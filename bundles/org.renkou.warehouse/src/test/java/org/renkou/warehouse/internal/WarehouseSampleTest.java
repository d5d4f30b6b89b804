package org.renkou.warehouse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.api.jurisdiction.JurisdictionService;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.ResidentRef;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.core.api.sample.SampleData;
import org.renkou.warehouse.internal.WarehouseDTO.StockLine;
import org.renkou.warehouse.internal.WarehouseDTO.Store;

/**
 * The warehouse's part of the living sample on the real persistence unit: a store with stock near expiry and issues
 * to sample residents, loaded when the core's {@link SampleData} says {@code living}, and only once.
 */
class WarehouseSampleTest {
    private TestWarehouse w;
    private StockService stock;
    private ResidentService residents;

    @BeforeEach
    void setUp() {
        w = new TestWarehouse();
        residents = TestWarehouse.proxy(ResidentService.class, (name, args) -> {
            if (name.equals("matches")) { // three sample women of the community
                return List.of(new ResidentRef(1, "陈静", "440606901001"), new ResidentRef(2, "张丽", "440606901001"),
                        new ResidentRef(3, "周敏", "440606901001"));
            }
            ResidentDTO r = new ResidentDTO();
            r.id = (Long) args[1];
            r.residenceCode = "440606901001";
            return Optional.of(r);
        });
        JurisdictionService jurisdictions = TestWarehouse.proxy(JurisdictionService.class, (name, args) -> {
            JurisdictionDTO j = new JurisdictionDTO();
            j.code = (String) args[0];
            return Optional.of(j);
        });
        stock = new StockService(w.db, residents, jurisdictions);
    }

    @AfterEach
    void tearDown() {
        w.close();
    }

    @Test
    void aStoreWithStockNearExpiryOnce() {
        SampleData living = new SampleData() {
            @Override
            public Mode mode() {
                return Mode.LIVING;
            }

            @Override
            public List<String> communities() {
                return List.of("440606901001", "440606901002");
            }
        };
        WarehouseSample component = new WarehouseSample(stock, residents, w.db);
        component.setSample(living);

        List<Store> stores = stock.stores(Caller.SYSTEM);
        assertEquals(1, stores.size());
        assertEquals("440606901001", stores.get(0).jurisdictionCode());
        assertTrue(stores.get(0).name().contains("示例"));
        assertTrue(stock.products(Caller.SYSTEM).stream().allMatch(p -> p.name().contains("示例")));
        LocalDate today = w.db.today();
        List<StockLine> lines = stock.stock(Caller.SYSTEM, stores.get(0).id());
        StockLine first = lines.get(0);
        assertTrue(first.nearExpiry() && first.expiresOn().isBefore(today.plusDays(30)), "a lot expiring within 30 days");
        // first expiry first out: the issues (3 boxes each to two women, 10 to the service point) took the near lot
        assertEquals(60 - 3 - 3 - 10, first.quantity(), lines.toString());
        assertEquals(7, stock.ledger(Caller.SYSTEM, stores.get(0).id(), 0, 100).total,
                "three receipts, three issues to persons, one to the service point");

        // the module switched off and on again during the first run: nothing twice
        new WarehouseSample(stock, residents, w.db).setSample(living);
        assertEquals(1, stock.stores(Caller.SYSTEM).size());
        assertEquals(2, stock.products(Caller.SYSTEM).size());
    }
}
