package org.renkou.rest.api;

import jakarta.servlet.http.HttpServletRequest;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;

/**
 * The caller of a request to a plain servlet under {@code /api} beside the JAX-RS application (a hot read path that
 * skips Jersey's per-request machinery), decided exactly as for the application's resources: session cookie and CSRF
 * token, or the trusted header in tests. Resources of the JAX-RS application use
 * {@link org.renkou.module.api.rest.RestCaller#of} instead.
 */
@ProviderType
public interface ServletCallers {

    /**
     * @param request the servlet request
     * @param path    its path below {@code /api/}, without a leading slash
     * @throws RenkouException 401 (no or an expired session) or 403 (no CSRF token, password to be changed)
     */
    Caller caller(HttpServletRequest request, String path);
}
