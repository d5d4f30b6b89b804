package org.renkou.warehouse.internal.entities;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A scrapping request (不合格药具报废申请): written off only once the level above approves it. */
@Entity
@Table(name = "WH_SCRAP")
public class ScrapEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "STORE_ID")
    public Long storeId;
    @Column(name = "LOT_ID")
    public Long lotId;
    public int quantity;
    public String reason;
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
