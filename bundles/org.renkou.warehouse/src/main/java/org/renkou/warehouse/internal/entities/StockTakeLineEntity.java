package org.renkou.warehouse.internal.entities;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One lot of a {@link StockTakeEntity stock-take}: the ledger's quantity, the count, and why they differ. */
@Entity
@Table(name = "WH_STOCK_TAKE_LINE")
public class StockTakeLineEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "TAKE_ID")
    public Long takeId;
    @Column(name = "LOT_ID")
    public Long lotId;
    @Column(name = "LEDGER_QUANTITY")
    public int ledgerQuantity;
    public int counted;
    public String explanation;
}
