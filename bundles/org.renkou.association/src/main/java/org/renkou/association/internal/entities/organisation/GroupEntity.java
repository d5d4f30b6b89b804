package org.renkou.association.internal.entities.organisation;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A member group (会员小组) of one resident group, with its leader. */
@Entity
@Table(name = "AS_GROUP")
public class GroupEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ASSOCIATION_ID")
    public Long associationId;
    public String name;
    @Column(name = "RESIDENT_GROUP_CODE")
    public String residentGroupCode;
    @Column(name = "LEADER_MEMBER_ID")
    public Long leaderMemberId;
    @Version
    public Long version;
}
