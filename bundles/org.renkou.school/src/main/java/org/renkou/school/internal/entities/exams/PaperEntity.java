package org.renkou.school.internal.entities.exams;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.OrderColumn;
import javax.persistence.Table;

/** The paper (考卷) of one exam: questions of the course's bank in order; a record, never deleted. */
@Entity
@Table(name = "SC_PAPER")
public class PaperEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "EXAM_ID")
    public Long examId;
    @Column(name = "CREATED_BY")
    public String createdBy;
    @Column(name = "CREATED_ON")
    public LocalDate createdOn;
    @ElementCollection
    @CollectionTable(name = "SC_PAPER_QUESTION", joinColumns = @JoinColumn(name = "PAPER_ID"))
    @OrderColumn(name = "POSITION")
    @Column(name = "QUESTION_ID")
    public List<Long> questionIds = new ArrayList<>();
}
