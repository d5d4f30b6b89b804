package org.renkou.rest.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.glassfish.jersey.servlet.ServletContainer;
import org.renkou.rest.api.Problem;
import org.renkou.rest.api.Problems;

/**
 * The servlet at {@code /api/*}: hands each request to the current Jersey application. When modules come and go a
 * new application is built beside the old one and swapped in; the old one finishes the requests it has started
 * before it is destroyed. (Jersey's own {@code reload} shuts the request scope of in-flight requests down, and
 * they fail with a 500 — a module switch must never do that to requests for other modules.)
 */
final class ApiServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** A built application and the requests it is serving. */
    static final class Generation {
        final ServletContainer container;
        final AtomicInteger inFlight = new AtomicInteger();

        Generation(ServletContainer container) {
            this.container = container;
        }
    }

    private final transient Runnable onInit;
    private transient volatile Generation current;

    ApiServlet(Runnable onInit) {
        this.onInit = onInit;
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        super.init(config);
        onInit.run();
    }

    /** Whether an application serves requests (false until the first one is built, and after the last is gone). */
    boolean ready() {
        return current != null;
    }

    /** Makes {@code next} (already initialised) current and returns the one it replaces. */
    Generation swap(Generation next) {
        Generation previous = current;
        current = next;
        return previous;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
        Generation g = current;
        if (g == null) {
            Problems.write(resp, Problem.of(503, "服务暂不可用",
                    "接口正在启动，请稍后再试。 / The API is starting; try again shortly.", null));
            return;
        }
        g.inFlight.incrementAndGet();
        try {
            g.container.service(req, resp);
        } finally {
            g.inFlight.decrementAndGet();
        }
    }
}
