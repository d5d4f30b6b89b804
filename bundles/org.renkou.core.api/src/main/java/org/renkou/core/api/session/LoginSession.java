package org.renkou.core.api.session;

import java.time.Instant;

/**
 * One live login: its id (the cookie's value; only its hash is stored), whose it is, the CSRF token the client
 * sends on writes, and whether the password must be changed before anything else.
 */
public record LoginSession(String id, String username, String csrfToken, boolean passwordChangeRequired,
        Instant created, Instant lastSeen) {
}
