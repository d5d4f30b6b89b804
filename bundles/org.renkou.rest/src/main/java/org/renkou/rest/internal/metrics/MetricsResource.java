package org.renkou.rest.internal.metrics;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.core.api.metrics.MetricSource;
import org.renkou.core.api.metrics.MetricsWriter;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/metrics}: every {@link MetricSource} of this node in the Prometheus text format 0.0.4, for a
 * platform-level administrator (as the health detail: the metrics say what runs here and how busy it is). A source
 * that fails is left out of the answer and logged; the others still answer.
 */
@Component(service = MetricsResource.class)
@RestResource
@Path("metrics")
public class MetricsResource {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsResource.class);
    private final List<MetricSource> sources = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSource(MetricSource source) {
        sources.add(source);
    }

    void removeSource(MetricSource source) {
        sources.remove(source);
    }

    @GET
    public Response metrics(@Context SecurityContext sc) {
        RestCaller.of(sc).requirePlatformAdmin("读取运行指标", "read the metrics");
        return Response.ok(scrape(sources).getBytes(StandardCharsets.UTF_8), MetricsWriter.CONTENT_TYPE)
                .header("Cache-Control", "no-store").build();
    }

    /** Every source's families, in a stable order (by class name). */
    static String scrape(List<MetricSource> sources) {
        List<MetricSource> sorted = new ArrayList<>(sources);
        sorted.sort(Comparator.comparing(s -> s.getClass().getName()));
        StringBuilder all = new StringBuilder(16 * 1024);
        for (MetricSource s : sorted) {
            StringBuilder one = new StringBuilder(1024);
            try {
                s.write(new MetricsWriter(one));
                all.append(one); // a source that fails half-way leaves no half family behind
            } catch (RuntimeException e) {
                LOG.warn("Metrics of {} left out: {}", s.getClass().getName(), e.toString());
            }
        }
        return all.toString();
    }
}
