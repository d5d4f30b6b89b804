package org.renkou.core.api.certificate;

import java.time.LocalDate;

/** The answer to "is this printed certificate genuine and valid?" (证件核验), by its verification code. */
public class CertificateVerificationDTO {
    /** What the code shows. */
    public enum Result {
        /** The current print of a valid certificate. */
        VALID,
        /** The certificate was revoked (注销/作废). */
        REVOKED,
        /** A newer print replaced this paper (补打): only the newest paper is valid. */
        SUPERSEDED,
        /** No certificate was printed with this code. */
        UNKNOWN
    }

    public String code;
    public Result result;
    public String messageZh;
    public String messageEn;
    /** Filled unless UNKNOWN; no holder data (the code may be read by anyone holding the paper). */
    public String type;
    public String typeNameZh;
    public String typeNameEn;
    public String number;
    public LocalDate issuedOn;
    public LocalDate revokedOn;
    public Integer printNo;
}
