package org.renkou.warehouse.internal.entities;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A lot (避孕药具批次) as received, with its checklist; a blocked lot is never issued or transferred. */
@Entity
@Cacheable // never changed once received: read from the shared cache, not the database, on every movement
@Table(name = "WH_LOT")
public class LotEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "PRODUCT_ID")
    public Long productId;
    @Column(name = "BATCH_NUMBER")
    public String batchNumber;
    @Column(name = "PRODUCED_ON")
    public LocalDate producedOn;
    @Column(name = "EXPIRES_ON")
    public LocalDate expiresOn;
    @Column(name = "RECEIVED_QUANTITY")
    public int receivedQuantity;
    @Column(name = "RECEIVED_STORE_ID")
    public Long receivedStoreId;
    public boolean blocked;
    @Column(name = "BLOCK_REASON")
    public String blockReason;
    public String checklist;
    public String supplier;
    @Column(name = "INVOICE_NUMBER")
    public String invoiceNumber;
    @Column(name = "RECEIVED_AT")
    public LocalDateTime receivedAt; // UTC
    @Column(name = "RECEIVED_BY")
    public String receivedBy;
}
