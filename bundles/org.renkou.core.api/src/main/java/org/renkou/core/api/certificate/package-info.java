/**
 * Certificates (证件): the {@link org.renkou.core.api.certificate.CertificateType} extension point a province bundle
 * registers for each certificate it issues, and the core's {@link org.renkou.core.api.certificate.CertificateService}
 * that issues, prints, verifies and voids them.
 */
@Version("1.0.0")
@Export
package org.renkou.core.api.certificate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
