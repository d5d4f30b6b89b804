package org.renkou.association.internal.entities.organisation;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A member (会员), from application to approval and later status; optionally a resident by id. */
@Entity
@Table(name = "AS_MEMBER")
public class MemberEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ASSOCIATION_ID")
    public Long associationId;
    public String name;
    public String phone;
    @Column(name = "RESIDENT_ID")
    public Long residentId;
    public String skills;
    public String status;
    @Column(name = "APPLIED_ON")
    public LocalDate appliedOn;
    @Column(name = "DECIDED_ON")
    public LocalDate decidedOn;
    @Column(name = "DECIDED_BY")
    public String decidedBy;
    @Column(name = "DECISION_NOTE")
    public String decisionNote;
    @Column(name = "GROUP_ID")
    public Long groupId;
    @Version
    public Long version;
}
