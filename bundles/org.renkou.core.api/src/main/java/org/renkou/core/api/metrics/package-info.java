/**
 * Metrics (运行指标) for {@code GET /api/metrics} in the Prometheus text format: a part of the platform or a module
 * registers a {@link org.renkou.core.api.metrics.MetricSource} service, which writes its metric families through a
 * {@link org.renkou.core.api.metrics.MetricsWriter} on every scrape.
 */
@Version("1.0.0")
@Export
package org.renkou.core.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
