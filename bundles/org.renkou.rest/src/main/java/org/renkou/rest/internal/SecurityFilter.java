package org.renkou.rest.internal;

import java.io.EOFException;
import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.core.api.http.ClientAddressResolver;
import org.renkou.core.api.staff.AuthService;
import org.renkou.rest.api.Problem;
import org.renkou.rest.api.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * In front of everything the platform serves (UI, API, health): the security headers (CSP, framing, sniffing,
 * referrer; {@code Cache-Control: no-store} on the API, whose JSON is personal data), TRACE refused, and login
 * attempts throttled per client address so that one address cannot try passwords at will (or lock accounts): the
 * core counts the failures in the database ({@link AuthService#loginWaitSeconds}), so every node throttles alike.
 * The address is the client's behind trusted proxies ({@link ClientAddressResolver}), not the proxy's. A client
 * that leaves while it is answered (a proxy's health check, a closed tab) is no server error: without this filter
 * catching it, each such request would put an ERROR with Jetty's stack into the log, as many as a client cares to
 * reset connections.
 */
@Component(service = Filter.class, property = {
    "osgi.http.whiteboard.filter.pattern=/*",
    "osgi.http.whiteboard.filter.name=renkou-security"
})
public class SecurityFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(SecurityFilter.class);
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; connect-src 'self' blob:; object-src 'self' blob:; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";
    /** Optional: the headers do not wait for the core; without it the login itself answers 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuthService auth;
    /** Optional like {@link #auth}; without it (no core) the connection's address, which trusts no header. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ClientAddressResolver addresses;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("X-Frame-Options", "SAMEORIGIN");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Content-Security-Policy", CSP);
        String path = req.getRequestURI();
        if (path != null && path.startsWith("/api/")) {
            resp.setHeader("Cache-Control", "no-store");
        }
        String method = req.getMethod();
        if ("TRACE".equalsIgnoreCase(method) || "TRACK".equalsIgnoreCase(method)) {
            resp.setHeader("Allow", "GET, POST, PUT, DELETE, HEAD, OPTIONS");
            Problems.write(resp, Problem.of(405, Problems.title(405, Problems.english(req)),
                    Problems.english(req) ? "TRACE is not supported." : "不支持 TRACE 请求。", null));
            return;
        }
        if (!"POST".equalsIgnoreCase(method) || !"/api/auth/login".equals(path)) {
            pass(chain, req, resp);
            return;
        }
        ClientAddressResolver r = addresses;
        long wait = waitSeconds(r == null ? req.getRemoteAddr()
                : r.clientAddress(req.getRemoteAddr(), req.getHeaders(ClientAddressResolver.FORWARDED_FOR)));
        if (wait > 0) {
            resp.setHeader("Retry-After", Long.toString(wait));
            boolean en = Problems.english(req);
            Problems.write(resp, Problem.of(429, en ? "Too many attempts" : "尝试次数过多", en
                    ? "Too many failed logins from this address; try again later."
                    : "该地址登录失败次数过多，请稍后再试。", null));
            return;
        }
        pass(chain, req, resp);
    }

    private static void pass(FilterChain chain, HttpServletRequest req, HttpServletResponse resp)
            throws IOException, ServletException {
        try {
            chain.doFilter(req, resp);
        } catch (EOFException e) { // Jetty's EofException: the connection was closed or reset by the client
            // not the path: it may hold an ID number, which the log must not
            LOG.debug("A client left before its {} request was answered: {}", req.getMethod(), e.toString());
        }
    }

    private long waitSeconds(String address) {
        AuthService a = auth;
        try {
            return a == null ? 0 : a.loginWaitSeconds(address);
        } catch (RuntimeException e) {
            return 0; // the database is not ready: the login itself answers so (503)
        }
    }
}
