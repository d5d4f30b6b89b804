package org.renkou.core.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MetricsWriterTest {
    private final StringBuilder out = new StringBuilder();
    private final MetricsWriter w = new MetricsWriter(out);

    @Test
    void aFamilyHasItsHelpAndTypeOnceThenItsSamples() {
        w.counter("renkou_job_runs_total", "Runs of each job on this node")
                .sample("renkou_job_runs_total", 3, "job", "statistics")
                .sample("renkou_job_runs_total", 40, "job", "exchange-overdue");
        w.gauge("renkou_job_leader", "1 when this node leads").sample("renkou_job_leader", 1);
        assertEquals("""
                # HELP renkou_job_runs_total Runs of each job on this node
                # TYPE renkou_job_runs_total counter
                renkou_job_runs_total{job="statistics"} 3
                renkou_job_runs_total{job="exchange-overdue"} 40
                # HELP renkou_job_leader 1 when this node leads
                # TYPE renkou_job_leader gauge
                renkou_job_leader 1
                """, out.toString());
    }

    @Test
    void labelValuesEscapeBackslashQuoteAndNewlineAndHelpEscapesBackslashAndNewline() {
        w.gauge("g", "a\\b\nc \"quoted\"").sample("g", 1, "path", "C:\\x \"y\"\nz", "empty", null);
        assertEquals("""
                # HELP g a\\\\b\\nc "quoted"
                # TYPE g gauge
                g{path="C:\\\\x \\"y\\"\\nz",empty=""} 1
                """, out.toString());
    }

    @Test
    void histogramBucketsAreCumulativeEndWithInfAndCarrySumAndCount() {
        w.histogram("renkou_http_request_duration_seconds", "Latency")
                .histogram("renkou_http_request_duration_seconds", new double[] {0.005, 0.01, 0.025}, new long[] {2, 0, 3, 1},
                        0.25, "route", "/api/residents/{id}", "method", "GET");
        assertEquals("""
                # HELP renkou_http_request_duration_seconds Latency
                # TYPE renkou_http_request_duration_seconds histogram
                renkou_http_request_duration_seconds_bucket{route="/api/residents/{id}",method="GET",le="0.005"} 2
                renkou_http_request_duration_seconds_bucket{route="/api/residents/{id}",method="GET",le="0.01"} 2
                renkou_http_request_duration_seconds_bucket{route="/api/residents/{id}",method="GET",le="0.025"} 5
                renkou_http_request_duration_seconds_bucket{route="/api/residents/{id}",method="GET",le="+Inf"} 6
                renkou_http_request_duration_seconds_sum{route="/api/residents/{id}",method="GET"} 0.25
                renkou_http_request_duration_seconds_count{route="/api/residents/{id}",method="GET"} 6
                """, out.toString());
    }

    @Test
    void valuesAreWrittenAsPrometheusReadsThem() {
        assertEquals("3", MetricsWriter.number(3.0));
        assertEquals("0.5", MetricsWriter.number(0.5));
        assertEquals("NaN", MetricsWriter.number(Double.NaN));
        assertEquals("+Inf", MetricsWriter.number(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", MetricsWriter.number(Double.NEGATIVE_INFINITY));
        assertEquals("1.0E20", MetricsWriter.number(1e20));
    }

    @Test
    void badNamesAndOddLabelListsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> w.gauge("renkou-bad", "x"));
        assertThrows(IllegalArgumentException.class, () -> w.sample("g", 1, "job"));
        assertThrows(IllegalArgumentException.class, () -> w.sample("g", 1, "bad-label", "x"));
        assertThrows(IllegalArgumentException.class, () -> w.sample("g", 1, "__reserved", "x"));
        assertThrows(IllegalArgumentException.class,
                () -> w.histogram("h", new double[] {1}, new long[] {1}, 0));
    }
}
