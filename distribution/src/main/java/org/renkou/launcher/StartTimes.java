package org.renkou.launcher;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * How long each bundle took to start (activator and immediate components, which run inside the start), so that the
 * start-up log names the slow ones: a province IT team that adds a bundle sees what it costs.
 */
final class StartTimes implements SynchronousBundleListener {
    private final Map<String, Long> starting = new ConcurrentHashMap<>();
    private final Map<String, Long> took = new ConcurrentHashMap<>();

    @Override
    public void bundleChanged(BundleEvent event) {
        String name = event.getBundle().getSymbolicName();
        if (event.getType() == BundleEvent.STARTING) {
            starting.put(name, System.nanoTime());
        } else if (event.getType() == BundleEvent.STARTED) {
            Long t = starting.remove(name);
            if (t != null) {
                took.put(name, (System.nanoTime() - t) / 1_000_000);
            }
        }
    }

    /** E.g. "org.renkou.core 420 ms, org.apache.aries.jpa.container 130 ms". */
    String slowest(int n) {
        return took.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .limit(n)
                .map(e -> e.getKey() + " " + e.getValue() + " ms")
                .collect(Collectors.joining(", "));
    }
}
