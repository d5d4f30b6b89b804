/**
 * Statistics reports (统计报表): population figures and monthly activity of the caller's jurisdictions, read from
 * an aggregate snapshot that the core refreshes in the background, so that counting a million residents never
 * scans them per request. {@link org.renkou.core.api.stats.StatisticsService} is the entry point.
 */
@Version("1.2.0")
@Export
package org.renkou.core.api.stats;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
