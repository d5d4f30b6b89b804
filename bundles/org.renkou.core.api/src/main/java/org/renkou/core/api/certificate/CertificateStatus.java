package org.renkou.core.api.certificate;

/** State of a {@link CertificateDTO certificate}. */
public enum CertificateStatus {
    /** 有效. */
    VALID,
    /** 已注销/吊销: revoked with a reason. */
    REVOKED
}
