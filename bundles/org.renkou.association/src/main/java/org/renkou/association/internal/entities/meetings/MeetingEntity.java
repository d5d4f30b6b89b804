package org.renkou.association.internal.entities.meetings;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A meeting (会议): a member group's monthly meeting or the association's yearly commendation meeting. */
@Entity
@Table(name = "AS_MEETING")
public class MeetingEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ASSOCIATION_ID")
    public Long associationId;
    public String kind;
    @Column(name = "GROUP_ID")
    public Long groupId;
    @Column(name = "HELD_ON")
    public LocalDate heldOn;
    public String place;
    public String topic;
    public String minutes;
    @Column(name = "RECORDED_BY")
    public String recordedBy;
    @Version
    public Long version;
}
