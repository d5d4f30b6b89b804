package org.renkou.core.api.session;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The login sessions of all nodes sharing a database (登录会话). A session ends on logout, after the idle time or
 * the maximum age, and when its user's password changes; the end is in force on every node at once because every
 * node reads the same rows.
 */
@ProviderType
public interface LoginSessions {
    /** A new session with a random id and CSRF token. */
    LoginSession create(String username, boolean passwordChangeRequired);

    /** The live session with this id, its last use recorded; empty if unknown, ended or expired. */
    Optional<LoginSession> find(String id);

    /** Ends one session (logout). */
    void end(String id);

    /** Ends every session of {@code username} but {@code keepId} (null: all of them). */
    void endAllOf(String username, String keepId);

    /** The password was changed in session {@code id}: it may now do more than change the password. */
    void passwordChanged(String id);
}
