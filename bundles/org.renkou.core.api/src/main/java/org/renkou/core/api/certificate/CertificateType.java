package org.renkou.core.api.certificate;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A kind of certificate (证件类型) a province issues, e.g. {@code one-child-parents-glory} (独生子女父母光荣证).
 * Province bundles register implementations as OSGi services; the core offers the registered ones for new
 * certificates and keeps certificates of a type whose bundle has stopped.
 */
@ConsumerType
public interface CertificateType {
    /** Stable key stored with each certificate: lower-case letters, digits and {@code -}. */
    String key();

    String nameZh();

    String nameEn();
}
