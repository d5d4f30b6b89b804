package org.renkou.rest.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.core.api.Caller;
import org.renkou.core.api.HealthIndicator;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.cluster.ClusterJobs;
import org.renkou.core.api.module.ModuleDTO;
import org.renkou.core.api.module.ModuleService;
import org.renkou.rest.api.Json;
import org.renkou.rest.api.Problem;
import org.renkou.rest.api.Problems;

/**
 * {@code GET /api/health}: overall state, every {@link HealthIndicator}, and every bundle with its state.
 *
 * <p>Without a login (load balancers, monitors) it answers only the overall state: {@code status}, {@code startedAt}
 * and the HTTP code. The checks, modules and bundles with their versions tell an attacker what runs here, so only a
 * platform-level administrator (as for {@link Caller#requirePlatformAdmin}) gets them, and with them {@code node}:
 * which node answered (host name and port), the database it uses and whether it leads the scheduled jobs — what an
 * operator of several nodes behind a proxy asks each node.
 *
 * <p>A plain servlet beside the JAX-RS application rather than a resource in it: health must answer while the API
 * is being rebuilt, and monitors poll it often, so the answer is cached and rebuilt only when a bundle or an
 * indicator changes state. 200 while up, starting or degraded (a bundle not active); 503 when an indicator is down.
 */
@Component(service = Servlet.class, property = {
    "osgi.http.whiteboard.servlet.pattern=/api/health",
    "osgi.http.whiteboard.servlet.name=renkou-health"
})
public class HealthServlet extends HttpServlet implements SynchronousBundleListener {
    private static final long serialVersionUID = 1L;

    private final transient BundleContext context;
    private final transient List<HealthIndicator> indicators = new CopyOnWriteArrayList<>();
    private final Instant startedAt = Instant.now();
    private final AtomicLong generation = new AtomicLong();
    private transient volatile Cached cached;

    private record Cached(long generation, String indicatorStates, int status, byte[] body, byte[] publicBody) {
    }

    @Activate
    public HealthServlet(BundleContext context) {
        this.context = context;
        context.addBundleListener(this);
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addIndicator(HealthIndicator indicator) {
        indicators.add(indicator);
        generation.incrementAndGet();
    }

    void removeIndicator(HealthIndicator indicator) {
        indicators.remove(indicator);
        generation.incrementAndGet();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ModuleService modules;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile Callers callers;

    /** Leadership is also in the "jobs" check's detail, whose change rebuilds the cached answer. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    volatile ClusterJobs jobs;

    private transient volatile String hostName;

    @Override
    public void bundleChanged(BundleEvent event) {
        generation.incrementAndGet();
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (!"GET".equals(req.getMethod()) && !"HEAD".equals(req.getMethod())) {
            resp.setHeader("Allow", "GET, HEAD");
            Problems.write(resp, Problem.of(405, "不支持该请求方法", "/api/health 只支持 GET。", null));
            return;
        }
        Cached c = current();
        resp.setStatus(c.status());
        resp.setContentType("application/json");
        resp.setHeader("Cache-Control", "no-store");
        byte[] body = platformAdmin(req) ? c.body() : c.publicBody();
        resp.setContentLength(body.length);
        if ("GET".equals(req.getMethod())) {
            resp.getOutputStream().write(body);
        }
    }

    private Cached current() throws IOException {
        long gen = generation.get();
        StringBuilder states = new StringBuilder();
        for (HealthIndicator i : indicators) {
            states.append(i.state().ordinal()).append(i.detail()).append('|');
        }
        Cached c = cached;
        if (c != null && c.generation() == gen && c.indicatorStates().contentEquals(states)) {
            return c;
        }
        HealthDTO h = snapshot();
        HealthDTO overall = new HealthDTO();
        overall.status = h.status;
        overall.startedAt = h.startedAt;
        overall.checks = null;
        overall.modules = null;
        overall.bundles = null;
        overall.activeBundles = null;
        overall.node = null;
        c = new Cached(gen, states.toString(), "DOWN".equals(h.status) ? 503 : 200, Json.MAPPER.writeValueAsBytes(h),
                Json.MAPPER.writeValueAsBytes(overall));
        cached = c;
        return c;
    }

    /** Whether the request comes from a platform-level administrator; no login or any other caller is not. */
    private boolean platformAdmin(HttpServletRequest req) {
        Callers c = callers;
        Caller caller = c == null ? null : c.known(req, "health");
        if (caller == null) {
            return false;
        }
        try {
            caller.requirePlatformAdmin("查看健康详情", "read the health detail");
            return true;
        } catch (RenkouException e) {
            return false;
        }
    }

    HealthDTO snapshot() {
        HealthDTO h = new HealthDTO();
        h.startedAt = startedAt;
        boolean down = false;
        boolean starting = false;
        for (HealthIndicator i : indicators) {
            HealthDTO.Check check = new HealthDTO.Check();
            check.name = i.name();
            check.state = i.state().name();
            check.detail = i.detail();
            h.checks.add(check);
            down |= i.state() == HealthIndicator.State.DOWN;
            starting |= i.state() == HealthIndicator.State.STARTING;
        }
        boolean degraded = false;
        for (Bundle b : context.getBundles()) {
            HealthDTO.BundleInfo info = new HealthDTO.BundleInfo();
            info.id = b.getBundleId();
            info.symbolicName = b.getSymbolicName();
            info.version = b.getVersion().toString();
            info.state = state(b);
            boolean fragment = isFragment(b);
            info.fragment = fragment ? Boolean.TRUE : null;
            boolean lazy = b.getState() == Bundle.STARTING && b.getHeaders("").get("Bundle-ActivationPolicy") != null;
            if (lazy) {
                info.state = "LAZY"; // waits for its first use; normal
            }
            h.bundles.add(info);
            if (!fragment && !lazy && b.getState() != Bundle.ACTIVE) {
                degraded = true;
            }
            if (b.getState() == Bundle.ACTIVE) {
                h.activeBundles = h.activeBundles + 1;
            }
        }
        ModuleService m = modules;
        if (m != null) {
            for (ModuleDTO d : m.list()) {
                HealthDTO.ModuleInfo info = new HealthDTO.ModuleInfo();
                info.id = d.id;
                info.state = d.state.name();
                info.reasonZh = d.reasonZh;
                info.reasonEn = d.reasonEn;
                h.modules.add(info);
            }
        }
        h.status = down ? "DOWN" : starting ? "STARTING" : degraded ? "DEGRADED" : "UP";
        h.node = node();
        return h;
    }

    private HealthDTO.NodeInfo node() {
        HealthDTO.NodeInfo n = new HealthDTO.NodeInfo();
        if (hostName == null) {
            try {
                hostName = InetAddress.getLocalHost().getHostName(); // once: a slow resolver must not slow health
            } catch (IOException e) {
                hostName = "unknown";
            }
        }
        n.host = hostName;
        n.port = context.getProperty("org.osgi.service.http.port");
        ClusterJobs j = jobs;
        n.jobLeader = j == null ? null : j.leads();
        try {
            // the core's main DataSource (DataSources): its service properties say what it is, never a password
            ServiceReference<?>[] refs = context.getServiceReferences("javax.sql.DataSource", "(renkou.datasource=main)");
            if (refs != null && refs.length > 0) {
                n.database = refs[0].getProperty("renkou.db.dialect") + " " + refs[0].getProperty("renkou.db.location");
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        return n;
    }

    private static boolean isFragment(Bundle b) {
        BundleRevision r = b.adapt(BundleRevision.class);
        return r != null && (r.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private static String state(Bundle b) {
        switch (b.getState()) {
            case Bundle.ACTIVE: return "ACTIVE";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.INSTALLED: return "INSTALLED";
            default: return "UNINSTALLED";
        }
    }

    /** The body of {@code /api/health}; without a platform administrator's login only status and startedAt. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public static class HealthDTO {
        /** UP, STARTING, DEGRADED (a bundle is not active) or DOWN (an indicator failed). */
        public String status;
        public Instant startedAt;
        public Integer activeBundles = 0;
        public List<Check> checks = new ArrayList<>();
        public List<ModuleInfo> modules = new ArrayList<>();
        public List<BundleInfo> bundles = new ArrayList<>();
        public NodeInfo node;

        /** The node that answered: several nodes behind one proxy each answer for themselves. */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        public static class NodeInfo {
            /** Host name of the machine. */
            public String host;
            /** HTTP port this node listens on. */
            public String port;
            /** The database: dialect and where it is ({@code postgresql db1:5432/renkou}, {@code derby renkou}). */
            public String database;
            /** Whether this node runs the scheduled jobs. */
            public Boolean jobLeader;
        }

        /** One module (see /api/modules for the whole description). */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        public static class ModuleInfo {
            public String id;
            public String state;
            public String reasonZh;
            public String reasonEn;
        }

        /** One health indicator. */
        public static class Check {
            public String name;
            public String state;
            public String detail;
        }

        /** One bundle. */
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
        public static class BundleInfo {
            public long id;
            public String symbolicName;
            public String version;
            public String state;
            public Boolean fragment;
        }
    }
}
