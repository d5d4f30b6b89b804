package org.renkou.rest.internal.metrics;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadMXBean;

import org.osgi.service.component.annotations.Component;
import org.renkou.core.api.metrics.MetricSource;
import org.renkou.core.api.metrics.MetricsWriter;

/** The JVM of this node: heap and non-heap memory, each garbage collector's runs and time, threads, uptime. */
@Component(service = MetricSource.class)
public class JvmMetrics implements MetricSource {

    @Override
    public void write(MetricsWriter out) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        MemoryUsage nonHeap = ManagementFactory.getMemoryMXBean().getNonHeapMemoryUsage();
        out.gauge("renkou_jvm_memory_used_bytes", "Memory in use");
        out.sample("renkou_jvm_memory_used_bytes", heap.getUsed(), "area", "heap");
        out.sample("renkou_jvm_memory_used_bytes", nonHeap.getUsed(), "area", "nonheap");
        out.gauge("renkou_jvm_memory_committed_bytes", "Memory the JVM holds from the system");
        out.sample("renkou_jvm_memory_committed_bytes", heap.getCommitted(), "area", "heap");
        out.sample("renkou_jvm_memory_committed_bytes", nonHeap.getCommitted(), "area", "nonheap");
        out.gauge("renkou_jvm_memory_max_bytes", "Memory the JVM may use at most (-Xmx for the heap; -1 unlimited)");
        out.sample("renkou_jvm_memory_max_bytes", heap.getMax(), "area", "heap");
        out.sample("renkou_jvm_memory_max_bytes", nonHeap.getMax(), "area", "nonheap");
        out.counter("renkou_jvm_gc_collections_total", "Collections per garbage collector since the start");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            out.sample("renkou_jvm_gc_collections_total", Math.max(0, gc.getCollectionCount()), "collector",
                    gc.getName());
        }
        out.counter("renkou_jvm_gc_seconds_total", "Time spent collecting per garbage collector since the start");
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            out.sample("renkou_jvm_gc_seconds_total", Math.max(0, gc.getCollectionTime()) / 1000.0, "collector",
                    gc.getName());
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        out.gauge("renkou_jvm_threads", "Live threads").sample("renkou_jvm_threads", threads.getThreadCount());
        out.gauge("renkou_jvm_threads_daemon", "Live daemon threads")
                .sample("renkou_jvm_threads_daemon", threads.getDaemonThreadCount());
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        out.gauge("renkou_process_uptime_seconds", "Seconds since the JVM started")
                .sample("renkou_process_uptime_seconds", runtime.getUptime() / 1000.0);
        out.gauge("renkou_process_start_time_seconds", "When the JVM started, in seconds since 1970 (UTC)")
                .sample("renkou_process_start_time_seconds", runtime.getStartTime() / 1000.0);
    }
}
