package org.renkou.core.api.metrics;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Something that reports metrics on {@code GET /api/metrics}; register one as an OSGi service. Names start with
 * {@code renkou_} and the part they describe ({@code renkou_job_…}); every family is written by one source only.
 *
 * <pre>{@code
 * public void write(MetricsWriter out) {
 *     out.gauge("renkou_job_leader", "1 when this node runs the scheduled jobs").sample("renkou_job_leader", 1);
 * }
 * }</pre>
 */
@ConsumerType
public interface MetricSource {

    /** Writes this source's families; called on every scrape, so it reads counters it keeps, never the database. */
    void write(MetricsWriter out);
}
