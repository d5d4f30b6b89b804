package org.renkou.warehouse.internal.entities;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;
import javax.persistence.Version;

/**
 * The balance of one lot in one store (库存), kept in the same transaction as the ledger entry that moves it and
 * changed only by a guarded update that never takes it below zero.
 */
@Entity
@Table(name = "WH_STOCK")
@NamedQuery(name = StockEntity.TAKE, query = "UPDATE StockEntity s SET s.quantity = s.quantity - :q, "
        + "s.version = s.version + 1 WHERE s.storeId = :s AND s.lotId = :l AND s.quantity >= :q")
@NamedQuery(name = StockEntity.PUT, query = "UPDATE StockEntity s SET s.quantity = s.quantity + :q, "
        + "s.version = s.version + 1 WHERE s.storeId = :s AND s.lotId = :l")
@NamedQuery(name = StockEntity.OF, query = "SELECT s FROM StockEntity s WHERE s.storeId = :s AND s.lotId = :l")
public class StockEntity {
    public static final String TAKE = "Stock.take";
    public static final String PUT = "Stock.put";
    public static final String OF = "Stock.of";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "STORE_ID")
    public Long storeId;
    @Column(name = "LOT_ID")
    public Long lotId;
    @Column(name = "PRODUCT_ID")
    public Long productId;
    @Column(name = "EXPIRES_ON")
    public LocalDate expiresOn;
    /** The lot's production date and quality block, copied so first expiry first out reads this table only. */
    @Column(name = "PRODUCED_ON")
    public LocalDate producedOn;
    public boolean blocked;
    public int quantity;
    @Version
    public Long version;
}
