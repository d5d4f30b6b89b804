package org.renkou.core.internal.certificate;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** One event in a certificate's history (ISSUED, CHANGED, REVOKED). Written, never changed. */
@Entity
@Table(name = "CERTIFICATE_EVENT")
public class CertificateEventEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "CERTIFICATE_ID")
    public Long certificateId;
    public String event;
    @Column(name = "AT_TIME")
    public LocalDateTime at; // UTC
    public String actor;
    public String changes;
    public String reason;
}
