package org.renkou.core.api.certificate;

import java.time.LocalDateTime;

/**
 * One print (打印) of a certificate: the verification code printed on it (核验码). A reprint gives a new code and
 * the code of the previous print stops verifying, so there is never more than one valid paper copy.
 */
public class CertificatePrintDTO {
    public Long certificateId;
    public String number;
    /** 1 for the first print, 2 for the first reprint, … */
    public int printNo;
    /** Short code to verify the paper at {@code GET /api/certificates/verify/{code}}. */
    public String verificationCode;
    /** The code of the print this one replaces (no longer valid), or {@code null}. */
    public String supersededCode;
    public LocalDateTime printedAt;
    public String actor;
    /** Why it was reprinted (lost, damaged …); required for a reprint. */
    public String reason;
}
