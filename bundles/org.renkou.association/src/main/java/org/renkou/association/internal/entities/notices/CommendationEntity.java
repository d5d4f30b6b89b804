package org.renkou.association.internal.entities.notices;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A commendation (表彰): nominated, reviewed by the council, approved or rejected. */
@Entity
@Table(name = "AS_COMMENDATION")
public class CommendationEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ASSOCIATION_ID")
    public Long associationId;
    @Column(name = "AWARD_YEAR")
    public int year;
    public String kind;
    public String nominee;
    @Column(name = "MEMBER_ID")
    public Long memberId;
    public String reason;
    public String status;
    @Column(name = "NOMINATED_BY")
    public String nominatedBy;
    @Column(name = "REVIEWED_BY")
    public String reviewedBy;
    @Column(name = "DECIDED_BY")
    public String decidedBy;
    @Column(name = "DECISION_NOTE")
    public String decisionNote;
    @Version
    public Long version;
}
