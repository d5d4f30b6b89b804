package org.renkou.warehouse.internal;

import static org.renkou.warehouse.internal.WarehouseDatabase.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.warehouse.internal.WarehouseDTO.CountLine;
import org.renkou.warehouse.internal.WarehouseDTO.Decision;
import org.renkou.warehouse.internal.WarehouseDTO.Scrap;
import org.renkou.warehouse.internal.WarehouseDTO.ScrapIn;
import org.renkou.warehouse.internal.WarehouseDTO.StockTake;
import org.renkou.warehouse.internal.WarehouseDTO.StockTakeIn;
import org.renkou.warehouse.internal.WarehouseDTO.StockTakeLine;
import org.renkou.warehouse.internal.WarehouseDatabase.Audit;
import org.renkou.warehouse.internal.entities.LotEntity;
import org.renkou.warehouse.internal.entities.ScrapEntity;
import org.renkou.warehouse.internal.entities.StockEntity;
import org.renkou.warehouse.internal.entities.StockTakeEntity;
import org.renkou.warehouse.internal.entities.StockTakeLineEntity;
import org.renkou.warehouse.internal.entities.StoreEntity;

/**
 * The two movements that need someone else's approval: the quarterly stock-take (季度盘点), whose differences are
 * explained and adjusted only once a director approves, and scrapping (报废), submitted by the store and written
 * off only once a director of the level above approves — never a silent delete: both end in ledger entries.
 */
@Component(service = ApprovalService.class, property = Warehouse.CONDITION)
public class ApprovalService {
    static final Pattern QUARTER = Pattern.compile("\\d{4}Q[1-4]");

    private final WarehouseDatabase db;

    @Activate
    public ApprovalService(@Reference WarehouseDatabase db) {
        this.db = db;
    }

    // --- stock-take ----------------------------------------------------------------------------------------------

    /** Records a count of every lot the store holds; differences need an explanation. Nothing is adjusted yet. */
    public StockTake submitStockTake(Caller caller, long storeId, StockTakeIn in) {
        caller.require("盘点库存", "take stock", StockService.MOVE);
        Input.body(in);
        String quarter = quarter(in.quarter());
        if (in.lines() == null || in.lines().isEmpty()) {
            throw RenkouException.invalid("lines", "请逐批填写盘点数量。", "Please count every lot.");
        }
        return db.tx(em -> {
            StoreEntity store = store(em, caller, storeId, "storeId");
            StockTakeEntity t = new StockTakeEntity();
            t.storeId = store.id;
            t.quarter = quarter;
            t.status = "SUBMITTED";
            t.submittedBy = caller.username();
            t.submittedAt = db.now();
            em.persist(t);
            em.flush();
            Set<Long> counted = new HashSet<>();
            for (int i = 0; i < in.lines().size(); i++) {
                CountLine c = in.lines().get(i);
                String f = "lines[" + i + "]";
                Long lotId = Input.present(c == null ? null : c.lotId(), f + ".lotId", "批次", "lot");
                int n = Input.present(c.counted(), f + ".counted", "实盘数量", "counted quantity");
                if (n < 0) {
                    throw RenkouException.invalid(f + ".counted", "实盘数量不能为负数。", "A count cannot be negative.");
                }
                if (!counted.add(lotId)) {
                    throw RenkouException.invalid(f + ".lotId", "同一批次只能填写一次。", "Each lot is counted once.");
                }
                StockTakeLineEntity line = new StockTakeLineEntity();
                line.takeId = t.id;
                line.lotId = lotId;
                line.ledgerQuantity = balance(em, store.id, lotId);
                line.counted = n;
                line.explanation = Input.optional(c.explanation(), f + ".explanation", "盈亏原因", "explanation", 1000);
                if (n != line.ledgerQuantity && line.explanation == null) {
                    throw RenkouException.invalid(f + ".explanation", "账物不符（账面 " + line.ledgerQuantity + "，实盘 " + n
                            + "），请说明原因。", "The count differs from the ledger (" + line.ledgerQuantity
                            + "): explain why.");
                }
                em.persist(line);
            }
            for (StockEntity s : em.createQuery("SELECT s FROM StockEntity s WHERE s.storeId = :s AND s.quantity > 0",
                    StockEntity.class).setParameter("s", store.id).getResultList()) {
                if (!counted.contains(s.lotId)) {
                    throw RenkouException.invalid("lines", "批次 " + s.lotId + " 有库存但未盘点。",
                            "Lot " + s.lotId + " has stock but was not counted.");
                }
            }
            return stockTake(em, t);
        });
    }

    /** Approves (adjusting the ledger by each difference) or rejects a stock-take; not by the one who counted. */
    public StockTake decideStockTake(Caller caller, long id, Decision in) {
        caller.require("审批盘点", "approve a stock-take", Role.DIRECTOR);
        Input.body(in);
        boolean approve = Input.present(in.approve(), "approve", "审批结论", "decision");
        StockTake out = db.tx(em -> {
            StockTakeEntity t = existing(em, StockTakeEntity.class, id, "盘点", "Stock-take");
            StoreEntity store = store(em, caller, t.storeId, "storeId");
            pending(t.status, t.version, in.version());
            if (t.submittedBy.equals(caller.username())) {
                throw RenkouException.forbidden("不能审批自己提交的盘点。", "You cannot approve your own stock-take.");
            }
            t.status = approve ? "APPROVED" : "REJECTED";
            t.decidedBy = caller.username();
            t.decidedAt = db.now();
            t.decisionNote = note(approve, in);
            if (approve) {
                for (StockTakeLineEntity line : lines(em, t.id)) {
                    int difference = line.counted - line.ledgerQuantity;
                    if (difference != 0) {
                        StockService.move(em, db.now(), caller, store.id, em.find(LotEntity.class, line.lotId),
                                "ADJUST", difference, e -> {
                                    e.reason = line.explanation;
                                    e.refId = t.id;
                                });
                    }
                }
            }
            em.flush();
            return stockTake(em, t);
        }, o -> new Audit(caller, AuditAction.UPDATE, "ContraceptiveStockTake", Long.toString(id), null,
                "SUBMITTED → " + o.status(), o.decisionNote()));
        return out;
    }

    public List<StockTake> stockTakes(Caller caller, long storeId) {
        caller.require("查看盘点", "read stock-takes", StockService.READ);
        return db.read(em -> {
            store(em, caller, storeId, "storeId");
            return em.createQuery("SELECT t FROM StockTakeEntity t WHERE t.storeId = :s ORDER BY t.id DESC",
                    StockTakeEntity.class).setParameter("s", storeId).getResultList().stream()
                    .map(t -> stockTake(em, t)).toList();
        });
    }

    // --- scrapping -----------------------------------------------------------------------------------------------

    public Scrap submitScrap(Caller caller, long storeId, ScrapIn in) {
        caller.require("申请报废", "ask to scrap stock", StockService.MOVE);
        Input.body(in);
        int quantity = Input.positive(in.quantity(), "quantity", "数量", "quantity");
        String reason = Input.required(in.reason(), "reason", "报废原因", "reason", 1000);
        Long lotId = Input.present(in.lotId(), "lotId", "批次", "lot");
        Scrap out = db.tx(em -> {
            StoreEntity store = store(em, caller, storeId, "storeId");
            int balance = balance(em, store.id, lotId);
            if (balance < quantity) {
                throw StockService.insufficient(balance);
            }
            ScrapEntity s = new ScrapEntity();
            s.storeId = store.id;
            s.lotId = lotId;
            s.quantity = quantity;
            s.reason = reason;
            s.status = "SUBMITTED";
            s.submittedBy = caller.username();
            s.submittedAt = db.now();
            em.persist(s);
            em.flush();
            return dto(s);
        }, o -> new Audit(caller, AuditAction.CREATE, "ContraceptiveScrap", o.id().toString(), null,
                "报废申请 批次 " + lotId + " × " + quantity, reason));
        return out;
    }

    /** Approval by a director of the level above the store (报上一级主管部门批准), then the write-off. */
    public Scrap decideScrap(Caller caller, long id, Decision in) {
        caller.require("审批报废", "approve scrapping", Role.DIRECTOR);
        Input.body(in);
        boolean approve = Input.present(in.approve(), "approve", "审批结论", "decision");
        Scrap out = db.tx(em -> {
            ScrapEntity s = existing(em, ScrapEntity.class, id, "报废申请", "Scrapping request");
            StoreEntity store = store(em, caller, s.storeId, "storeId");
            pending(s.status, s.version, in.version());
            if (!caller.covers(parentCode(store.jurisdictionCode)) || s.submittedBy.equals(caller.username())) {
                throw RenkouException.forbidden("报废须由上一级主管部门审批。",
                        "Scrapping is approved by the level above the store.");
            }
            s.status = approve ? "APPROVED" : "REJECTED";
            s.decidedBy = caller.username();
            s.decidedAt = db.now();
            s.decisionNote = note(approve, in);
            if (approve) {
                StockService.move(em, db.now(), caller, store.id, em.find(LotEntity.class, s.lotId), "SCRAP",
                        -s.quantity, e -> {
                            e.reason = s.reason;
                            e.refId = s.id;
                        });
            }
            em.flush();
            return dto(s);
        }, o -> new Audit(caller, AuditAction.UPDATE, "ContraceptiveScrap", Long.toString(id), null,
                "SUBMITTED → " + o.status(), o.decisionNote()));
        return out;
    }

    public List<Scrap> scraps(Caller caller, long storeId) {
        caller.require("查看报废申请", "read scrapping requests", StockService.READ);
        return db.read(em -> {
            store(em, caller, storeId, "storeId");
            return em.createQuery("SELECT s FROM ScrapEntity s WHERE s.storeId = :s ORDER BY s.id DESC",
                    ScrapEntity.class).setParameter("s", storeId).getResultList().stream()
                    .map(ApprovalService::dto).toList();
        });
    }

    // --- shared --------------------------------------------------------------------------------------------------

    /** The jurisdiction directly above: community → street, street → county, county → city. */
    static String parentCode(String code) {
        return switch (code.length()) {
            case 12 -> code.substring(0, 9);
            case 9 -> code.substring(0, 6);
            default -> code.substring(0, 4) + "00";
        };
    }

    static String quarter(String value) {
        String q = Input.required(value, "quarter", "季度", "quarter", 6).toUpperCase();
        if (!QUARTER.matcher(q).matches()) {
            throw RenkouException.invalid("quarter", "季度格式应为 2026Q3。", "A quarter is written like 2026Q3.");
        }
        return q;
    }

    private static <E> E existing(EntityManager em, Class<E> type, long id, String nameZh, String nameEn) {
        E e = em.find(type, id);
        if (e == null) {
            throw RenkouException.notFound("id", nameZh + " " + id + " 不存在。", nameEn + " " + id + " does not exist.");
        }
        return e;
    }

    /** The decision's note: optional when approving, required (the reason) when rejecting. */
    private static String note(boolean approve, Decision in) {
        return approve ? Input.optional(in.note(), "note", "审批意见", "note", 1000)
                : Input.required(in.note(), "note", "不同意的理由", "note", 1000);
    }

    private static void pending(String status, Long version, Long given) {
        if (given == null) {
            throw RenkouException.invalid("version", "请填写版本号。", "Please give the version you read.");
        }
        if (!"SUBMITTED".equals(status) || !given.equals(version)) {
            throw RenkouException.conflict("version", "该申请已被处理或已被他人修改，请刷新后重试。",
                    "This was decided or changed by someone else; reload it and try again.");
        }
    }

    private static int balance(EntityManager em, long storeId, long lotId) {
        List<Integer> q = em.createQuery("SELECT s.quantity FROM StockEntity s WHERE s.storeId = :s AND s.lotId = :l",
                Integer.class).setParameter("s", storeId).setParameter("l", lotId).getResultList();
        if (q.isEmpty()) {
            throw RenkouException.invalid("lotId", "该药具库没有批次 " + lotId + "。", "The store holds no lot " + lotId + ".");
        }
        return q.get(0);
    }

    private static List<StockTakeLineEntity> lines(EntityManager em, long takeId) {
        return em.createQuery("SELECT l FROM StockTakeLineEntity l WHERE l.takeId = :t ORDER BY l.id",
                StockTakeLineEntity.class).setParameter("t", takeId).getResultList();
    }

    private static StockTake stockTake(EntityManager em, StockTakeEntity t) {
        List<StockTakeLine> lines = new ArrayList<>();
        for (StockTakeLineEntity l : lines(em, t.id)) {
            lines.add(new StockTakeLine(l.lotId, l.ledgerQuantity, l.counted, l.counted - l.ledgerQuantity,
                    l.explanation));
        }
        return new StockTake(t.id, t.storeId, t.quarter, t.status, t.submittedBy, t.decidedBy, t.decisionNote,
                lines, t.version);
    }

    private static Scrap dto(ScrapEntity s) {
        return new Scrap(s.id, s.storeId, s.lotId, s.quantity, s.reason, s.status, s.submittedBy, s.decidedBy,
                s.decisionNote, s.version);
    }
}
