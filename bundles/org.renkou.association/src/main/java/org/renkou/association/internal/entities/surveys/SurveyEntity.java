package org.renkou.association.internal.entities.surveys;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A demand survey (群众需求调查): questions as JSON, a public token for the anonymous link. */
@Entity
@Table(name = "AS_SURVEY")
public class SurveyEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ASSOCIATION_ID")
    public Long associationId;
    public String title;
    public String questions;
    @Column(name = "PUBLIC_TOKEN")
    public String publicToken;
    @Column(name = "OPENED_ON")
    public LocalDate openedOn;
    @Column(name = "CLOSED_ON")
    public LocalDate closedOn;
    public String report;
    @Version
    public Long version;
}
