package org.renkou.rest.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.session.LoginSession;
import org.renkou.core.api.session.LoginSessions;
import org.renkou.rest.api.Sessions;

/**
 * Login sessions for the REST host: the cookie {@value #COOKIE} carries a random session id, the core keeps the
 * session in the database ({@link LoginSessions}, issue 18) so that every node behind a proxy knows it and a logout
 * or password change ends it on every node. A session ends on logout, after 30 idle minutes or 12 hours.
 */
@Component(service = {SessionStore.class, Sessions.class})
public class SessionStore implements Sessions {
    static final String COOKIE = "RENKOU_SESSION";

    private final LoginSessions store;

    /** One login: whose, its CSRF token, and whether the password must be changed first. */
    static final class Session {
        final String id;
        final String username;
        final String csrfToken;
        volatile boolean passwordChangeRequired;

        Session(LoginSession s) {
            this.id = s.id();
            this.username = s.username();
            this.csrfToken = s.csrfToken();
            this.passwordChangeRequired = s.passwordChangeRequired();
        }

        boolean csrfMatches(String token) {
            return token != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    token.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Activate
    public SessionStore(@Reference LoginSessions store) {
        this.store = store;
    }

    Session create(String username, boolean passwordChangeRequired) {
        return new Session(store.create(username, passwordChangeRequired));
    }

    /** The live session with this id, touched; empty if unknown or expired. */
    Optional<Session> find(String id) {
        return id == null ? Optional.empty() : store.find(id).map(Session::new);
    }

    void remove(String id) {
        if (id != null) {
            store.end(id);
        }
    }

    /** The password was changed in {@code s}: it may do more now, on every node. */
    void passwordChanged(Session s) {
        s.passwordChangeRequired = false;
        store.passwordChanged(s.id);
    }

    /** Ends every session of a user but {@code keep} (after a password change). */
    void removeAllOf(String username, String keep) {
        store.endAllOf(username, keep);
    }

    @Override
    public void endAll(String username) {
        store.endAllOf(username, null);
    }
}
