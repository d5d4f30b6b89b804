package org.renkou.core.api.certificate;

import java.time.LocalDateTime;

/** One event in a certificate's life: issued, changed or revoked, by whom, when, what changed and why. */
public class CertificateHistoryDTO {
    /** ISSUED, CHANGED or REVOKED. */
    public String event;
    /** UTC. */
    public LocalDateTime at;
    public String actor;
    /** JSON object {@code {"field": [old, new]}}. */
    public String changes;
    public String reason;
}
