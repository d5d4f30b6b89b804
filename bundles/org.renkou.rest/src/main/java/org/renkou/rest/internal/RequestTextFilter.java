package org.renkou.rest.internal;

import java.util.List;
import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MultivaluedMap;

import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;

/**
 * Refuses a query or path parameter holding a character no person types ({@link Input#unsafeCharacterAt}: NUL and
 * the other C0 controls, DEL, a lone surrogate) with a 400 naming the parameter, before any resource runs. One check
 * for every operation, so no parameter reaches a database that refuses it: PostgreSQL answers NUL in text with
 * SQLSTATE 22021, which was a 500 ({@code GET /api/jurisdictions?parent=%00}, FuzzIT). Query parameters may carry
 * tab and line breaks (a reason is free text); path parameters, which are ids and codes, may not. JSON bodies are
 * checked by the mapper ({@link org.renkou.rest.api.Json}). After the caller is known, so that an anonymous request
 * still gets its 401.
 */
@Priority(Priorities.USER)
final class RequestTextFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters(), false);
        MultivaluedMap<String, String> query;
        try {
            query = request.getUriInfo().getQueryParameters();
        } catch (IllegalArgumentException e) {
            // a malformed escape ("%zz"): Jersey's parameter injection would fail on it too, later
            throw RenkouException.invalid(null, "地址中的查询参数编码不正确。",
                    "The query string is not properly encoded.");
        }
        check(query, true);
    }

    private static void check(MultivaluedMap<String, String> parameters, boolean lineBreaks) {
        for (Map.Entry<String, List<String>> p : parameters.entrySet()) {
            for (String value : p.getValue()) {
                Input.safe(value, p.getKey(), lineBreaks);
            }
        }
    }
}
