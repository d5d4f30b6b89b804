package org.renkou.school.internal.entities.schools;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A school's year-end summary (年末总结): the edited text, and who signed it when. */
@Entity
@Table(name = "SC_SUMMARY")
public class SummaryEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "SCHOOL_ID")
    public Long schoolId;
    @Column(name = "SUMMARY_YEAR")
    public int year;
    public String body;
    @Column(name = "SIGNED_BY")
    public String signedBy;
    @Column(name = "SIGNED_ON")
    public LocalDate signedOn;
    @Version
    public Long version;
}
