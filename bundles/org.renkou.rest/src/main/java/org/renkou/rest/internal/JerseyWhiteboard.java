package org.renkou.rest.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.Servlet;

import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.util.tracker.ServiceTracker;
import org.renkou.core.api.HealthIndicator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one JAX-RS application of Renkou, under {@code /api}. Any bundle contributes to it by registering a service
 * with {@code osgi.jakartars.resource=true} (a root resource) or {@code osgi.jakartars.extension=true} (a provider
 * or {@code Feature}); when such services come or go, the application is rebuilt, so a module's API appears and
 * vanishes with the module.
 *
 * <p>The authentication filter ({@link CallerFilter}) is not one of the tracked contributions: this component holds
 * it and puts it into every application it builds, and serves no application while it is missing (503, health
 * "starting"). At start-up it registers after the resources (its {@code Callers} waits for the staff and session
 * services), and an application built from the resources alone answered for ~1 s: 401 to every caller of a
 * resource that asks for one, and anyone let through to those that do not ({@code GET /api/jurisdictions}).
 *
 * <p>Why not the OSGi JAX-RS whiteboard implementation: on this stack it starts but answers every request with an
 * HK2 "ServiceLocatorImpl has been shut down" error (STACK.md). This component keeps to the same service properties,
 * so moving to the standard whiteboard later changes no contributor.
 */
@Component(immediate = true, service = HealthIndicator.class)
public class JerseyWhiteboard implements HealthIndicator {
    static final String RESOURCE = "osgi.jakartars.resource";
    static final String EXTENSION = "osgi.jakartars.extension";
    private static final Logger LOG = LoggerFactory.getLogger(JerseyWhiteboard.class);
    /**
     * Jersey warns "registered in SERVER runtime does not implement any provider interfaces … will be ignored" for
     * every resource registered as an instance, as all of ours are (DS components), and then uses it all the same
     * (Jersey issue #3700): twenty false warnings per rebuild. Held here so that JUL keeps the level.
     */
    private static final java.util.logging.Logger PROVIDER_CHECK = quiet("org.glassfish.jersey.internal.inject.Providers");
    /** Contributions registered within this window are applied together (start-up registers many at once). */
    private static final long DEBOUNCE_MS = 50;

    private final BundleContext context;
    private final Map<ServiceReference<?>, Object> contributions = new ConcurrentHashMap<>();
    private final ScheduledExecutorService rebuilder = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "renkou-jaxrs-whiteboard");
        t.setDaemon(true);
        return t;
    });
    private final ServiceTracker<Object, Object> tracker;
    private final Object scheduling = new Object();
    private ScheduledFuture<?> pending;
    /** How long a replaced application may go on serving requests it started before it is destroyed anyway. */
    private static final long DRAIN_MS = 30_000;
    private final ApiServlet servlet = new ApiServlet(this::scheduleRebuild);
    private ServiceRegistration<Servlet> registration;
    /** Null until bound and after it goes; guarded by {@code this} when it goes (see {@link #swapIn}). */
    private volatile CallerFilter authentication;

    @Activate
    public JerseyWhiteboard(BundleContext context) throws InvalidSyntaxException {
        this.context = context;
        Filter filter = context.createFilter("(|(" + RESOURCE + "=true)(" + EXTENSION + "=true))");
        this.tracker = new ServiceTracker<>(context, filter, null) {
            @Override
            public Object addingService(ServiceReference<Object> ref) {
                Object service = context.getService(ref);
                if (service != null) {
                    contributions.put(ref, service);
                    scheduleRebuild();
                }
                return service;
            }

            @Override
            public void modifiedService(ServiceReference<Object> ref, Object service) {
                scheduleRebuild();
            }

            @Override
            public void removedService(ServiceReference<Object> ref, Object service) {
                contributions.remove(ref);
                scheduleRebuild();
                context.ungetService(ref);
            }
        };
        tracker.open();
        Dictionary<String, Object> props = new Hashtable<>();
        props.put("osgi.http.whiteboard.servlet.pattern", "/api/*");
        props.put("osgi.http.whiteboard.servlet.name", "renkou-api");
        registration = context.registerService(Servlet.class, servlet, props);
        scheduleRebuild();
    }

    // ---- HealthIndicator: the platform is not up before its API answers (a login right after "UP" got a 503) ----

    @Override
    public String name() {
        return "api";
    }

    @Override
    public State state() {
        return servlet.ready() ? State.UP : State.STARTING;
    }

    @Override
    public String detail() {
        return servlet.ready() ? "" : "接口正在启动 / the API is starting";
    }

    /** Optional so that {@code /api} answers 503 "starting" meanwhile rather than 404, and health says so. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void bindAuthentication(CallerFilter filter) {
        authentication = filter;
        scheduleRebuild();
    }

    /** Takes the application out at once: none may answer without the filter, not even until the next build. */
    void unbindAuthentication(CallerFilter filter) {
        ApiServlet.Generation old;
        synchronized (this) {
            if (authentication == filter) {
                authentication = null;
            }
            old = servlet.swap(null);
        }
        retire(old);
        scheduleRebuild(); // with a replacement bound first (DS does so), the API is back after one build
    }

    @Deactivate
    void deactivate() throws InterruptedException {
        tracker.close();
        rebuilder.shutdownNow();
        rebuilder.awaitTermination(10, TimeUnit.SECONDS); // a build under way finishes before the last swap
        synchronized (this) {
            if (registration != null) {
                unregisterQuietly(registration);
                registration = null;
            }
            ApiServlet.Generation last = servlet.swap(null);
            if (last != null) {
                last.container.destroy();
            }
        }
    }

    /**
     * Short and never waits for a build: it runs on the thread that registers a contribution — at start-up, the
     * framework's start-level thread. (It used to share a lock with {@link #rebuild}, so each resource registered
     * during a build held up the whole start-up until the build was done: ~3 s on a cold start.)
     */
    private void scheduleRebuild() {
        synchronized (scheduling) {
            if (pending != null) {
                pending.cancel(false);
            }
            if (!rebuilder.isShutdown()) {
                pending = rebuilder.schedule(this::rebuild, DEBOUNCE_MS, TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Runs on the one rebuilder thread only, so builds never overlap. */
    private void rebuild() {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("renkou");
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(CommonProperties.MOXY_JSON_FEATURE_DISABLE, true);
        config.property(CommonProperties.JSON_PROCESSING_FEATURE_DISABLE, true);
        // Errors are answered by our problem+json mappers, never by the container's HTML page.
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        CallerFilter filter = authentication;
        if (filter == null || servlet.getServletConfig() == null) {
            return; // the filter's bind, or the HTTP whiteboard's init(), schedules the next build
        }
        config.register(filter);
        List<Object> registered = List.copyOf(contributions.values());
        registered.forEach(config::register);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jersey finds its injection manager (jersey-hk2) through the context class loader.
        thread.setContextClassLoader(JerseyClassLoader.INSTANCE);
        try {
            ServletContainer next = new ServletContainer(config);
            next.init(servlet.getServletConfig());
            if (!swapIn(next, filter)) {
                next.destroy();
                return; // the filter went during the build; its unbind took the API out, its next bind rebuilds
            }
            if (LOG.isDebugEnabled()) {
                // what this application holds, not the contributions now (some may have come during the build)
                LOG.debug("JAX-RS application at /api rebuilt with CallerFilter and {} contributions: {}",
                        registered.size(), registered.stream().map(o -> o.getClass().getSimpleName()).sorted().toList());
            }
        } catch (RuntimeException | jakarta.servlet.ServletException e) {
            LOG.error("The REST API could not be (re)built: {}", e.toString(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Makes {@code next} current unless {@code filter}, built into it, has gone meanwhile. */
    private boolean swapIn(ServletContainer next, CallerFilter filter) {
        ApiServlet.Generation old;
        synchronized (this) {
            if (authentication != filter) {
                return false;
            }
            old = servlet.swap(new ApiServlet.Generation(next));
        }
        retire(old);
        return true;
    }

    private static void retire(ApiServlet.Generation old) {
        if (old != null) {
            Thread drain = new Thread(() -> drainAndDestroy(old), "renkou-jaxrs-drain");
            drain.setDaemon(true);
            drain.start();
        }
    }

    /** Lets the replaced application finish what it started, then frees it. */
    private static void drainAndDestroy(ApiServlet.Generation old) {
        long end = System.currentTimeMillis() + DRAIN_MS;
        try {
            while (old.inFlight.get() > 0 && System.currentTimeMillis() < end) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        old.container.destroy();
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(java.util.logging.Level.SEVERE);
        return l;
    }

    private static void unregisterQuietly(ServiceRegistration<?> r) {
        try {
            r.unregister();
        } catch (IllegalStateException e) {
            // already gone with the bundle
        }
    }
}
