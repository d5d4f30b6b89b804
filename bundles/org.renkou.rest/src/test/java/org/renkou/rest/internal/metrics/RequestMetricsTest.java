package org.renkou.rest.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.metrics.MetricSource;
import org.renkou.core.api.metrics.MetricsWriter;

class RequestMetricsTest {

    /** The label is the template Jersey matched, never the path asked for: no id, no ID number in a label. */
    @Test
    void theResourceLabelIsTheMatchedTemplateWithoutIdsOrRegularExpressions() {
        assertEquals("/api/residents/{id}", RequestMetrics.template(List.of("/{id}", "/residents")));
        assertEquals("/api/residents/by-id-number/{idNumber}",
                RequestMetrics.template(List.of("by-id-number/{idNumber: [0-9Xx]{15,18}}", "residents")));
        assertEquals("/api/residents", RequestMetrics.template(List.of("/", "/residents/")));
        assertEquals("/api/households/{id}/members/{residentId}",
                RequestMetrics.template(List.of("/{ residentId }", "/{id}/members", "/households")));
        assertEquals(RequestMetrics.UNMATCHED, RequestMetrics.template(List.of()));
        assertEquals(RequestMetrics.UNMATCHED, RequestMetrics.resource(null));
    }

    @Test
    void eachSeriesCountsItsRequestsAndKeepsCumulativeBucketsSumAndCount() {
        RequestMetrics m = new RequestMetrics(true);
        m.record("/api/residents/{id}", "GET", 200, 3_000_000L); // 3 ms: le 0.005
        m.record("/api/residents/{id}", "GET", 204, 7_000_000L); // 7 ms: le 0.01
        m.record("/api/residents/{id}", "GET", 200, 5_000_000L); // 5 ms exactly: le 0.005 (upper bound inclusive)
        m.record("/api/residents/{id}", "GET", 503, 3_000_000_000L); // 3 s: above every bound
        m.record(RequestMetrics.UNMATCHED, "BREW", 404, 1_000_000L);
        String text = scrape(m);
        String labels = "resource=\"/api/residents/{id}\",method=\"GET\",status=\"2xx\"";
        assertTrue(text.contains("renkou_http_requests_total{" + labels + "} 3\n"), text);
        assertTrue(text.contains("renkou_http_requests_total{resource=\"/api/residents/{id}\",method=\"GET\","
                + "status=\"5xx\"} 1\n"), text);
        assertTrue(text.contains("renkou_http_requests_total{resource=\"unmatched\",method=\"OTHER\",status=\"4xx\"} 1\n"),
                text);
        assertTrue(text.contains("renkou_http_request_duration_seconds_bucket{" + labels + ",le=\"0.005\"} 2\n"), text);
        assertTrue(text.contains("renkou_http_request_duration_seconds_bucket{" + labels + ",le=\"0.01\"} 3\n"), text);
        assertTrue(text.contains("renkou_http_request_duration_seconds_bucket{" + labels + ",le=\"2.5\"} 3\n"), text);
        assertTrue(text.contains("renkou_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} 3\n"), text);
        assertTrue(text.contains("renkou_http_request_duration_seconds_sum{" + labels + "} 0.015\n"), text);
        assertTrue(text.contains("renkou_http_request_duration_seconds_count{" + labels + "} 3\n"), text);
        assertTrue(text.contains("renkou_http_request_duration_seconds_bucket{resource=\"/api/residents/{id}\","
                + "method=\"GET\",status=\"5xx\",le=\"2.5\"} 0\n"), text);
        assertEquals(1, text.split("# TYPE renkou_http_requests_total counter", -1).length - 1, "one TYPE per family");
    }

    @Test
    void statusClassesAndTheSwitchForTheBenchmark() {
        assertEquals("2xx", RequestMetrics.statusClass(201));
        assertEquals("4xx", RequestMetrics.statusClass(404));
        assertEquals("other", RequestMetrics.statusClass(999));
        RequestMetrics off = new RequestMetrics(false);
        assertFalse(scrape(off).contains("renkou_http_requests_total{"));
    }

    @Test
    void aSourceThatFailsIsLeftOutWithoutHalfAFamily() {
        MetricSource broken = out -> {
            out.gauge("renkou_broken", "half written");
            throw new IllegalStateException("boom");
        };
        MetricSource fine = out -> out.gauge("renkou_fine", "fine").sample("renkou_fine", 1);
        String text = MetricsResource.scrape(List.of(broken, fine));
        assertFalse(text.contains("renkou_broken"), text);
        assertTrue(text.contains("renkou_fine 1\n"), text);
    }

    @Test
    void theJvmReportsHeapGcThreadsAndUptime() {
        StringBuilder out = new StringBuilder();
        new JvmMetrics().write(new MetricsWriter(out));
        String text = out.toString();
        for (String name : new String[] {"renkou_jvm_memory_used_bytes{area=\"heap\"}",
                "renkou_jvm_memory_max_bytes{area=\"heap\"}", "renkou_jvm_gc_collections_total{collector=",
                "renkou_jvm_gc_seconds_total{collector=", "renkou_jvm_threads ", "renkou_process_uptime_seconds "}) {
            assertTrue(text.contains(name), name + " in " + text);
        }
    }

    private static String scrape(RequestMetrics m) {
        StringBuilder out = new StringBuilder();
        m.write(new MetricsWriter(out));
        return out.toString();
    }
}
