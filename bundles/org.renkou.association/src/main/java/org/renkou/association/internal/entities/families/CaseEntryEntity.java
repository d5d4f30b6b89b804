package org.renkou.association.internal.entities.families;

import java.math.BigDecimal;
import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** An entry of a case's timeline: a visit or support given (慰问金 as {@code amount}). */
@Entity
@Table(name = "AS_CASE_ENTRY")
public class CaseEntryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "CASE_ID")
    public Long caseId;
    @Column(name = "ENTRY_ON")
    public LocalDate entryOn;
    public String kind;
    public String note;
    public BigDecimal amount;
    @Column(name = "RECORDED_BY")
    public String recordedBy;
}
