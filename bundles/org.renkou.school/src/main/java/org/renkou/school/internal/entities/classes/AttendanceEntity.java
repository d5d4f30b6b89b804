package org.renkou.school.internal.entities.classes;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One roster line's attendance at one session: PRESENT, LATE, EXCUSED or ABSENT. */
@Entity
@Table(name = "SC_ATTENDANCE")
public class AttendanceEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "SESSION_ID")
    public Long sessionId;
    @Column(name = "ENROLMENT_ID")
    public Long enrolmentId;
    public String mark;
}
