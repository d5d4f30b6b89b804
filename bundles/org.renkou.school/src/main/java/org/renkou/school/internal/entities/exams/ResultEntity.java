package org.renkou.school.internal.entities.exams;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A score of one roster line in one exam: sensitive, read only by the teacher and the person's office. */
@Entity
@Table(name = "SC_RESULT")
public class ResultEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "EXAM_ID")
    public Long examId;
    @Column(name = "ENROLMENT_ID")
    public Long enrolmentId;
    public int score;
    public boolean passed;
}
