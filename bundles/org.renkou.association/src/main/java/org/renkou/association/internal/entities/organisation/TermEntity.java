package org.renkou.association.internal.entities.organisation;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A council term (理事会届次); {@code endedOn} null for the current one. */
@Entity
@Table(name = "AS_TERM")
public class TermEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ASSOCIATION_ID")
    public Long associationId;
    @Column(name = "TERM_NO")
    public Integer number;
    @Column(name = "STARTED_ON")
    public LocalDate startedOn;
    @Column(name = "ENDED_ON")
    public LocalDate endedOn;
    public String note;
}
