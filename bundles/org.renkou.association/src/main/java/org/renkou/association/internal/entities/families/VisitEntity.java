package org.renkou.association.internal.entities.families;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A visit to a contact household: date, kind of service, outcome. */
@Entity
@Table(name = "AS_VISIT")
public class VisitEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "CONTACT_ID")
    public Long contactId;
    @Column(name = "VISITED_ON")
    public LocalDate visitedOn;
    public String kind;
    public String outcome;
    @Column(name = "RECORDED_BY")
    public String recordedBy;
}
