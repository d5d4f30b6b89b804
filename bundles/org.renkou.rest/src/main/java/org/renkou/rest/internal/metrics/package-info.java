/**
 * {@code GET /api/metrics} (运行指标) in the Prometheus text format: the requests of the JAX-RS application per
 * resource template, the JVM, and every {@link org.renkou.core.api.metrics.MetricSource} of the platform and modules.
 */
package org.renkou.rest.internal.metrics;
