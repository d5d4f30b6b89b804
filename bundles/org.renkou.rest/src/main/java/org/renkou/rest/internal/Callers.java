package org.renkou.rest.internal;

import java.util.Set;
import java.util.function.UnaryOperator;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.staff.StaffService;
import org.renkou.rest.api.ServletCallers;

/**
 * Decides who the {@link Caller} of an API request is — for the JAX-RS application ({@link CallerFilter}) and for
 * the plain servlets of hot read paths ({@link ServletCallers}) alike, so both check the same way.
 *
 * <ul>
 * <li>A request with a live session cookie ({@link SessionStore}) acts as that staff member, looked up again on
 * every request so that a deactivated account or a changed role counts at once. A state-changing request (anything
 * but GET, HEAD, OPTIONS) must carry the session's token in {@value #CSRF_HEADER} (403 otherwise). While the
 * password must be changed, only {@code /api/auth/*} answers (403 otherwise).</li>
 * <li>Only when the framework property {@value #TRUST_HEADER_PROPERTY} is {@code true} (the integration tests and
 * benchmarks, never the distribution): a request names its staff member in {@value #USER_HEADER}, and one without
 * it acts as the built-in system administrator. A browser cannot set that header cross-site, so it needs no CSRF
 * token.</li>
 * <li>Otherwise 401 (problem+json).</li>
 * </ul>
 */
@Component(service = {Callers.class, ServletCallers.class})
public class Callers implements ServletCallers {
    static final String USER_HEADER = "X-Renkou-User";
    static final String CSRF_HEADER = "X-CSRF-Token";
    static final String TRUST_HEADER_PROPERTY = "renkou.auth.trustHeader";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final StaffService staff;
    private final SessionStore sessions;
    private final boolean trustHeader;

    /** The caller and, when logged in through the UI, the session. */
    record Resolved(Caller caller, SessionStore.Session session) {
    }

    @Activate
    public Callers(@Reference StaffService staff, @Reference SessionStore sessions, BundleContext context) {
        this.staff = staff;
        this.sessions = sessions;
        this.trustHeader = "true".equalsIgnoreCase(context.getProperty(TRUST_HEADER_PROPERTY));
    }

    /**
     * @param method    the HTTP method
     * @param path      the path below {@code /api/}, without a leading slash
     * @param sessionId the session cookie's value, or null
     * @param headers   a request header by name, or null
     * @throws RenkouException 401 or 403
     */
    Resolved resolve(String method, String path, String sessionId, UnaryOperator<String> headers) {
        SessionStore.Session session = sessionId == null ? null : sessions.find(sessionId).orElse(null);
        if (session != null) {
            Caller caller = staff.callerFor(session.username).orElseThrow(() -> {
                sessions.remove(session.id);
                return unauthenticated();
            });
            if (!SAFE_METHODS.contains(method) && !session.csrfMatches(headers.apply(CSRF_HEADER))) {
                throw RenkouException.forbidden("请求缺少有效的 CSRF 令牌（" + CSRF_HEADER + "），请刷新页面后重试。",
                        "The request lacks a valid CSRF token (" + CSRF_HEADER + "); reload the page and retry.");
            }
            if (session.passwordChangeRequired && !path.startsWith("auth/")) {
                throw new RenkouException(RenkouException.Kind.FORBIDDEN, "password",
                        "请先修改密码（首次登录或密码已超过 6 个月）。",
                        "Change your password first (first login, or older than 6 months).");
            }
            return new Resolved(caller, session);
        }
        if (trustHeader) {
            String user = headers.apply(USER_HEADER);
            Caller caller = user == null ? Caller.SYSTEM : staff.callerFor(user.strip()).orElseThrow(
                    () -> new RenkouException(RenkouException.Kind.UNAUTHENTICATED, null,
                            "未知或已停用的用户 " + user + "。", "Unknown or inactive user " + user + "."));
            return new Resolved(caller, null);
        }
        throw unauthenticated();
    }

    @Override
    public Caller caller(HttpServletRequest request, String path) {
        return resolve(request.getMethod(), path, sessionId(request), request::getHeader).caller();
    }

    /**
     * The caller of a request that also answers without a login ({@code /api/health}), or null when there is none
     * (no session, an expired one, a password to be changed): cheap for the anonymous polls of a monitor.
     */
    Caller known(HttpServletRequest request, String path) {
        String sessionId = sessionId(request);
        if (sessionId == null && !trustHeader) {
            return null;
        }
        try {
            return resolve(request.getMethod(), path, sessionId, request::getHeader).caller();
        } catch (RenkouException e) {
            return null;
        }
    }

    private static String sessionId(HttpServletRequest request) {
        String sessionId = null;
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (SessionStore.COOKIE.equals(c.getName())) {
                    sessionId = c.getValue();
                    break;
                }
            }
        }
        return sessionId;
    }

    static RenkouException unauthenticated() {
        return new RenkouException(RenkouException.Kind.UNAUTHENTICATED, null, "请先登录。", "Please log in.");
    }
}
