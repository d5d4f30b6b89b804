package org.renkou.core.internal.migrant;

import java.time.LocalDate;

import javax.persistence.Column;
import javax.persistence.Embeddable;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;

import org.renkou.core.api.migrant.MigrantCertificate;

/** A certificate seen at the place of residence (验证), part of a {@link MigrantEntity}. */
@Embeddable
public class CertificateSeen {
    @Enumerated(EnumType.STRING)
    @Column(name = "CERT_TYPE")
    public MigrantCertificate type;
    @Column(name = "CERT_NUMBER")
    public String number;
    @Column(name = "SEEN_ON")
    public LocalDate seenOn;

    @Override
    public String toString() {
        return type + " " + number + " " + seenOn;
    }
}
