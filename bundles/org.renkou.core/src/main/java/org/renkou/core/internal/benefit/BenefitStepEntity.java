package org.renkou.core.internal.benefit;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.renkou.core.api.benefit.ReviewLevel;
import org.renkou.core.api.benefit.StepDecision;

/** One recorded step of a benefit application (审核记录). Written, never changed. */
@Entity
@Table(name = "BENEFIT_STEP")
public class BenefitStepEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "APPLICATION_ID")
    public Long applicationId;
    @Column(name = "STEP_INDEX")
    public int stepIndex;
    @Enumerated(EnumType.STRING)
    @Column(name = "REVIEW_LEVEL")
    public ReviewLevel level;
    @Enumerated(EnumType.STRING)
    public StepDecision decision;
    public String actor;
    @Column(name = "AT_TIME")
    public LocalDateTime at; // UTC
    public String reason;
}
