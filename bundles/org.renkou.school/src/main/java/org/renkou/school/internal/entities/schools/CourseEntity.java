package org.renkou.school.internal.entities.schools;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A course of the curriculum, tagged with life stages and a topic. */
@Entity
@Table(name = "SC_COURSE")
public class CourseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "SCHOOL_ID")
    public Long schoolId;
    public String title;
    public String stages;
    public String topic;
    public int hours;
    @Column(name = "PASS_MARK")
    public int passMark;
    @Column(name = "MAX_ABSENCES")
    public int maxAbsences;
    @Column(name = "MAX_ATTEMPTS")
    public int maxAttempts;
    @Version
    public Long version;
}
