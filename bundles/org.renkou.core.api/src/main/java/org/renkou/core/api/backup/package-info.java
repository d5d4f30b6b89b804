/**
 * Backup of the whole platform (数据备份): {@link org.renkou.core.api.backup.BackupService}.
 */
@Version("1.0.0")
@Export
package org.renkou.core.api.backup;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
