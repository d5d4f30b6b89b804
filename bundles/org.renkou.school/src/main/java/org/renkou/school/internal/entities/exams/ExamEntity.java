package org.renkou.school.internal.entities.exams;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** An exam of a class: attempt 1 the exam, 2 and later the make-up exams (补考). */
@Entity
@Table(name = "SC_EXAM")
public class ExamEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "CLASS_ID")
    public Long classId;
    public int attempt;
    @Column(name = "HELD_ON")
    public LocalDate heldOn;
}
