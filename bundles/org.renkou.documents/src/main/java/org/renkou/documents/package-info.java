/**
 * Documents Renkou renders (文书): a certificate's print on its province's form as HTML or PDF ({@link
 * org.renkou.documents.CertificateDocuments}). The bundle also provides {@link
 * org.renkou.core.api.report.ReportDocuments} (reports as Excel or PDF), so that PDFBox and the CJK font stay out
 * of the REST host and the core.
 */
@Version("1.1.0")
@Export
package org.renkou.documents;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
