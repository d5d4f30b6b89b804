package org.renkou.warehouse.internal.entities;

import java.time.LocalDate;
import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** An entry on a person's card (一人一卡): an issue, a follow-up (随访) or an adverse reaction (不良反应). */
@Entity
@Table(name = "WH_CARD_ENTRY")
public class CardEntryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "RESIDENT_ID")
    public Long residentId;
    @Column(name = "STORE_ID")
    public Long storeId;
    public String kind;
    @Column(name = "ON_DATE")
    public LocalDate onDate;
    @Column(name = "AT_TIME")
    public LocalDateTime at; // UTC
    @Column(name = "LOT_ID")
    public Long lotId;
    @Column(name = "PRODUCT_ID")
    public Long productId;
    public Integer quantity;
    public Integer months;
    public String method;
    @Column(name = "INFORMED_CHOICE")
    public Boolean informedChoice;
    public String channel;
    public String outcome;
    public String note;
    public String actor;
}
