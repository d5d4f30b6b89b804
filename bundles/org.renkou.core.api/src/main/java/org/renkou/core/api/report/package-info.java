/**
 * Reports (报表) as documents: a {@link org.renkou.core.api.report.ReportTable} is what a report shows, and the
 * {@link org.renkou.core.api.report.ReportDocuments} service turns tables into an Excel workbook or a printable PDF,
 * so that the core, provinces and modules export reports the same way without each carrying its own writers.
 */
@Version("1.0.0")
@Export
package org.renkou.core.api.report;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
