package org.renkou.association.internal.entities.activities;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A participant of an activity: a member, a resident, or a name only. */
@Entity
@Table(name = "AS_PARTICIPANT")
public class ParticipantEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ACTIVITY_ID")
    public Long activityId;
    @Column(name = "MEMBER_ID")
    public Long memberId;
    @Column(name = "RESIDENT_ID")
    public Long residentId;
    public String name;
}
