package org.renkou.rest.internal.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriInfo;

import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.renkou.core.api.metrics.MetricSource;
import org.renkou.core.api.metrics.MetricsWriter;
import org.renkou.module.api.rest.RestExtension;

/**
 * Counts the requests of the JAX-RS application under {@code /api} and their latency, per resource template
 * ({@code /api/residents/{id}}, never the path with its ids: one series per resource method, whatever the ids),
 * method and status class. A path no resource matches counts as {@value #UNMATCHED}.
 *
 * <p>The clock starts before matching (the first filter) and stops when the response filters run, so the time
 * includes authentication and the resource method, not the writing of the body. The hot path takes no lock:
 * a map look-up and {@link LongAdder}s. {@code -Drenkou.metrics.requests=false} turns it off (for the benchmark
 * that measures its cost).
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class, MetricSource.class})
@RestExtension
@PreMatching
@Priority(100) // first on the way in, last on the way out
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter, MetricSource {
    /** The label of a request no resource matched (any number of unknown paths is one series). */
    static final String UNMATCHED = "unmatched";
    /** Upper bounds of the latency buckets, in seconds (5 ms … 2.5 s). */
    static final double[] BOUNDS = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5};
    private static final long[] BOUNDS_NANOS = new long[BOUNDS.length];
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String START = RequestMetrics.class.getName() + ".start";

    static {
        for (int i = 0; i < BOUNDS.length; i++) {
            BOUNDS_NANOS[i] = Math.round(BOUNDS[i] * 1e9);
        }
    }

    private final boolean enabled;
    private final Map<Key, Series> series = new ConcurrentHashMap<>();

    record Key(String resource, String method, String status) {
    }

    /** One series: observations per bucket (not cumulative) and their sum. */
    static final class Series {
        final LongAdder[] buckets = new LongAdder[BOUNDS.length + 1];
        final LongAdder sumNanos = new LongAdder();

        Series() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(long nanos) {
            int i = 0;
            while (i < BOUNDS_NANOS.length && nanos > BOUNDS_NANOS[i]) {
                i++;
            }
            buckets[i].increment();
            sumNanos.add(nanos);
        }
    }

    @Activate
    public RequestMetrics(BundleContext context) {
        this(!"false".equals(context.getProperty("renkou.metrics.requests")));
    }

    RequestMetrics(boolean enabled) {
        this.enabled = enabled;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (enabled) {
            request.setProperty(START, System.nanoTime());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (enabled && request.getProperty(START) instanceof Long start) {
            record(resource(request.getUriInfo()), request.getMethod(), response.getStatus(),
                    System.nanoTime() - start);
        }
    }

    void record(String resource, String method, int status, long nanos) {
        Key key = new Key(resource, METHODS.contains(method) ? method : "OTHER", statusClass(status));
        Series s = series.get(key);
        if (s == null) {
            s = series.computeIfAbsent(key, k -> new Series());
        }
        s.observe(nanos);
    }

    /** The matched resource template under {@code /api}, or {@value #UNMATCHED}. */
    static String resource(UriInfo info) {
        if (!(info instanceof ExtendedUriInfo extended)) {
            return UNMATCHED;
        }
        List<UriTemplate> matched = extended.getMatchedTemplates();
        List<String> templates = new ArrayList<>(matched.size());
        for (UriTemplate t : matched) {
            templates.add(t.getTemplate());
        }
        return template(templates);
    }

    /**
     * Joins the templates Jersey matched (the last matched first, as {@link ExtendedUriInfo#getMatchedTemplates}
     * gives them) into one path under {@code /api}, each parameter as {@code {name}} without its regular expression.
     */
    static String template(List<String> lastMatchedFirst) {
        StringBuilder path = new StringBuilder("/api");
        for (int i = lastMatchedFirst.size() - 1; i >= 0; i--) {
            String t = lastMatchedFirst.get(i);
            int depth = 0;
            boolean inRegex = false;
            if (!t.isEmpty() && t.charAt(0) != '/') {
                path.append('/');
            }
            for (int j = 0; j < t.length(); j++) {
                char c = t.charAt(j);
                if (c == '{') {
                    depth++;
                    if (depth == 1) {
                        path.append(c);
                    }
                } else if (c == '}') {
                    depth--;
                    if (depth == 0) {
                        inRegex = false;
                        path.append(c);
                    }
                } else if (depth == 1 && c == ':') {
                    inRegex = true;
                } else if (depth == 0 || (!inRegex && depth == 1 && !Character.isWhitespace(c))) {
                    path.append(c);
                }
            }
            while (path.length() > 4 && path.charAt(path.length() - 1) == '/') {
                path.setLength(path.length() - 1);
            }
        }
        return path.length() == 4 ? UNMATCHED : path.toString();
    }

    static String statusClass(int status) {
        return status >= 100 && status < 600 ? (status / 100) + "xx" : "other";
    }

    @Override
    public void write(MetricsWriter out) {
        List<Map.Entry<Key, Series>> all = new ArrayList<>(series.entrySet());
        all.sort(Map.Entry.comparingByKey(Comparator.comparing(Key::resource).thenComparing(Key::method)
                .thenComparing(Key::status)));
        long[] counts = new long[BOUNDS.length + 1];
        out.counter("renkou_http_requests_total", "Requests to the API under /api on this node, by resource template, "
                + "method and status class (5xx: errors)");
        for (Map.Entry<Key, Series> e : all) {
            long n = 0;
            for (LongAdder b : e.getValue().buckets) {
                n += b.sum();
            }
            out.sample("renkou_http_requests_total", n, labels(e.getKey()));
        }
        out.histogram("renkou_http_request_duration_seconds", "Time from the request's arrival to its response being "
                + "ready (the body's writing not included), by resource template, method and status class");
        for (Map.Entry<Key, Series> e : all) {
            Series s = e.getValue();
            for (int i = 0; i < counts.length; i++) {
                counts[i] = s.buckets[i].sum();
            }
            out.histogram("renkou_http_request_duration_seconds", BOUNDS, counts, s.sumNanos.sum() / 1e9,
                    labels(e.getKey()));
        }
    }

    private static String[] labels(Key k) {
        return new String[] {"resource", k.resource(), "method", k.method(), "status", k.status()};
    }
}
