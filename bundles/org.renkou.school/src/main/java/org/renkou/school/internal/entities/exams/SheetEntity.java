package org.renkou.school.internal.entities.exams;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * An answer sheet (答卷) of one roster line for one paper: SUBMITTED while short answers wait for marking, then
 * MARKED with its score 0–100. Sensitive as a score; a record, never deleted.
 */
@Entity
@Table(name = "SC_SHEET")
public class SheetEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "PAPER_ID")
    public Long paperId;
    @Column(name = "ENROLMENT_ID")
    public Long enrolmentId;
    public String status;
    @Column(name = "TAKEN_ON")
    public LocalDate takenOn;
    @Column(name = "TAKEN_BY")
    public String takenBy;
    @Column(name = "MARKED_BY")
    public String markedBy;
    public Integer score;
}
