package org.renkou.itests;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.ops4j.pax.exam.TestContainer;

/**
 * Stops a Pax Exam container and, when the framework does not stop in time, leaves a thread dump where it can be
 * read ({@code target/stop-hangs/}), because a hung stop shows nothing else of its cause.
 */
final class Containers {
    private static final long STOP_SECONDS = 120;

    private Containers() {
    }

    /**
     * Stops {@code container}; a framework that does not stop in time fails the test when {@code mustStop}
     * (something after it needs the home folder), otherwise it is reported with its thread dump and left behind
     * (nothing in this JVM uses it again).
     */
    static void stop(TestContainer container, String label, boolean mustStop) {
        CompletableFuture<Void> stop = CompletableFuture.runAsync(container::stop);
        try {
            stop.get(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            Path dump = dumpThreads(label);
            String message = "The framework did not stop within " + STOP_SECONDS + " s; threads in " + dump;
            if (mustStop) {
                throw new AssertionError(message);
            }
            System.err.println("WARNING " + message);
        } catch (ExecutionException e) {
            throw new AssertionError("Stopping the framework failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path dumpThreads(String label) {
        StringBuilder sb = new StringBuilder();
        for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            sb.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
            if (t.getLockName() != null) {
                sb.append(" on ").append(t.getLockName()).append(" owned by ").append(t.getLockOwnerName());
            }
            sb.append('\n');
            for (StackTraceElement s : t.getStackTrace()) {
                sb.append("    at ").append(s).append('\n');
            }
            sb.append('\n');
        }
        Path file = Path.of(System.getProperty("renkou.itests.work", "target"), "..", "stop-hangs", label + ".txt")
                .normalize();
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, sb);
        } catch (IOException e) {
            System.err.println(sb);
        }
        System.err.println(sb);
        return file;
    }
}
