package org.renkou.rest.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The web UI's login sessions (会话), as far as a resource outside the host must end them: after an administrator
 * resets a staff member's password or deactivates the account, that member's open sessions end.
 */
@ProviderType
public interface Sessions {

    /** Ends every open session of {@code username}. */
    void endAll(String username);
}
