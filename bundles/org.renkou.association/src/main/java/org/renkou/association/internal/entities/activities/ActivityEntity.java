package org.renkou.association.internal.entities.activities;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** An activity or training (活动/培训) with its output counts. */
@Entity
@Table(name = "AS_ACTIVITY")
public class ActivityEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ASSOCIATION_ID")
    public Long associationId;
    public String kind;
    public String title;
    @Column(name = "HELD_ON")
    public LocalDate heldOn;
    public String place;
    public String organisers;
    @Column(name = "LARGE")
    public short large;
    public int leaflets;
    @Column(name = "PERSON_TIMES")
    public int personTimes;
    public int items;
    @Version
    public Long version;
}
