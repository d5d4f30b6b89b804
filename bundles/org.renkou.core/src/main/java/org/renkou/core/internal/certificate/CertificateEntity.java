package org.renkou.core.internal.certificate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.Table;

import org.renkou.core.api.certificate.CertificateStatus;
import org.renkou.core.internal.db.TimestampedEntity;

/** Row of a certificate (证件) and its holders. */
@Entity
@Table(name = "CERTIFICATE")
public class CertificateEntity extends TimestampedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "TYPE_KEY")
    public String typeKey;
    @Column(name = "CERT_NUMBER")
    public String number;
    @Enumerated(EnumType.STRING)
    public CertificateStatus status;
    @Column(name = "ISSUED_ON")
    public LocalDate issuedOn;
    @Column(name = "REVOKED_ON")
    public LocalDate revokedOn;
    public String note;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "CERTIFICATE_HOLDER", joinColumns = @JoinColumn(name = "CERTIFICATE_ID"))
    @Column(name = "RESIDENT_ID")
    public Set<Long> holderIds = new TreeSet<>();

    public Map<String, Object> auditView() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", typeKey);
        m.put("number", number);
        m.put("holderIds", new TreeSet<>(holderIds).toString());
        m.put("status", status);
        m.put("issuedOn", issuedOn);
        m.put("revokedOn", revokedOn);
        m.put("note", note);
        return m;
    }
}
