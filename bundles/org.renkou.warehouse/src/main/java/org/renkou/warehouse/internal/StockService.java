package org.renkou.warehouse.internal;

import static org.renkou.warehouse.internal.WarehouseDatabase.store;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.jurisdiction.JurisdictionService;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.warehouse.internal.WarehouseDTO.Issue;
import org.renkou.warehouse.internal.WarehouseDTO.LedgerEntry;
import org.renkou.warehouse.internal.WarehouseDTO.Lot;
import org.renkou.warehouse.internal.WarehouseDTO.Mismatch;
import org.renkou.warehouse.internal.WarehouseDTO.PlannedTake;
import org.renkou.warehouse.internal.WarehouseDTO.Product;
import org.renkou.warehouse.internal.WarehouseDTO.Receipt;
import org.renkou.warehouse.internal.WarehouseDTO.Reconciliation;
import org.renkou.warehouse.internal.WarehouseDTO.StockLine;
import org.renkou.warehouse.internal.WarehouseDTO.Store;
import org.renkou.warehouse.internal.WarehouseDTO.Transfer;
import org.renkou.warehouse.internal.WarehouseDatabase.Audit;
import org.renkou.warehouse.internal.entities.CardEntryEntity;
import org.renkou.warehouse.internal.entities.LedgerEntity;
import org.renkou.warehouse.internal.entities.LotEntity;
import org.renkou.warehouse.internal.entities.ProductEntity;
import org.renkou.warehouse.internal.entities.StockEntity;
import org.renkou.warehouse.internal.entities.StoreEntity;

/**
 * Catalogue, stores and every movement of stock: receiving with 三查六对 and the quality check, issue first expiry
 * first out (先产先出), transfers between levels, and the reconciliation of balances against the ledger (账账相符).
 * A movement writes a ledger entry and moves the lot's balance in the same transaction; the balance moves only by a
 * guarded update ({@code quantity >= :q}), so two staff issuing the last units at once can never take it below zero.
 */
@Component(service = StockService.class, property = Warehouse.CONDITION)
public class StockService {
    static final Role[] READ = {Role.WAREHOUSE_KEEPER, Role.DIRECTOR, Role.STATISTICIAN};
    static final Role[] MOVE = {Role.WAREHOUSE_KEEPER, Role.DIRECTOR};

    /** 三查六对: check the receiving unit, the invoice seal and date; match item number … packaging. */
    static final Map<String, String> CHECKLIST = ordered("receivingUnit", "收货单位", "invoiceSeal", "票据印鉴",
            "invoiceDate", "开票时间", "itemNumber", "货号", "name", "品名", "specification", "规格", "dose", "剂量",
            "unit", "单位", "quantity", "数量", "packaging", "包装");
    /** Quality check: no discoloration, damp, clumping, melting, mould, odour, sediment, contamination; labels. */
    static final Map<String, String> QUALITY = ordered("noDiscoloration", "无变色", "noDamp", "无吸潮", "noClumping",
            "无结块", "noMelting", "无溶化", "noMould", "无生霉", "noOdour", "无异臭", "noSediment", "无沉淀",
            "noContamination", "无污染", "labelled", "品名、规格、批准文号、生产批号、有效期标识齐全");

    private final WarehouseDatabase db;
    private final ResidentService residents;
    private final JurisdictionService jurisdictions;

    @Activate
    public StockService(@Reference WarehouseDatabase db, @Reference ResidentService residents,
            @Reference JurisdictionService jurisdictions) {
        this.db = db;
        this.residents = residents;
        this.jurisdictions = jurisdictions;
    }

    // --- catalogue and stores ---------------------------------------------------------------------------------

    public List<Product> products(Caller caller) {
        caller.require("查看药具目录", "read the catalogue", READ);
        return db.read(em -> em.createQuery("SELECT p FROM ProductEntity p ORDER BY p.name, p.id", ProductEntity.class)
                .getResultList().stream().map(StockService::dto).toList());
    }

    public Product createProduct(Caller caller, Product in) {
        caller.require("维护药具目录", "maintain the catalogue", MOVE);
        Input.body(in);
        ProductEntity p = new ProductEntity();
        p.name = Input.required(in.name(), "name", "品名", "name", 100);
        p.type = Input.required(in.type(), "type", "类别", "type", 40);
        p.specification = Input.required(in.specification(), "specification", "规格", "specification", 100);
        p.unit = Input.required(in.unit(), "unit", "单位", "unit", 20);
        p.approvalNumber = Input.required(in.approvalNumber(), "approvalNumber", "批准文号", "approval number", 60);
        p.manufacturer = Input.required(in.manufacturer(), "manufacturer", "生产企业", "manufacturer", 100);
        Product out = db.tx(em -> {
            em.persist(p);
            em.flush();
            return dto(p);
        }, o -> new Audit(caller, AuditAction.CREATE, "ContraceptiveProduct", o.id().toString(), null,
                o.name() + " " + o.specification() + " " + o.approvalNumber(), null));
        return out;
    }

    public List<Store> stores(Caller caller) {
        caller.require("查看药具库", "read stores", READ);
        return db.read(em -> em.createQuery("SELECT s FROM StoreEntity s ORDER BY s.jurisdictionCode", StoreEntity.class)
                .getResultList().stream().filter(s -> caller.covers(s.jurisdictionCode)).map(StockService::dto)
                .toList());
    }

    public Store createStore(Caller caller, Store in) {
        caller.require("设立药具库", "set up a store", Role.DIRECTOR, Role.ADMIN);
        Input.body(in);
        String code = Input.required(in.jurisdictionCode(), "jurisdictionCode", "行政区划代码", "jurisdiction code", 15);
        String level = switch (code.length()) {
            case 6 -> "DISTRICT";
            case 9 -> "STREET";
            case 12 -> "COMMUNITY";
            default -> throw RenkouException.invalid("jurisdictionCode", "药具库只设在区（县）、街道（乡镇）或社区（村）。",
                    "A store belongs to a district (6 digits), a street (9) or a community (12).");
        };
        if (jurisdictions.find(code).isEmpty()) {
            throw RenkouException.invalid("jurisdictionCode", "行政区划 " + code + " 不存在。",
                    "Jurisdiction " + code + " does not exist.");
        }
        if (!caller.covers(code)) {
            throw new RenkouException(RenkouException.Kind.FORBIDDEN, "jurisdictionCode",
                    "行政区划 " + code + " 不在您的辖区内。", "Jurisdiction " + code + " lies outside your jurisdiction.");
        }
        StoreEntity s = new StoreEntity();
        s.name = Input.required(in.name(), "name", "名称", "name", 100);
        s.level = level;
        s.jurisdictionCode = code;
        Store out = db.tx(em -> {
            em.persist(s);
            em.flush();
            return dto(s);
        }, o -> new Audit(caller, AuditAction.CREATE, "ContraceptiveStore", o.id().toString(), code, o.name(), null));
        return out;
    }

    // --- stock and ledger ----------------------------------------------------------------------------------------

    /** The balances of a store's lots, first expiry first; empty balances left out. */
    public List<StockLine> stock(Caller caller, long storeId) {
        caller.require("查看库存", "read stock", READ);
        LocalDate today = db.today();
        return db.read(em -> {
            store(em, caller, storeId, "storeId");
            return lines(em, em.createQuery("SELECT s FROM StockEntity s WHERE s.storeId = :s AND s.quantity > 0 "
                    + "ORDER BY s.expiresOn, s.lotId", StockEntity.class).setParameter("s", storeId).getResultList(),
                    today);
        });
    }

    static List<StockLine> lines(EntityManager em, List<StockEntity> stock, LocalDate today) {
        List<StockLine> out = new ArrayList<>();
        for (StockEntity s : stock) {
            LotEntity lot = em.find(LotEntity.class, s.lotId);
            ProductEntity p = em.find(ProductEntity.class, s.productId);
            out.add(new StockLine(s.storeId, s.lotId, s.productId, p.name, lot.batchNumber, lot.expiresOn,
                    s.quantity, lot.blocked, lot.expiresOn.isBefore(today),
                    !lot.expiresOn.isBefore(today) && !lot.expiresOn.isAfter(today.plusDays(ReportService.NEAR_EXPIRY_DAYS))));
        }
        return out;
    }

    public Page<LedgerEntry> ledger(Caller caller, long storeId, Integer offset, Integer limit) {
        caller.require("查看明细帐", "read the ledger", READ);
        int[] p = Page.check(offset, limit);
        // who received what is the card's (一人一卡): only those who may read cards see the person, and that read
        // is audited like a card read; everybody else sees the issue without the person
        boolean persons = caller.hasAny(CardService.CARD);
        String[] code = new String[1];
        return db.tx(em -> {
            code[0] = store(em, caller, storeId, "storeId").jurisdictionCode;
            long total = em.createQuery("SELECT COUNT(l) FROM LedgerEntity l WHERE l.storeId = :s", Long.class)
                    .setParameter("s", storeId).getSingleResult();
            List<LedgerEntry> items = em.createQuery("SELECT l FROM LedgerEntity l WHERE l.storeId = :s "
                    + "ORDER BY l.id DESC", LedgerEntity.class).setParameter("s", storeId).setFirstResult(p[0])
                    .setMaxResults(p[1]).getResultList().stream().map(e -> persons ? dto(e) : withoutPerson(e)).toList();
            return new Page<>(items, total, p[0], p[1]);
        }, page -> persons && page.items.stream().anyMatch(l -> l.residentId() != null)
                ? new Audit(caller, AuditAction.READ_SENSITIVE, "ContraceptiveLedger", Long.toString(storeId), code[0],
                        null, "明细帐中的发放对象 / persons in the ledger")
                : null);
    }

    /** Every balance within the caller's reach against the sum of its ledger entries. */
    public Reconciliation reconcile(Caller caller) {
        caller.require("核对库存", "reconcile stock", READ);
        return db.read(em -> {
            Map<List<Long>, Long> sums = new LinkedHashMap<>();
            for (Object[] r : em.createQuery("SELECT l.storeId, l.lotId, SUM(l.quantity) FROM LedgerEntity l "
                    + "GROUP BY l.storeId, l.lotId", Object[].class).getResultList()) {
                sums.put(List.of((Long) r[0], (Long) r[1]), ((Number) r[2]).longValue());
            }
            List<Long> visible = em.createQuery("SELECT s FROM StoreEntity s", StoreEntity.class).getResultList()
                    .stream().filter(s -> caller.covers(s.jurisdictionCode)).map(s -> s.id).toList();
            List<Mismatch> mismatches = new ArrayList<>();
            int checked = 0;
            for (StockEntity s : em.createQuery("SELECT s FROM StockEntity s", StockEntity.class).getResultList()) {
                if (!visible.contains(s.storeId)) {
                    continue;
                }
                checked++;
                long sum = sums.getOrDefault(List.of(s.storeId, s.lotId), 0L);
                if (sum != s.quantity) {
                    mismatches.add(new Mismatch(s.storeId, s.lotId, s.quantity, sum));
                }
            }
            sums.forEach((key, sum) -> {
                if (visible.contains(key.get(0)) && sum != 0 && em.createNamedQuery(StockEntity.OF, StockEntity.class)
                        .setParameter("s", key.get(0)).setParameter("l", key.get(1)).getResultList().isEmpty()) {
                    mismatches.add(new Mismatch(key.get(0), key.get(1), 0, sum));
                }
            });
            return new Reconciliation(mismatches.isEmpty(), checked, mismatches);
        });
    }

    // --- receiving -----------------------------------------------------------------------------------------------

    public Lot receive(Caller caller, long storeId, Receipt in) {
        caller.require("药具入库", "receive stock", MOVE);
        Input.body(in);
        LocalDate today = db.today();
        LotEntity lot = new LotEntity();
        lot.productId = Input.present(in.productId(), "productId", "药具品种", "product");
        lot.batchNumber = Input.required(in.batchNumber(), "batchNumber", "生产批号", "batch number", 60);
        lot.producedOn = Input.present(in.producedOn(), "producedOn", "生产日期", "production date");
        lot.expiresOn = Input.present(in.expiresOn(), "expiresOn", "有效期至", "expiry date");
        if (lot.producedOn.isAfter(today)) {
            throw RenkouException.invalid("producedOn", "生产日期不能晚于今天。", "The production date lies in the future.");
        }
        if (!lot.expiresOn.isAfter(today) || !lot.expiresOn.isAfter(lot.producedOn)) {
            throw RenkouException.invalid("expiresOn", "已过期或有效期早于生产日期的药具不得入库。",
                    "An expired lot, or one that expires before it was made, cannot be received.");
        }
        lot.receivedQuantity = Input.positive(in.quantity(), "quantity", "数量", "quantity");
        lot.supplier = Input.required(in.supplier(), "supplier", "供货单位", "supplier", 100);
        lot.invoiceNumber = Input.required(in.invoiceNumber(), "invoiceNumber", "票据号", "invoice number", 60);
        List<String> failed = new ArrayList<>();
        failed.addAll(failedItems(in.checklist(), CHECKLIST, "checklist"));
        failed.addAll(failedItems(in.quality(), QUALITY, "quality"));
        lot.blocked = !failed.isEmpty();
        lot.blockReason = lot.blocked ? "未通过：" + String.join("、", failed) : null;
        lot.checklist = "三查六对 " + in.checklist() + "; 质量 " + in.quality();
        lot.receivedAt = db.now();
        lot.receivedBy = caller.username();
        Lot out = db.tx(em -> {
            StoreEntity store = store(em, caller, storeId, "storeId");
            if (em.find(ProductEntity.class, lot.productId) == null) {
                throw RenkouException.invalid("productId", "药具品种 " + lot.productId + " 不存在。",
                        "Product " + lot.productId + " does not exist.");
            }
            lot.receivedStoreId = store.id;
            em.persist(lot);
            em.flush();
            move(em, db.now(), caller, store.id, lot, "RECEIVE", lot.receivedQuantity, e -> e.reason = lot.blockReason);
            return dto(lot);
        }, o -> o.blocked() ? new Audit(caller, AuditAction.CREATE, "ContraceptiveLot", o.id().toString(), null,
                "批次 " + o.batchNumber() + " 冻结 / blocked", o.blockReason()) : null);
        return out;
    }

    /** The names of the items that failed; a missing item is bad input naming {@code group.item}. */
    private static List<String> failedItems(Map<String, Boolean> given, Map<String, String> items, String group) {
        if (given == null) {
            throw RenkouException.invalid(group, "请填写验收检查结果。", "Please give the results of " + group + ".");
        }
        for (String key : given.keySet()) {
            if (!items.containsKey(key)) {
                throw RenkouException.invalid(group + "." + key, "未知的检查项 " + key + "。", "Unknown check " + key + ".");
            }
        }
        List<String> failed = new ArrayList<>();
        items.forEach((key, nameZh) -> {
            Boolean v = given.get(key);
            if (v == null) {
                throw RenkouException.invalid(group + "." + key, "请填写检查项“" + nameZh + "”的结果。",
                        "Please give the result of " + group + "." + key + ".");
            }
            if (!v) {
                failed.add(nameZh);
            }
        });
        return failed;
    }

    // --- issue ---------------------------------------------------------------------------------------------------

    /** Issues stock; the ledger entries written, first expiry first unless a lot was chosen with a reason. */
    public List<LedgerEntry> issue(Caller caller, long storeId, Issue in) {
        caller.require("发放药具", "issue stock", MOVE);
        Input.body(in);
        int quantity = Input.positive(in.quantity(), "quantity", "数量", "quantity");
        Long residentId = in.residentId();
        String recipient;
        if (residentId != null) {
            int months = Input.present(in.months(), "months", "发放月数", "months");
            if (months < 1 || months > 3) {
                throw RenkouException.invalid("months", "每次发放 1 至 3 个月的用量。", "Issue 1 to 3 months' supply at a time.");
            }
            Input.required(in.method(), "method", "避孕方法", "method", 40);
            if (!Boolean.TRUE.equals(in.informedChoice())) {
                throw RenkouException.invalid("informedChoice", "须经本人知情选择后方可发放。",
                        "The person must have made an informed choice of method.");
            }
            recipient = null;
        } else {
            recipient = Input.required(in.recipient(), "recipient", "领取人或发放点（或 residentId）", "recipient", 100);
        }
        String override = Input.optional(in.overrideReason(), "overrideReason", "不按先产先出的理由", "override reason", 1000);
        LocalDate today = db.today();
        List<LedgerEntry> out = db.tx(em -> {
            StoreEntity store = store(em, caller, storeId, "storeId");
            if (residentId != null) {
                CardService.visible(residents, caller, residentId);
            }
            List<LedgerEntity> written = new ArrayList<>();
            if (in.lotId() != null) {
                LotEntity lot = issuableLot(em, in.lotId(), today);
                if (in.productId() != null && !in.productId().equals(lot.productId)) {
                    throw RenkouException.invalid("lotId", "该批次不是所选药具品种。", "The lot is not of the product given.");
                }
                List<Candidate> fefo = candidates(em, store.id, lot.productId, today, 1);
                if (!fefo.isEmpty() && fefo.get(0).lotId() != lot.id && override == null) {
                    throw RenkouException.invalid("overrideReason", "未按先产先出发放，请写明理由。",
                            "This lot is not the first to expire: give a written reason to issue it first.");
                }
                written.add(move(em, db.now(), caller, store.id, lot, "ISSUE", -quantity, e -> {
                    e.residentId = residentId;
                    e.recipient = recipient;
                    e.reason = override;
                }));
            } else {
                Long productId = Input.present(in.productId(), "productId", "药具品种", "product");
                written.addAll(issueFirstExpiryFirst(em, caller, store.id, productId, quantity, today, e -> {
                    e.residentId = residentId;
                    e.recipient = recipient;
                }));
            }
            if (residentId != null) {
                for (LedgerEntity e : written) {
                    CardEntryEntity c = new CardEntryEntity();
                    c.residentId = residentId;
                    c.storeId = store.id;
                    c.kind = "ISSUE";
                    c.onDate = e.onDate;
                    c.at = e.at;
                    c.lotId = e.lotId;
                    c.productId = e.productId;
                    c.quantity = -e.quantity;
                    c.months = in.months();
                    c.method = in.method().strip();
                    c.informedChoice = true;
                    c.actor = caller.username();
                    em.persist(c);
                }
            }
            em.flush();
            return written.stream().map(StockService::dto).toList();
        }, o -> residentId == null ? null : new Audit(caller, AuditAction.CREATE, "ContraceptiveCard",
                residentId.toString(), storeCode(storeId), "发放 " + quantity + "（" + in.months() + " 个月，" + in.method().strip()
                + "）", override));
        return out;
    }

    /** A balance an issue may take from: the lot and the units it holds. */
    record Candidate(long lotId, int quantity) {
    }

    /**
     * The lots an issue of {@code quantity} would take, first expiry first out, without taking anything: the
     * suggestion shown before issuing; 409 naming {@code quantity} when the store has too little.
     */
    public List<PlannedTake> issuePlan(Caller caller, long storeId, Long productId, Integer quantity) {
        caller.require("查看库存", "read stock", READ);
        long product = Input.present(productId, "productId", "药具品种", "product");
        int wanted = Input.positive(quantity, "quantity", "数量", "quantity");
        LocalDate today = db.today();
        return db.read(em -> {
            store(em, caller, storeId, "storeId");
            List<PlannedTake> out = new ArrayList<>();
            int left = wanted;
            for (Candidate c : candidates(em, storeId, product, today)) {
                LotEntity lot = em.find(LotEntity.class, c.lotId());
                int take = Math.min(left, c.quantity());
                out.add(new PlannedTake(lot.id, lot.batchNumber, lot.expiresOn, c.quantity(), take));
                left -= take;
                if (left == 0) {
                    return out;
                }
            }
            throw insufficient(wanted - left);
        });
    }

    /** The issuable balances of a product in a store, first expiry first (先产先出): not blocked, not expired. */
    static List<Candidate> candidates(EntityManager em, long storeId, long productId, LocalDate today) {
        return candidates(em, storeId, productId, today, Integer.MAX_VALUE);
    }

    /**
     * The first {@code limit} of {@link #candidates}: an issue reads only the lots it may need, not all 500, as plain
     * values rather than managed entities. Native SQL for Derby's optimizer hint: on a small table Derby would scan
     * and sort every balance of the database (40 % of an issue's CPU); in the order of index IX_WH_STOCK_FEFO it
     * reads the first few entries and needs no sort.
     */
    static List<Candidate> candidates(EntityManager em, long storeId, long productId, LocalDate today, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT LOT_ID, QUANTITY FROM WH_STOCK "
                + "--DERBY-PROPERTIES index=IX_WH_STOCK_FEFO\n"
                + "WHERE STORE_ID = ? AND PRODUCT_ID = ? AND EXPIRES_ON >= ? AND BLOCKED = ? AND QUANTITY > 0 "
                + "ORDER BY EXPIRES_ON, PRODUCED_ON, LOT_ID").setParameter(1, storeId).setParameter(2, productId)
                .setParameter(3, java.sql.Date.valueOf(today)).setParameter(4, false) // SMALLINT 0 (Derby) or BOOLEAN
                .setMaxResults(limit).getResultList();
        return rows.stream().map(r -> new Candidate(((Number) r[0]).longValue(), ((Number) r[1]).intValue()))
                .toList();
    }

    /**
     * Takes {@code quantity} units from the lots first to expire. A lot another transaction emptied meanwhile is
     * skipped for the next one (its balance re-read from the database); 409 only when the store has too little.
     */
    private List<LedgerEntity> issueFirstExpiryFirst(EntityManager em, Caller caller, long storeId, long productId,
            int quantity, LocalDate today, Consumer<LedgerEntity> details) {
        List<Candidate> fefo = candidates(em, storeId, productId, today, 20);
        if (fefo.stream().mapToLong(Candidate::quantity).sum() < quantity) {
            fefo = candidates(em, storeId, productId, today);
        }
        List<LedgerEntity> written = new ArrayList<>();
        int left = quantity;
        for (Candidate s : fefo) {
            int take = Math.min(left, s.quantity());
            while (take > 0 && !take(em, storeId, s.lotId(), take)) {
                take = Math.min(left, balance(em, storeId, s.lotId()));
            }
            if (take > 0) {
                written.add(entry(em, db.now(), caller, storeId, em.find(LotEntity.class, s.lotId()), "ISSUE", -take,
                        details));
                left -= take;
            }
            if (left == 0) {
                return written;
            }
        }
        throw insufficient(quantity - left);
    }

    /** The lot, if it may leave a store: 409 when blocked by the quality check or expired. */
    static LotEntity issuableLot(EntityManager em, Long lotId, LocalDate today) {
        LotEntity lot = em.find(LotEntity.class, lotId);
        if (lot == null) {
            throw RenkouException.notFound("lotId", "批次 " + lotId + " 不存在。", "Lot " + lotId + " does not exist.");
        }
        if (lot.blocked) {
            throw RenkouException.conflict("lotId", "批次 " + lot.batchNumber + " 验收未通过，不得发放或调拨（" + lot.blockReason
                    + "）。", "Lot " + lot.batchNumber + " failed its receiving check and can never be issued or moved.");
        }
        if (lot.expiresOn.isBefore(today)) {
            throw RenkouException.conflict("lotId", "批次 " + lot.batchNumber + " 已于 " + lot.expiresOn + " 过期，不得发放。",
                    "Lot " + lot.batchNumber + " expired on " + lot.expiresOn + " and can never be issued.");
        }
        return lot;
    }

    static RenkouException insufficient(long available) {
        return RenkouException.conflict("quantity", "库存不足：可发放数量为 " + available + "。",
                "Not enough stock: " + available + " can be issued.");
    }

    // --- transfer ------------------------------------------------------------------------------------------------

    /** Moves a lot between a store and the one above or below it (调拨); both must lie within reach. */
    public List<LedgerEntry> transfer(Caller caller, Transfer in) {
        caller.require("调拨药具", "transfer stock", MOVE);
        Input.body(in);
        int quantity = Input.positive(in.quantity(), "quantity", "数量", "quantity");
        String reason = Input.optional(in.reason(), "reason", "说明", "reason", 1000);
        LocalDate today = db.today();
        List<LedgerEntry> out = db.tx(em -> {
            StoreEntity from = store(em, caller, Input.present(in.fromStoreId(), "fromStoreId", "调出库", "sending store"),
                    "fromStoreId");
            Long toId = Input.present(in.toStoreId(), "toStoreId", "调入库", "receiving store");
            StoreEntity to = em.find(StoreEntity.class, toId);
            if (to == null) {
                throw RenkouException.notFound("toStoreId", "药具库 " + toId + " 不存在。", "Store " + toId + " does not exist.");
            }
            if (!caller.covers(to.jurisdictionCode)) {
                throw new RenkouException(RenkouException.Kind.FORBIDDEN, "toStoreId",
                        "调入库“" + to.name + "”不在您的辖区内，不能调拨。",
                        "Store " + to.name + " lies outside your jurisdiction: you cannot transfer to it.");
            }
            if (!adjacent(from.jurisdictionCode, to.jurisdictionCode)) {
                throw RenkouException.invalid("toStoreId", "只能在上下级药具库之间调拨。",
                        "Stock moves only between a store and the one directly above or below it.");
            }
            LotEntity lot = issuableLot(em, Input.present(in.lotId(), "lotId", "批次", "lot"), today);
            LedgerEntity outEntry = move(em, db.now(), caller, from.id, lot, "TRANSFER_OUT", -quantity, e -> {
                e.otherStoreId = to.id;
                e.reason = reason;
            });
            LedgerEntity inEntry = move(em, db.now(), caller, to.id, lot, "TRANSFER_IN", quantity, e -> {
                e.otherStoreId = from.id;
                e.reason = reason;
            });
            em.flush();
            return List.of(dto(outEntry), dto(inEntry));
        });
        return out;
    }

    /** Whether one store's jurisdiction lies directly above the other's (district → street → community). */
    static boolean adjacent(String a, String b) {
        String upper = a.length() < b.length() ? a : b;
        String lower = a.length() < b.length() ? b : a;
        return lower.length() - upper.length() == 3 && lower.startsWith(upper);
    }

    // --- the one place a balance moves ---------------------------------------------------------------------------

    /**
     * Writes a ledger entry and moves the balance by {@code delta} in the caller's transaction. Taking uses the
     * guarded update: if another transaction took the units first, nothing changes and this one fails with 409.
     */
    static LedgerEntity move(EntityManager em, LocalDateTime at, Caller caller, long storeId, LotEntity lot,
            String kind, int delta, Consumer<LedgerEntity> details) {
        if (delta < 0) {
            if (!take(em, storeId, lot.id, -delta)) {
                throw insufficient(balance(em, storeId, lot.id));
            }
        } else {
            int changed = em.createNamedQuery(StockEntity.PUT).setParameter("q", delta).setParameter("s", storeId)
                    .setParameter("l", lot.id).executeUpdate();
            if (changed == 0) {
                StockEntity s = new StockEntity();
                s.storeId = storeId;
                s.lotId = lot.id;
                s.productId = lot.productId;
                s.expiresOn = lot.expiresOn;
                s.producedOn = lot.producedOn;
                s.blocked = lot.blocked;
                s.quantity = delta;
                em.persist(s);
            }
        }
        return entry(em, at, caller, storeId, lot, kind, delta, details);
    }

    /** The guarded update: takes {@code quantity} from the balance if it holds that many, else changes nothing. */
    static boolean take(EntityManager em, long storeId, long lotId, int quantity) {
        return em.createNamedQuery(StockEntity.TAKE).setParameter("q", quantity).setParameter("s", storeId)
                .setParameter("l", lotId).executeUpdate() > 0;
    }

    /** The balance as the database has it (a scalar query, not this transaction's stale copy of the row). */
    static int balance(EntityManager em, long storeId, long lotId) {
        List<Integer> q = em.createQuery("SELECT s.quantity FROM StockEntity s WHERE s.storeId = :s AND s.lotId = :l",
                Integer.class).setParameter("s", storeId).setParameter("l", lotId).getResultList();
        return q.isEmpty() ? 0 : q.get(0);
    }

    private static LedgerEntity entry(EntityManager em, LocalDateTime at, Caller caller, long storeId, LotEntity lot,
            String kind, int delta, Consumer<LedgerEntity> details) {
        LedgerEntity e = new LedgerEntity();
        e.at = at;
        e.onDate = at.atOffset(ZoneOffset.UTC).atZoneSameInstant(ChinaTime.ZONE).toLocalDate();
        e.storeId = storeId;
        e.lotId = lot.id;
        e.productId = lot.productId;
        e.kind = kind;
        e.quantity = delta;
        e.actor = caller.username();
        details.accept(e);
        em.persist(e);
        return e;
    }

    // --- mapping -------------------------------------------------------------------------------------------------

    static Product dto(ProductEntity p) {
        return new Product(p.id, p.name, p.type, p.specification, p.unit, p.approvalNumber, p.manufacturer, p.version);
    }

    static Store dto(StoreEntity s) {
        return new Store(s.id, s.name, s.level, s.jurisdictionCode, s.version);
    }

    static Lot dto(LotEntity l) {
        return new Lot(l.id, l.productId, l.batchNumber, l.producedOn, l.expiresOn, l.receivedQuantity,
                l.receivedStoreId, l.blocked, l.blockReason);
    }

    /** A ledger entry with the person (and a named recipient) left out. */
    /** The jurisdiction of a store, for audit entries: every entry is scoped, so only that place's auditors read it. */
    String storeCode(long storeId) {
        return db.read(em -> {
            StoreEntity s = em.find(StoreEntity.class, storeId);
            return s == null ? null : s.jurisdictionCode;
        });
    }

    static LedgerEntry withoutPerson(LedgerEntity e) {
        return new LedgerEntry(e.id, e.at, e.onDate, e.storeId, e.lotId, e.productId, e.kind, e.quantity,
                null, e.residentId != null ? null : e.recipient, e.otherStoreId, e.reason, e.actor);
    }

    static LedgerEntry dto(LedgerEntity e) {
        return new LedgerEntry(e.id, e.at, e.onDate, e.storeId, e.lotId, e.productId, e.kind, e.quantity,
                e.residentId, e.recipient, e.otherStoreId, e.reason, e.actor);
    }

    private static Map<String, String> ordered(String... keysAndNames) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndNames.length; i += 2) {
            m.put(keysAndNames[i], keysAndNames[i + 1]);
        }
        return m;
    }
}
