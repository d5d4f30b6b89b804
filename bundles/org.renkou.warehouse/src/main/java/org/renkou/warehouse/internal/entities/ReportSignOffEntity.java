package org.renkou.warehouse.internal.entities;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

/** A quarterly report as signed off (签字确认): never changed; a correction is a new revision. */
@Entity
@Table(name = "WH_REPORT_SIGN_OFF")
public class ReportSignOffEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String kind;
    @Column(name = "JURISDICTION_CODE")
    public String jurisdictionCode;
    public String quarter;
    public int revision;
    @Lob
    @Column(name = "ROWS_JSON")
    public String rowsJson;
    public String analysis;
    @Column(name = "CORRECTION_REASON")
    public String correctionReason;
    @Column(name = "SIGNED_BY")
    public String signedBy;
    @Column(name = "SIGNED_AT")
    public LocalDateTime signedAt; // UTC
}
