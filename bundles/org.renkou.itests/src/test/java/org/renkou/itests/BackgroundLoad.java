package org.renkou.itests;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Requests to the rest of the platform in a loop on a thread of its own while a test switches a module or a
 * province: how many rounds answered as expected, and the first that did not (what came back, or the exception).
 * Closing it stops and joins the thread.
 */
final class BackgroundLoad implements AutoCloseable {
    /** One round of requests: null when every answer was as expected, else what was not. */
    @FunctionalInterface
    interface Round {
        String run() throws Exception;
    }

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final Thread thread;

    private BackgroundLoad(String name, Round round) {
        thread = new Thread(() -> {
            while (running.get()) {
                try {
                    String wrong = round.run();
                    if (wrong == null) {
                        ok.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, wrong);
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e.toString());
                }
            }
        }, name);
    }

    static BackgroundLoad start(String name, Round round) {
        BackgroundLoad load = new BackgroundLoad(name, round);
        load.thread.start();
        return load;
    }

    /** GETs of the paths in turn, each expected to answer 200. */
    static BackgroundLoad start(Http http, List<String> paths, String name) {
        int[] next = {0}; // only the load's thread reads and writes it
        return start(name, () -> {
            String path = paths.get(next[0]++ % paths.size());
            try {
                Http.Response r = http.get(path);
                return r.status() == 200 ? null : path + " -> " + r.status() + " " + r.body();
            } catch (Exception e) {
                return path + " -> " + e;
            }
        });
    }

    /** Rounds answered as expected so far. */
    int ok() {
        return ok.get();
    }

    /** The first round that was not answered as expected, or null. */
    String failure() {
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
