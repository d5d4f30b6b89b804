package org.renkou.core.internal.certificate;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** One print of a certificate and the verification code on it. Written, never changed. */
@Entity
@Table(name = "CERTIFICATE_PRINT")
public class CertificatePrintEntity {
    @Id
    public String code;
    @Column(name = "CERTIFICATE_ID")
    public Long certificateId;
    @Column(name = "PRINT_NO")
    public int printNo;
    @Column(name = "PRINTED_AT")
    public LocalDateTime printedAt; // UTC
    public String actor;
    public String reason;
}
