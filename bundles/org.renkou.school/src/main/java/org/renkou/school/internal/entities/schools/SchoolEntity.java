package org.renkou.school.internal.entities.schools;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A population school (人口学校) of one community or township. */
@Entity
@Table(name = "SC_SCHOOL")
public class SchoolEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(name = "JURISDICTION_CODE")
    public String jurisdictionCode;
    public String classroom;
    @Version
    public Long version;
}
