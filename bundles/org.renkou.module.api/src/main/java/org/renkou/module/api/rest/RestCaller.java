package org.renkou.module.api.rest;

import jakarta.ws.rs.core.SecurityContext;

import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;

/**
 * The {@link Caller} of a request to Renkou's JAX-RS application, as its authentication filter decided it (session
 * or, in tests, a trusted header). A resource takes it at the start of every method:
 *
 * <pre>
 * &#64;GET
 * public List&lt;StoreDTO&gt; stores(&#64;Context SecurityContext sc) {
 *     return stock.stores(RestCaller.of(sc));
 * }
 * </pre>
 */
public final class RestCaller {

    private RestCaller() {
    }

    /**
     * @throws RenkouException {@code UNAUTHENTICATED} (401) when the request has no caller (no session, or a path
     *                         the filter lets through without one)
     */
    public static Caller of(SecurityContext security) {
        if (security != null && security.getUserPrincipal() instanceof CallerPrincipal p) {
            return p.caller();
        }
        throw new RenkouException(RenkouException.Kind.UNAUTHENTICATED, null, "请先登录。", "Please log in.");
    }
}
