package org.renkou.association.internal.entities.surveys;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** An anonymous response: the chosen option per question, comma-separated. */
@Entity
@Table(name = "AS_SURVEY_RESPONSE")
public class SurveyResponseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "SURVEY_ID")
    public Long surveyId;
    public String answers;
    public String channel;
    @Column(name = "RECEIVED_ON")
    public LocalDate receivedOn;
}
