package org.renkou.association.internal.entities.families;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A contact household (会员联系户) a member looks after: the core household by id. */
@Entity
@Table(name = "AS_CONTACT")
public class ContactEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ASSOCIATION_ID")
    public Long associationId;
    @Column(name = "MEMBER_ID")
    public Long memberId;
    @Column(name = "HOUSEHOLD_ID")
    public Long householdId;
    @Column(name = "ASSIGNED_ON")
    public LocalDate assignedOn;
    @Column(name = "ENDED_ON")
    public LocalDate endedOn;
}
