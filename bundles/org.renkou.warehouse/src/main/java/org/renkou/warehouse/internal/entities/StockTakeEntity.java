package org.renkou.warehouse.internal.entities;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A quarterly stock-take (季度盘点) of one store; its differences are adjusted only once approved. */
@Entity
@Table(name = "WH_STOCK_TAKE")
public class StockTakeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "STORE_ID")
    public Long storeId;
    public String quarter;
    public String status;
    @Column(name = "SUBMITTED_BY")
    public String submittedBy;
    @Column(name = "SUBMITTED_AT")
    public LocalDateTime submittedAt;
    @Column(name = "DECIDED_BY")
    public String decidedBy;
    @Column(name = "DECIDED_AT")
    public LocalDateTime decidedAt;
    @Column(name = "DECISION_NOTE")
    public String decisionNote;
    @Version
    public Long version;
}
