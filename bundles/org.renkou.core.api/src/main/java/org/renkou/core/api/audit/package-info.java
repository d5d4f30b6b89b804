/**
 * The audit log (审计日志): what each entry records ({@link org.renkou.core.api.audit.AuditAction}) and the
 * {@link org.renkou.core.api.audit.AuditService} that reads it (an export through
 * {@link org.renkou.core.api.audit.AuditExport}); services write entries in the transaction of the change.
 */
@Version("1.1.0")
@Export
package org.renkou.core.api.audit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
