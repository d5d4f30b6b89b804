package org.renkou.school.internal.entities.exams;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** An answer on a sheet; {@code points} null while a short answer waits for the teacher's marking. */
@Entity
@Table(name = "SC_ANSWER")
public class AnswerEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "SHEET_ID")
    public Long sheetId;
    @Column(name = "QUESTION_ID")
    public Long questionId;
    public String answer;
    public Integer points;
}
