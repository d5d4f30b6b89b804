package org.renkou.school.internal.entities.classes;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A line of a class roster (花名册): the resident by id, ENROLLED, DECLINED or GRADUATED. */
@Entity
@Table(name = "SC_ENROLMENT")
public class EnrolmentEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "CLASS_ID")
    public Long classId;
    @Column(name = "RESIDENT_ID")
    public Long residentId;
    @Column(name = "RESIDENT_NAME")
    public String residentName;
    public String status;
    @Column(name = "ENROLLED_ON")
    public LocalDate enrolledOn;
    @Column(name = "ENROLLED_BY")
    public String enrolledBy;
    @Column(name = "DECLINE_REASON")
    public String declineReason;
    @Column(name = "GRADUATED_ON")
    public LocalDate graduatedOn;
    /** The completion certificate's verification code, given at graduation. */
    @Column(name = "CERTIFICATE_CODE")
    public String certificateCode;
    @Version
    public Long version;
}
