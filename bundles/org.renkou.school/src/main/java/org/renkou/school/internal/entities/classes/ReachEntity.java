package org.renkou.school.internal.entities.classes;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/**
 * A resident present or late at a school on a day (参训), with the number of marks that say so: kept with the
 * attendance in the same transaction, so that people reached in a quarter is a count of distinct residents over an
 * index instead of a pass over every mark. Derived from {@link AttendanceEntity}; written only by the save.
 */
@Entity
@Table(name = "SC_REACH")
public class ReachEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "HELD_ON")
    public LocalDate heldOn;
    @Column(name = "SCHOOL_ID")
    public Long schoolId;
    @Column(name = "RESIDENT_ID")
    public Long residentId;
    public int times;
}
