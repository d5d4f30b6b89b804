package org.renkou.warehouse.internal.entities;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One movement of the ledger (药具明细帐): signed quantity, never changed or deleted once written. */
@Entity
@Table(name = "WH_LEDGER")
public class LedgerEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "AT_TIME")
    public LocalDateTime at; // UTC
    @Column(name = "ON_DATE")
    public LocalDate onDate; // China time
    @Column(name = "STORE_ID")
    public Long storeId;
    @Column(name = "LOT_ID")
    public Long lotId;
    @Column(name = "PRODUCT_ID")
    public Long productId;
    public String kind;
    public int quantity;
    @Column(name = "RESIDENT_ID")
    public Long residentId;
    public String recipient;
    @Column(name = "OTHER_STORE_ID")
    public Long otherStoreId;
    public String reason;
    public String actor;
    @Column(name = "REF_ID")
    public Long refId;
}
