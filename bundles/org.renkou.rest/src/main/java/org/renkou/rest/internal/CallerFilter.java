package org.renkou.rest.internal;

import java.security.Principal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.module.api.rest.CallerPrincipal;

/**
 * Puts the {@link Caller} of a request to the JAX-RS application, as {@link Callers} decides it, into the request's
 * {@link SecurityContext}, where resources take it with {@link #caller(SecurityContext)}. {@code POST
 * /api/auth/login} has no caller yet; {@code /api/health} and the static UI are served outside this application.
 */
@Component(service = CallerFilter.class) // not a tracked contribution: JerseyWhiteboard builds it into every application
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter {
    private final Callers callers;

    @Activate
    public CallerFilter(@Reference Callers callers) {
        this.callers = callers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if ("auth/login".equals(path)) {
            return; // no caller yet; AuthResource checks the password
        }
        Cookie cookie = request.getCookies().get(SessionStore.COOKIE);
        Callers.Resolved r = callers.resolve(request.getMethod(), path, cookie == null ? null : cookie.getValue(),
                request::getHeaderString);
        request.setSecurityContext(new CallerContext(r.caller(), r.session(), request.getSecurityContext()));
    }

    /** The caller of the current request (set by this filter). */
    static Caller caller(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof RequestPrincipal p) {
            return p.caller;
        }
        throw Callers.unauthenticated();
    }

    /** The session of the current request, or null (header trust). */
    static SessionStore.Session session(SecurityContext security) {
        return security != null && security.getUserPrincipal() instanceof RequestPrincipal p ? p.session : null;
    }

    /**
     * The module API's {@link CallerPrincipal}: a module's resource takes the caller decided here through
     * {@code RestCaller.of} instead of looking the staff member up a second time per request.
     */
    private static final class RequestPrincipal implements CallerPrincipal {
        final Caller caller;
        final SessionStore.Session session;

        RequestPrincipal(Caller caller, SessionStore.Session session) {
            this.caller = caller;
            this.session = session;
        }

        @Override
        public String getName() {
            return caller.username();
        }

        @Override
        public Caller caller() {
            return caller;
        }
    }

    private static final class CallerContext implements SecurityContext {
        private final RequestPrincipal principal;
        private final boolean secure;

        CallerContext(Caller caller, SessionStore.Session session, SecurityContext original) {
            this.principal = new RequestPrincipal(caller, session);
            this.secure = original != null && original.isSecure();
        }

        @Override
        public Principal getUserPrincipal() {
            return principal;
        }

        @Override
        public boolean isUserInRole(String role) {
            return principal.caller.roles().stream().anyMatch(r -> r.name().equals(role));
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return "RENKOU";
        }
    }
}
