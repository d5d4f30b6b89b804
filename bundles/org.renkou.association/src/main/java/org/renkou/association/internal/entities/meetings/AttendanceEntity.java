package org.renkou.association.internal.entities.meetings;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A member's attendance at a meeting: present, absent or excused (出席, 缺席, 请假). */
@Entity
@Table(name = "AS_ATTENDANCE")
public class AttendanceEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "MEETING_ID")
    public Long meetingId;
    @Column(name = "MEMBER_ID")
    public Long memberId;
    public String status;
}
