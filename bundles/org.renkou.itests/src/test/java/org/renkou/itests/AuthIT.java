package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Login as a user meets it: the real launcher without header trust. The first administrator's password printed on
 * the console, the forced change, the session cookie's attributes, CSRF, lockout, logout, and 401 for everything
 * else.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthIT {
    private Path home;
    private Process process;
    private int port;
    private Http http;
    private Http admin;

    @BeforeAll
    void start() throws Exception {
        home = RenkouOptions.newHome("auth");
        port = RenkouOptions.freePort();
        http = new Http(port);
        process = RenkouProcess.launch(home, Integer.toString(port), Map.of());
        http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 60);
        String password = RenkouProcess.awaitAdminPassword(home, 30);

        Http first = http.login("admin", password);
        assertTrue(first.setCookie.contains("HttpOnly") && first.setCookie.contains("SameSite=Strict")
                && !first.setCookie.contains("Secure"), first.setCookie);
        Http.Response me = first.get("/api/auth/me");
        assertTrue(me.body().contains("\"passwordChangeRequired\":true"), me.body());
        Http.Response blocked = first.get("/api/residents");
        assertEquals(403, blocked.status(), "nothing but /api/auth before the forced change");
        assertTrue(blocked.body().contains("请先修改密码"), blocked.body());
        assertEquals(403, first.withoutCsrf().postJson("/api/auth/password",
                "{\"oldPassword\":\"" + password + "\",\"newPassword\":\"Renkou-2026\"}").status());
        assertEquals(400, first.postJson("/api/auth/password",
                "{\"oldPassword\":\"" + password + "\",\"newPassword\":\"short\"}").status());
        assertEquals(204, first.postJson("/api/auth/password",
                "{\"oldPassword\":\"" + password + "\",\"newPassword\":\"Renkou-2026\"}").status());
        assertEquals(200, first.get("/api/residents").status());
        admin = first;
    }

    @AfterAll
    void stop() throws Exception {
        RenkouProcess.stop(process);
    }

    @Test
    void withoutALoginTheApiAnswers401ButHealthAndUiAnswer() throws Exception {
        Http.Response r = http.get("/api/residents");
        assertEquals(401, r.status());
        assertTrue(r.contentType().startsWith("application/problem+json") && r.body().contains("请先登录"), r.body());
        assertEquals(401, http.as("admin").get("/api/staff").status(), "the header is not trusted in the distribution");
        assertEquals(200, http.get("/api/health").status());
        assertEquals(200, http.get("/ui/index.html").status());
        assertEquals(401, http.postJson("/api/auth/login", "{\"username\":\"admin\",\"password\":\"nope-1234\"}").status());
    }

    @Test
    void theLookupServletChecksTheCallerLikeTheRestOfTheApi() throws Exception {
        String path = "/api/residents/by-id-number/11010519491231002X";
        Http.Response anonymous = http.get(path);
        assertEquals(401, anonymous.status());
        assertTrue(anonymous.contentType().startsWith("application/problem+json")
                && anonymous.body().contains("请先登录"), anonymous.body());
        assertEquals(401, http.as("admin").get(path).status(), "the header is not trusted here either");
        Http.Response missing = admin.get(path);
        assertEquals(404, missing.status());
        assertTrue(missing.contentType().startsWith("application/problem+json")
                && missing.body().contains("\"field\":\"idNumber\""), missing.body());
        assertEquals(400, admin.get("/api/residents/by-id-number/" + "1".repeat(41)).status());
        assertEquals(405, admin.postJson(path, "{}").status());
    }

    @Test
    void healthShowsItsDetailOnlyToAPlatformAdministrator() throws Exception {
        Http.Response anonymous = http.get("/api/health");
        assertEquals(200, anonymous.status());
        assertTrue(anonymous.body().contains("\"status\":\"UP\"") && anonymous.body().contains("\"startedAt\""),
                anonymous.body());
        for (String detail : new String[] {"bundles", "symbolicName", "version", "checks", "modules", "activeBundles"}) {
            assertFalse(anonymous.body().contains(detail), "no " + detail + " without a login: " + anonymous.body());
        }
        Http.Response platform = admin.get("/api/health");
        assertTrue(platform.body().contains("\"symbolicName\":\"org.renkou.core\"")
                && platform.body().contains("\"name\":\"database\""), platform.body());

        assertEquals(201, admin.postJson("/api/staff", "{\"username\":\"healthadmin\",\"name\":\"社区管理员\","
                + "\"roles\":[\"ADMIN\"],\"jurisdictionCodes\":[\"440606901001\"],\"password\":\"Start-1234\"}").status());
        Http community = http.login("healthadmin", "Start-1234");
        assertEquals(204, community.postJson("/api/auth/password",
                "{\"oldPassword\":\"Start-1234\",\"newPassword\":\"Renkou-2026c\"}").status());
        Http.Response local = community.get("/api/health");
        assertEquals(200, local.status());
        assertFalse(local.body().contains("symbolicName") || local.body().contains("checks"),
                "a community administrator gets the overall state only: " + local.body());
    }

    @Test
    void stateChangingRequestsNeedTheCsrfToken() throws Exception {
        String street = "{\"code\":\"530102903\",\"name\":\"令牌街道\",\"level\":\"STREET\",\"parentCode\":\"530102\"}";
        Http.Response refused = admin.withoutCsrf().postJson("/api/jurisdictions", street);
        assertEquals(403, refused.status());
        assertTrue(refused.contentType().startsWith("application/problem+json") && refused.body().contains("CSRF"),
                refused.body());
        assertEquals(404, admin.get("/api/jurisdictions/530102903").status(), "nothing created");
        assertEquals(201, admin.postJson("/api/jurisdictions", street).status());
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForThatAddressOnly() throws Exception {
        assertEquals(201, admin.postJson("/api/staff", "{\"username\":\"locktest\",\"name\":\"锁定测试\","
                + "\"roles\":[\"FAMILY_SERVICES\"],\"jurisdictionCodes\":[\"440606901001\"],\"password\":\"Start-1234\"}").status());
        Http.Response unknown = http.postJson("/api/auth/login", "{\"username\":\"nosuchuser\",\"password\":\"wrong-123\"}");
        for (int i = 0; i < 4; i++) {
            assertEquals(401, http.postJson("/api/auth/login", "{\"username\":\"locktest\",\"password\":\"wrong-123\"}").status());
        }
        Http.Response locked = http.postJson("/api/auth/login", "{\"username\":\"locktest\",\"password\":\"wrong-123\"}");
        assertEquals(401, locked.status());
        assertEquals(unknown.body(), locked.body(), "a lock answers like an unknown user");
        Http.Response stillLocked = http.postJson("/api/auth/login",
                "{\"username\":\"locktest\",\"password\":\"Start-1234\"}");
        assertEquals(401, stillLocked.status(), "the right password is refused while locked, from this address");
        assertEquals(unknown.body(), stillLocked.body());
        // the user at another address (127.0.0.2: the whole of 127/8 is loopback) is not locked out by those failures
        assertEquals(200, loginFrom("127.0.0.2", "locktest", "Start-1234"),
                "failures from one address never lock the account for another");
        assertEquals(401, loginFrom("127.0.0.1", "locktest", "Start-1234"), "still locked for the failing address");
        // no trusted proxy (the default): a client naming another address in X-Forwarded-For is not believed
        assertEquals(401, Http.loginFrom(port, "127.0.0.1", "locktest", "Start-1234", "127.0.0.2"),
                "X-Forwarded-For is ignored without RENKOU_TRUSTED_PROXIES");
        String staff = admin.get("/api/staff/locktest").body();
        assertFalse(staff.contains("Start-1234") || staff.contains("password"), staff);
    }

    private int loginFrom(String localAddress, String user, String password) throws Exception {
        return Http.loginFrom(port, localAddress, user, password);
    }

    @Test
    void logoutEndsTheSessionAndThePasswordIsPrintedOnce() throws Exception {
        Http session = http.login("admin", "Renkou-2026");
        assertEquals(200, session.get("/api/auth/me").status());
        assertEquals(204, session.postJson("/api/auth/logout", "{}").status());
        assertEquals(401, session.get("/api/auth/me").status());
        assertThrows(AssertionError.class, () -> http.login("admin", "wrong-pass-1"));
        String console = RenkouProcess.console(home);
        assertEquals(console.indexOf("初始密码"), console.lastIndexOf("初始密码"), "printed once");
        assertNotEquals(-1, console.indexOf("初始密码"));
    }
}
