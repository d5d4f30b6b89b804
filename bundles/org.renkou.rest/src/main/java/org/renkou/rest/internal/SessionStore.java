package org.renkou.rest.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/**
 * Login sessions in memory: a random session id (the cookie {@value #COOKIE}) → who and the CSRF token. A session
 * ends on logout, after {@value #IDLE_MINUTES} idle minutes or {@value #MAX_HOURS} hours; a restart ends them all
 * (staff log in again). Kept in memory on purpose: one office node, and nothing secret survives a restart.
 */
@Component(service = SessionStore.class)
public class SessionStore {
    static final String COOKIE = "RENKOU_SESSION";
    static final long IDLE_MINUTES = 30;
    static final long MAX_HOURS = 12;
    private static final int MAX_SESSIONS = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One login: whose, its CSRF token, and whether the password must be changed first. */
    static final class Session {
        final String id;
        final String username;
        final String csrfToken;
        final Instant created;
        volatile Instant lastSeen;
        volatile boolean passwordChangeRequired;

        Session(String id, String username, String csrfToken, boolean passwordChangeRequired) {
            this.id = id;
            this.username = username;
            this.csrfToken = csrfToken;
            this.created = Instant.now();
            this.lastSeen = created;
            this.passwordChangeRequired = passwordChangeRequired;
        }

        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    Session create(String username, boolean passwordChangeRequired) {
        if (sessions.size() >= MAX_SESSIONS) {
            purgeExpired();
        }
        Session s = new Session(randomToken(), username, randomToken(), passwordChangeRequired);
        sessions.put(s.id, s);
        return s;
    }

    /** The live session with this id, touched; empty if unknown or expired. */
    Optional<Session> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Session s = sessions.get(id);
        if (s == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        if (expired(s, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        s.lastSeen = now;
        return Optional.of(s);
    }

    void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session of a user but {@code keep} (after a password change). */
    void removeAllOf(String username, String keep) {
        sessions.values().removeIf(s -> s.username.equals(username) && !s.id.equals(keep));
    }

    private void purgeExpired() {
        Instant now = Instant.now();
        sessions.values().removeIf(s -> expired(s, now));
    }

    private static boolean expired(Session s, Instant now) {
        return s.lastSeen.plus(Duration.ofMinutes(IDLE_MINUTES)).isBefore(now)
                || s.created.plus(Duration.ofHours(MAX_HOURS)).isBefore(now);
    }

    private static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
