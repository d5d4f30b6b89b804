package org.renkou.school.internal.entities.schools;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A teacher of a school: staff with the TEACHER role (username) or an outside lecturer. */
@Entity
@Table(name = "SC_TEACHER")
public class TeacherEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "SCHOOL_ID")
    public Long schoolId;
    public String username;
    public String name;
    public String organisation;
    @Version
    public Long version;
}
