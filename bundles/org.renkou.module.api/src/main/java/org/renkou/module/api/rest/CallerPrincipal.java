package org.renkou.module.api.rest;

import java.security.Principal;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;

/**
 * The principal Renkou's authentication filter puts into every request's {@code SecurityContext}: the staff member
 * it decided on, once per request. Modules read it through {@link RestCaller#of}, not by casting.
 */
@ProviderType
public interface CallerPrincipal extends Principal {

    /** The caller this request acts as. */
    Caller caller();
}
