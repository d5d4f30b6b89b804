package org.renkou.warehouse.internal;

import static org.renkou.warehouse.internal.WarehouseDatabase.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import javax.persistence.EntityManager;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.warehouse.internal.WarehouseDTO.AdverseReaction;
import org.renkou.warehouse.internal.WarehouseDTO.CardEntry;
import org.renkou.warehouse.internal.WarehouseDTO.FollowUp;
import org.renkou.warehouse.internal.WarehouseDTO.Trace;
import org.renkou.warehouse.internal.WarehouseDatabase.Audit;
import org.renkou.warehouse.internal.entities.CardEntryEntity;
import org.renkou.warehouse.internal.entities.LotEntity;
import org.renkou.warehouse.internal.entities.StockEntity;
import org.renkou.warehouse.internal.entities.StoreEntity;

/**
 * The person's card (一人一卡): what they received, follow-ups (随访) and adverse reactions (不良反应), and the trace
 * from a lot to everyone who received it. Contraception is sensitive personal information: only a warehouse keeper
 * or a director reads a card, for a person visible to them in the core, with a reason, and every read is audited
 * ({@code READ_SENSITIVE}), as is every entry written.
 */
@Component(service = CardService.class, property = Warehouse.CONDITION)
public class CardService {
    static final Role[] CARD = {Role.WAREHOUSE_KEEPER, Role.DIRECTOR};
    private static final Set<String> CHANNELS = Set.of("FACE_TO_FACE", "PHONE");
    private static final Set<String> OUTCOMES = Set.of("CONTINUING", "METHOD_CHANGE", "FAILURE", "STOPPED");

    private final WarehouseDatabase db;
    private final ResidentService residents;

    @Activate
    public CardService(@Reference WarehouseDatabase db, @Reference ResidentService residents) {
        this.db = db;
        this.residents = residents;
    }

    /** Every entry of the person's card, oldest first; audited with the reason given. */
    public List<CardEntry> card(Caller caller, long residentId, String reason) {
        caller.require("查看药具发放卡", "read a contraceptive card", CARD);
        String why = Input.sensitiveReason(reason, "reason", "查看理由", "reason");
        String place = visible(caller, residentId);
        // read and audited in one transaction: no entry, no card
        return db.tx(em -> em.createQuery("SELECT c FROM CardEntryEntity c WHERE c.residentId = :r "
                + "ORDER BY c.onDate, c.id", CardEntryEntity.class).setParameter("r", residentId).getResultList()
                .stream().map(CardService::dto).toList(),
                o -> new Audit(caller, AuditAction.READ_SENSITIVE, "ContraceptiveCard", Long.toString(residentId),
                        place, null, why));
    }

    public CardEntry followUp(Caller caller, long residentId, FollowUp in) {
        caller.require("记录随访", "record a follow-up", CARD);
        Input.body(in);
        CardEntryEntity c = entry(caller, residentId, in.storeId(), "FOLLOW_UP", in.onDate());
        c.channel = oneOf(in.channel(), CHANNELS, "channel", "随访方式");
        c.outcome = oneOf(in.outcome(), OUTCOMES, "outcome", "随访结果");
        c.method = "METHOD_CHANGE".equals(c.outcome) ? Input.required(in.method(), "method", "新的避孕方法", "method", 40)
                : Input.optional(in.method(), "method", "避孕方法", "method", 40);
        c.note = Input.optional(in.note(), "note", "随访记录", "note", 1000);
        return save(caller, c, "随访 " + c.channel + " " + c.outcome);
    }

    public CardEntry adverseReaction(Caller caller, long residentId, AdverseReaction in) {
        caller.require("填报不良反应", "report an adverse reaction", CARD);
        Input.body(in);
        CardEntryEntity c = entry(caller, residentId, in.storeId(), "ADVERSE_REACTION", in.onDate());
        c.lotId = Input.present(in.lotId(), "lotId", "批次", "lot");
        c.note = Input.required(in.description(), "description", "不良反应描述", "description", 1000);
        return save(caller, c, "不良反应 批次 " + c.lotId);
    }

    /** From a lot to every store that holds or held it and every person who received it; audited. */
    public Trace trace(Caller caller, long lotId, String reason) {
        caller.require("追溯药具批次", "trace a lot", CARD);
        String why = Input.sensitiveReason(reason, "reason", "追溯理由", "reason");
        Trace out = db.tx(em -> {
            LotEntity lot = em.find(LotEntity.class, lotId);
            List<Long> stores = em.createQuery("SELECT DISTINCT l.storeId FROM LedgerEntity l WHERE l.lotId = :l",
                    Long.class).setParameter("l", lotId).getResultList().stream()
                    .filter(id -> caller.covers(em.find(StoreEntity.class, id).jurisdictionCode)).toList();
            if (lot == null || stores.isEmpty()) {
                throw RenkouException.notFound("lotId", "批次 " + lotId + " 不存在或不在您的辖区内。",
                        "Lot " + lotId + " does not exist or lies outside your jurisdiction.");
            }
            List<StockEntity> balances = em.createQuery("SELECT s FROM StockEntity s WHERE s.lotId = :l "
                    + "ORDER BY s.storeId", StockEntity.class).setParameter("l", lotId).getResultList().stream()
                    .filter(s -> stores.contains(s.storeId)).toList();
            List<CardEntry> entries = em.createQuery("SELECT c FROM CardEntryEntity c WHERE c.lotId = :l "
                    + "ORDER BY c.onDate, c.id", CardEntryEntity.class).setParameter("l", lotId).getResultList()
                    .stream().filter(c -> stores.contains(c.storeId)).map(CardService::dto).toList();
            return new Trace(StockService.dto(lot), StockService.lines(em, balances, db.today()),
                    entries.stream().filter(c -> c.kind().equals("ISSUE")).toList(),
                    entries.stream().filter(c -> c.kind().equals("ADVERSE_REACTION")).toList());
        }, o -> new Audit(caller, AuditAction.READ_SENSITIVE, "ContraceptiveLot", Long.toString(lotId), null,
                "追溯 " + o.recipients().size() + " 条发放记录 / trace", why));
        return out;
    }

    private CardEntryEntity entry(Caller caller, long residentId, Long storeId, String kind, LocalDate onDate) {
        visible(caller, residentId);
        CardEntryEntity c = new CardEntryEntity();
        c.residentId = residentId;
        c.storeId = Input.present(storeId, "storeId", "药具库", "store");
        c.kind = kind;
        c.onDate = onDate == null ? db.today() : onDate;
        if (c.onDate.isAfter(db.today())) {
            throw RenkouException.invalid("onDate", "日期不能晚于今天。", "The date lies in the future.");
        }
        c.at = db.now();
        c.actor = caller.username();
        return c;
    }

    private CardEntry save(Caller caller, CardEntryEntity c, String what) {
        String[] code = new String[1];
        CardEntry out = db.tx(em -> {
            code[0] = store(em, caller, c.storeId, "storeId").jurisdictionCode;
            checkLot(em, c.lotId);
            em.persist(c);
            em.flush();
            return dto(c);
        }, o -> new Audit(caller, AuditAction.CREATE, "ContraceptiveCard", c.residentId.toString(), code[0], what,
                null));
        return out;
    }

    private static void checkLot(EntityManager em, Long lotId) {
        if (lotId != null && em.find(LotEntity.class, lotId) == null) {
            throw RenkouException.invalid("lotId", "批次 " + lotId + " 不存在。", "Lot " + lotId + " does not exist.");
        }
    }

    private String visible(Caller caller, long residentId) {
        return visible(residents, caller, residentId);
    }

    /** 404 naming {@code residentId} unless the core shows the caller this resident (the core audits a refusal). */
    static String visible(ResidentService residents, Caller caller, long residentId) {
        RenkouException missing = RenkouException.notFound("residentId", "居民 " + residentId + " 不存在或不在您的辖区内。",
                "Resident " + residentId + " does not exist or lies outside your jurisdiction.");
        try {
            return residents.find(caller, residentId).orElseThrow(() -> missing).residenceCode;
        } catch (RenkouException e) {
            throw e.kind() == RenkouException.Kind.NOT_FOUND ? missing : e;
        }
    }

    private static String oneOf(String value, Set<String> allowed, String field, String zh) {
        String v = Input.required(value, field, zh, field, 20).toUpperCase();
        if (!allowed.contains(v)) {
            throw RenkouException.invalid(field, zh + "应为 " + allowed + " 之一。", field + " must be one of " + allowed + ".");
        }
        return v;
    }

    static CardEntry dto(CardEntryEntity c) {
        return new CardEntry(c.id, c.residentId, c.storeId, c.kind, c.onDate, c.lotId, c.productId, c.quantity,
                c.months, c.method, c.informedChoice, c.channel, c.outcome, c.note, c.actor);
    }
}
