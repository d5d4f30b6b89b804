package org.renkou.core.internal.db;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a background executor without interrupting the task under way. An interrupt that reaches a thread inside
 * Derby's file I/O closes the database file's channel; Derby's shutdown checkpoint then waits for it to be reopened
 * and the framework stop hangs (seen in RestartIT). So periodic runs end, the running one is let finish, bounded.
 */
public final class QuietShutdown {
    private static final Logger LOG = LoggerFactory.getLogger(QuietShutdown.class);

    private QuietShutdown() {
    }

    public static void stop(ExecutorService executor, String name, long seconds) {
        executor.shutdown(); // no interrupt; periodic schedules do not run again
        try {
            if (!executor.awaitTermination(seconds, TimeUnit.SECONDS)) {
                LOG.warn("{} did not finish within {} s; left to end on its own", name, seconds);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
