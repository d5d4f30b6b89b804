package org.renkou.rest.internal;

import java.security.Principal;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.framework.BundleContext;
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
 * <ul>
 * <li>A request with a live session cookie ({@link SessionStore}) acts as that staff member, looked up again on
 * every request so that a deactivated account or a changed role counts at once. A state-changing request (anything
 * but GET, HEAD, OPTIONS) must carry the session's token in {@value #CSRF_HEADER} (403 otherwise). While the
 * password must be changed, only {@code /api/auth/*} answers (403 otherwise).</li>
 * <li>Only when the framework property {@value #TRUST_HEADER_PROPERTY} is {@code true} (the integration tests,
 * never the distribution): a request names its staff member in {@value #USER_HEADER}, and one without it acts as
 * the built-in system administrator. A browser cannot set that header cross-site, so it needs no CSRF token.</li>
 * <li>Otherwise 401 (problem+json), except {@code POST /api/auth/login}. {@code /api/health} and the static UI are
 * served outside this application.</li>
 * </ul>
 */
@Component(service = ContainerRequestFilter.class, property = JerseyWhiteboard.EXTENSION + "=true")
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter {
    static final String USER_HEADER = "X-Renkou-User";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String TRUST_HEADER_PROPERTY = "renkou.auth.trustHeader";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final StaffService staff;
    private final SessionStore sessions;
    private final boolean trustHeader;

    @Activate
    public CallerFilter(@Reference StaffService staff, @Reference SessionStore sessions, BundleContext context) {
        this.staff = staff;
        this.sessions = sessions;
        this.trustHeader = "true".equalsIgnoreCase(context.getProperty(TRUST_HEADER_PROPERTY));
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if ("auth/login".equals(path)) {
            return; // no caller yet; AuthResource checks the password
        }
        Cookie cookie = request.getCookies().get(SessionStore.COOKIE);
        SessionStore.Session session = cookie == null ? null : sessions.find(cookie.getValue()).orElse(null);
        Caller caller;
        if (session != null) {
            caller = staff.callerFor(session.username).orElseThrow(() -> {
                sessions.remove(session.id);
                return unauthenticated();
            });
            if (!SAFE_METHODS.contains(request.getMethod()) && !session.csrfMatches(request.getHeaderString(CSRF_HEADER))) {
                throw RenkouException.forbidden("请求缺少有效的 CSRF 令牌（" + CSRF_HEADER + "），请刷新页面后重试。",
                        "The request lacks a valid CSRF token (" + CSRF_HEADER + "); reload the page and retry.");
            }
            if (session.passwordChangeRequired && !path.startsWith("auth/")) {
                throw new RenkouException(RenkouException.Kind.FORBIDDEN, "password",
                        "请先修改密码（首次登录或密码已超过 6 个月）。",
                        "Change your password first (first login, or older than 6 months).");
            }
        } else if (trustHeader) {
            String user = request.getHeaderString(USER_HEADER);
            caller = user == null ? Caller.SYSTEM : staff.callerFor(user.strip()).orElseThrow(
                    () -> new RenkouException(RenkouException.Kind.UNAUTHENTICATED, null,
                            "未知或已停用的用户 " + user + "。", "Unknown or inactive user " + user + "."));
        } else {
            throw unauthenticated();
        }
        request.setSecurityContext(new CallerContext(caller, session, request.getSecurityContext()));
    }

    private static RenkouException unauthenticated() {
        return new RenkouException(RenkouException.Kind.UNAUTHENTICATED, null, "请先登录。", "Please log in.");
    }

    /** The caller of the current request (set by this filter). */
    static Caller caller(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof CallerPrincipal p) {
            return p.caller;
        }
        throw unauthenticated();
    }

    /** The session of the current request, or null (header trust). */
    static SessionStore.Session session(SecurityContext security) {
        return security != null && security.getUserPrincipal() instanceof CallerPrincipal p ? p.session : null;
    }

    /**
     * Also a {@code Supplier<Caller>} (a JDK type, so no API change): a module's resource, which cannot see this
     * class, takes the caller decided here instead of looking the staff member up a second time per request.
     */
    private static final class CallerPrincipal implements Principal, Supplier<Caller> {
        final Caller caller;
        final SessionStore.Session session;

        CallerPrincipal(Caller caller, SessionStore.Session session) {
            this.caller = caller;
            this.session = session;
        }

        @Override
        public String getName() {
            return caller.username();
        }

        @Override
        public Caller get() {
            return caller;
        }
    }

    private static final class CallerContext implements SecurityContext {
        private final CallerPrincipal principal;
        private final boolean secure;

        CallerContext(Caller caller, SessionStore.Session session, SecurityContext original) {
            this.principal = new CallerPrincipal(caller, session);
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
