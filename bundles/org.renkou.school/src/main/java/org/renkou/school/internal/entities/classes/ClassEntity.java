package org.renkou.school.internal.entities.classes;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A class (班次) of a course, with its roster. */
@Entity
@Table(name = "SC_CLASS")
public class ClassEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "SCHOOL_ID")
    public Long schoolId;
    @Column(name = "COURSE_ID")
    public Long courseId;
    @Column(name = "TEACHER_ID")
    public Long teacherId;
    public String name;
    @Column(name = "STARTS_ON")
    public LocalDate startsOn;
    @Version
    public Long version;
}
