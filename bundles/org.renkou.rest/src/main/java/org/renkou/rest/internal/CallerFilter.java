package org.renkou.rest.internal;

import java.security.Principal;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.StaffService;

/**
 * Decides who the {@link Caller} of a request is and puts it in the request's {@link SecurityContext}, where
 * resources take it with {@link #caller(SecurityContext)}.
 *
 * <p>Until login exists (the web/auth issue), a request names its staff member in the {@value #USER_HEADER}
 * header, and one without it acts as the built-in system administrator — which is why Renkou listens on
 * 127.0.0.1 only by default. The login issue replaces the header with a session and removes the anonymous
 * administrator; the services below already enforce roles and jurisdictions for whatever caller arrives.
 */
@Component(service = ContainerRequestFilter.class, property = JerseyWhiteboard.EXTENSION + "=true")
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter {
    static final String USER_HEADER = "X-Renkou-User";

    private final StaffService staff;

    @Context
    HttpHeaders headers;

    @Activate
    public CallerFilter(@Reference StaffService staff) {
        this.staff = staff;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String user = request.getHeaderString(USER_HEADER);
        Caller caller = user == null ? Caller.SYSTEM : staff.callerFor(user.strip()).orElseThrow(
                () -> new RenkouException(RenkouException.Kind.UNAUTHENTICATED, null,
                        "未知或已停用的用户 " + user + "。", "Unknown or inactive user " + user + "."));
        request.setSecurityContext(new CallerContext(caller));
    }

    /** The caller of the current request (set by this filter). */
    static Caller caller(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof CallerPrincipal p) {
            return p.caller;
        }
        throw new IllegalStateException("no caller: CallerFilter did not run");
    }

    private static final class CallerPrincipal implements Principal {
        final Caller caller;

        CallerPrincipal(Caller caller) {
            this.caller = caller;
        }

        @Override
        public String getName() {
            return caller.username();
        }
    }

    private static final class CallerContext implements SecurityContext {
        private final CallerPrincipal principal;

        CallerContext(Caller caller) {
            this.principal = new CallerPrincipal(caller);
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
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return "RENKOU";
        }
    }
}
