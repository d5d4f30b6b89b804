package org.renkou.school.internal.entities.classes;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A session of the yearly teaching plan (年初教学计划); a lesson of a class when classId is set. */
@Entity
@Table(name = "SC_SESSION")
public class SessionEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "SCHOOL_ID")
    public Long schoolId;
    @Column(name = "PLAN_YEAR")
    public int planYear;
    @Column(name = "CLASS_ID")
    public Long classId;
    @Column(name = "HELD_ON")
    public LocalDate heldOn;
    public String topic;
    @Column(name = "TEACHER_ID")
    public Long teacherId;
    @Column(name = "TARGET_GROUP")
    public String targetGroup;
    /** Marks PRESENT or LATE (参训人次), kept by the attendance save in the same transaction as the marks. */
    @Column(name = "PERSON_TIMES")
    public int personTimes;
    @Version
    public Long version;
}
