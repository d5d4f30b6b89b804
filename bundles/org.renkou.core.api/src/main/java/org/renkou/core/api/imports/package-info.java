/**
 * Bulk import of residents from CSV or Excel files (批量导入): jobs, their state and the rows they refused, through
 * {@link org.renkou.core.api.imports.ImportService}.
 */
@Version("1.1.0")
@Export
package org.renkou.core.api.imports;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
