package org.renkou.association.internal.entities.organisation;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A seat of a council term: 会长, 副会长, 秘书长 or 理事. */
@Entity
@Table(name = "AS_SEAT")
public class SeatEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "TERM_ID")
    public Long termId;
    public String position;
    @Column(name = "PERSON_NAME")
    public String personName;
    @Column(name = "MEMBER_ID")
    public Long memberId;
}
