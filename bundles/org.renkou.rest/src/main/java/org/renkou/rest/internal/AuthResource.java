package org.renkou.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.http.ClientAddressResolver;
import org.renkou.core.api.staff.AuthService;
import org.renkou.core.api.staff.StaffService;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;

/**
 * {@code /api/auth}: login (sets the session cookie, answers the CSRF token), logout, who am I, change password.
 * The cookie is HttpOnly and SameSite=Strict, and Secure when the request came over HTTPS (directly or through a
 * proxy that says {@code X-Forwarded-Proto: https}).
 */
@Component(service = AuthResource.class)
@RestResource
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
    private final AuthService auth;
    private final StaffService staff;
    private final SessionStore sessions;
    private final ClientAddressResolver addresses;

    /** Body of {@code POST /api/auth/login}. */
    public static class LoginRequest {
        public String username;
        public String password;
    }

    /** Body of {@code POST /api/auth/password}. */
    public static class PasswordChange {
        public String oldPassword;
        public String newPassword;
    }

    @Activate
    public AuthResource(@Reference AuthService auth, @Reference StaffService staff, @Reference SessionStore sessions,
            @Reference ClientAddressResolver addresses) {
        this.auth = auth;
        this.staff = staff;
        this.sessions = sessions;
        this.addresses = addresses;
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(LoginRequest in, @Context SecurityContext sc, @Context HttpServletRequest request,
            @HeaderParam("X-Forwarded-Proto") String forwardedProto) {
        if (in == null || in.username == null || in.username.isBlank()) {
            throw RenkouException.invalid("username", "请填写用户名。", "Enter your username.");
        }
        if (in.password == null || in.password.isEmpty()) {
            throw RenkouException.invalid("password", "请填写密码。", "Enter your password.");
        }
        // the client's address as the per-address throttle (SecurityFilter) sees it: X-Forwarded-For only from a
        // trusted proxy, since a client could name any address in it
        String address = request == null ? null : addresses.clientAddress(request.getRemoteAddr(),
                request.getHeaders(ClientAddressResolver.FORWARDED_FOR));
        AuthService.Login login = auth.login(in.username, in.password.toCharArray(), address);
        SessionStore.Session s = sessions.create(login.caller().username(), login.passwordChangeRequired());
        boolean secure = (sc != null && sc.isSecure()) || "https".equalsIgnoreCase(forwardedProto);
        return Response.ok(me(login.caller(), login.name(), s))
                .header(HttpHeaders.SET_COOKIE, cookie(s.id, secure, -1)).build();
    }

    @POST
    @Path("logout")
    public Response logout(@Context SecurityContext sc, @HeaderParam("X-Forwarded-Proto") String forwardedProto) {
        SessionStore.Session s = CallerFilter.session(sc);
        if (s != null) {
            sessions.remove(s.id);
        }
        boolean secure = sc.isSecure() || "https".equalsIgnoreCase(forwardedProto);
        return Response.noContent().header(HttpHeaders.SET_COOKIE, cookie("", secure, 0)).build();
    }

    /** Who is logged in, their roles and jurisdictions, whether the password must change, and the CSRF token. */
    @GET
    @Path("me")
    public Map<String, Object> me(@Context SecurityContext sc) {
        Caller caller = RestCaller.of(sc);
        String name = staff.find(caller, caller.username()).map(d -> d.name).orElse(caller.username());
        return me(caller, name, CallerFilter.session(sc));
    }

    @POST
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response changePassword(@Context SecurityContext sc, PasswordChange in) {
        Caller caller = RestCaller.of(sc);
        if (in == null || in.newPassword == null) {
            throw RenkouException.invalid("newPassword", "请填写新密码。", "Enter the new password.");
        }
        auth.changePassword(caller.username(), in.oldPassword == null ? null : in.oldPassword.toCharArray(),
                in.newPassword.toCharArray());
        SessionStore.Session s = CallerFilter.session(sc);
        if (s != null) {
            sessions.passwordChanged(s);
        }
        // a stolen session must not outlive the password it was opened with
        sessions.removeAllOf(caller.username(), s == null ? "" : s.id);
        return Response.noContent().build();
    }

    private static Map<String, Object> me(Caller caller, String name, SessionStore.Session s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", caller.username());
        m.put("name", name);
        m.put("roles", caller.roles());
        m.put("jurisdictionCodes", caller.jurisdictionCodes());
        m.put("passwordChangeRequired", s != null && s.passwordChangeRequired);
        m.put("csrfToken", s == null ? null : s.csrfToken);
        return m;
    }

    private static String cookie(String value, boolean secure, int maxAge) {
        return SessionStore.COOKIE + "=" + value + "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "")
                + (maxAge >= 0 ? "; Max-Age=" + maxAge : "");
    }
}
