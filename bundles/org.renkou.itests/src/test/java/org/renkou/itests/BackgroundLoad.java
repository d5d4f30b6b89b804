package org.renkou.itests;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * GETs of the rest of the platform in a loop on a thread of its own while a test switches a module: how many
 * answered 200, and the first that did not (status and body, or the exception). Closing it stops and joins the thread.
 */
final class BackgroundLoad implements AutoCloseable {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicReference<String> failure = new AtomicReference<>();
    private final Thread thread;

    private BackgroundLoad(Http http, List<String> paths, String name) {
        thread = new Thread(() -> {
            int i = 0;
            while (running.get()) {
                String path = paths.get(i++ % paths.size());
                try {
                    Http.Response r = http.get(path);
                    if (r.status() == 200) {
                        ok.incrementAndGet();
                    } else {
                        failure.compareAndSet(null, path + " -> " + r.status() + " " + r.body());
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, path + " -> " + e);
                }
            }
        }, name);
    }

    static BackgroundLoad start(Http http, List<String> paths, String name) {
        BackgroundLoad load = new BackgroundLoad(http, paths, name);
        load.thread.start();
        return load;
    }

    /** Requests answered 200 so far. */
    int ok() {
        return ok.get();
    }

    /** The first request that was not answered 200, or null. */
    String failure() {
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        thread.join();
    }
}
