package org.renkou.core.api.migrant;

import java.time.LocalDate;

/** A certificate the place of residence has seen (验证): which one, its number, and the day it was presented. */
public class CertificateSeenDTO {
    public MigrantCertificate type;
    /** 证件编号. */
    public String number;
    /** The day staff saw it; not in the future. */
    public LocalDate seenOn;
}
