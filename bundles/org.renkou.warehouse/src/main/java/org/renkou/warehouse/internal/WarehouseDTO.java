package org.renkou.warehouse.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** What the warehouse API reads and writes (JSON); entities never leave the bundle. */
public final class WarehouseDTO {

    private WarehouseDTO() {
    }

    /** A catalogue product (避孕药具品种), with its approval number (批准文号). */
    public record Product(Long id, String name, String type, String specification, String unit,
            String approvalNumber, String manufacturer, Long version) {
    }

    /** A store of a jurisdiction; {@code level} follows from the code: DISTRICT, STREET or COMMUNITY. */
    public record Store(Long id, String name, String level, String jurisdictionCode, Long version) {
    }

    /**
     * Receiving (入库): the lot, the "三查六对" {@code checklist} and the quality {@code quality} check, each item
     * true when it passed; any false item blocks the lot.
     */
    public record Receipt(Long productId, String batchNumber, LocalDate producedOn, LocalDate expiresOn,
            Integer quantity, String supplier, String invoiceNumber, Map<String, Boolean> checklist,
            Map<String, Boolean> quality) {
    }

    public record Lot(Long id, Long productId, String batchNumber, LocalDate producedOn, LocalDate expiresOn,
            int receivedQuantity, Long receivedStoreId, boolean blocked, String blockReason) {
    }

    /** A lot's balance in a store; near expiry (近效期): expires within {@code ReportService.NEAR_EXPIRY_DAYS}. */
    public record StockLine(Long storeId, Long lotId, Long productId, String productName, String batchNumber,
            LocalDate expiresOn, int quantity, boolean blocked, boolean expired, boolean nearExpiry) {
    }

    /** What an issue would take, first expiry first out (先产先出): the suggestion the issue page shows. */
    public record PlannedTake(Long lotId, String batchNumber, LocalDate expiresOn, int available, int take) {
    }

    /**
     * An issue (发放): to a person (residentId, 1–3 months, the method chosen with informed choice) or to a named
     * recipient (a service point); first expiry first out unless {@code lotId} with an {@code overrideReason}.
     */
    public record Issue(Long productId, Integer quantity, Long residentId, Integer months, String method,
            Boolean informedChoice, String recipient, Long lotId, String overrideReason) {
    }

    public record Transfer(Long fromStoreId, Long toStoreId, Long lotId, Integer quantity, String reason) {
    }

    public record LedgerEntry(Long id, LocalDateTime at, LocalDate onDate, Long storeId, Long lotId, Long productId,
            String kind, int quantity, Long residentId, String recipient, Long otherStoreId, String reason,
            String actor) {
    }

    public record Mismatch(Long storeId, Long lotId, int balance, long ledgerSum) {
    }

    /** 账账相符: every balance against the sum of its ledger entries. */
    public record Reconciliation(boolean ok, int balancesChecked, List<Mismatch> mismatches) {
    }

    /** An entry of a person's card (一人一卡). */
    public record CardEntry(Long id, Long residentId, Long storeId, String kind, LocalDate onDate, Long lotId,
            Long productId, Integer quantity, Integer months, String method, Boolean informedChoice,
            String channel, String outcome, String note, String actor) {
    }

    /** A follow-up (随访): FACE_TO_FACE or PHONE; outcome CONTINUING, METHOD_CHANGE, FAILURE or STOPPED. */
    public record FollowUp(Long storeId, LocalDate onDate, String channel, String outcome, String method,
            String note) {
    }

    /** An adverse-reaction report (避孕药具不良反应报告单) about one lot. */
    public record AdverseReaction(Long storeId, Long lotId, LocalDate onDate, String description) {
    }

    /** From a lot to every store that held it, every person who received it, and the reactions reported on it. */
    public record Trace(Lot lot, List<StockLine> stores, List<CardEntry> recipients, List<CardEntry> reactions) {
    }

    public record CountLine(Long lotId, Integer counted, String explanation) {
    }

    public record StockTakeIn(String quarter, List<CountLine> lines) {
    }

    public record StockTakeLine(Long lotId, int ledgerQuantity, int counted, int difference, String explanation) {
    }

    public record StockTake(Long id, Long storeId, String quarter, String status, String submittedBy,
            String decidedBy, String decisionNote, List<StockTakeLine> lines, Long version) {
    }

    public record ScrapIn(Long lotId, Integer quantity, String reason) {
    }

    public record Scrap(Long id, Long storeId, Long lotId, int quantity, String reason, String status,
            String submittedBy, String decidedBy, String decisionNote, Long version) {
    }

    /** A decision on a stock-take or a scrapping request. */
    public record Decision(Boolean approve, String note, Long version) {
    }
}
