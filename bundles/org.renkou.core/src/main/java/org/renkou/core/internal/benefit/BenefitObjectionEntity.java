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

import org.renkou.core.api.benefit.ObjectionStatus;
import org.renkou.core.internal.db.VersionedEntity;

/** Row of an objection (异议) raised during a public notice. */
@Entity
@Table(name = "BENEFIT_OBJECTION")
public class BenefitObjectionEntity extends VersionedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "APPLICATION_ID")
    public Long applicationId;
    @Column(name = "STEP_INDEX")
    public int stepIndex;
    public String objector;
    public String content;
    @Column(name = "RECORDED_BY")
    public String recordedBy;
    @Column(name = "RECORDED_AT")
    public LocalDateTime recordedAt; // UTC
    @Enumerated(EnumType.STRING)
    public ObjectionStatus status;
    public String resolution;
    @Column(name = "RESOLVED_BY")
    public String resolvedBy;
    @Column(name = "RESOLVED_AT")
    public LocalDateTime resolvedAt; // UTC
}
