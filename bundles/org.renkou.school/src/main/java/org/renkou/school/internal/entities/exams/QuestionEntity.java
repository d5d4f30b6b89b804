package org.renkou.school.internal.entities.exams;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A question of a course's question bank (题库): SINGLE or MULTIPLE choice (options one a line, answer the option
 * letters), TRUE_FALSE (answer TRUE or FALSE) or SHORT answer (a reference answer; marked by the teacher). Never
 * changed once saved: papers that use it are records.
 */
@Entity
@Table(name = "SC_QUESTION")
public class QuestionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "COURSE_ID")
    public Long courseId;
    public String kind;
    public String body;
    public String options;
    public String answer;
    public int points;
    @Column(name = "CREATED_BY")
    public String createdBy;
}
