package org.renkou.rest.internal;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.glassfish.jersey.server.ExtendedResourceContext;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3.0 description (接口说明) of the REST API as it is now, built from the
 * resources of the current JAX-RS application ({@link JerseyWhiteboard} rebuilds it when modules come and go). Like
 * every other request it needs a logged-in caller.
 */
@Component(service = OpenApiResource.class)
@RestResource
@Path("openapi.json")
@Produces(MediaType.APPLICATION_JSON)
public class OpenApiResource {
    private final String version;

    @Activate
    public OpenApiResource(BundleContext context) {
        this.version = context.getBundle().getVersion().toString();
    }

    @GET
    public Map<String, Object> document(@Context SecurityContext sc, @Context ExtendedResourceContext resources) {
        RestCaller.of(sc); // any logged-in staff member
        return OpenApiDocument.of(resources.getResourceModel().getRootResources(), version);
    }
}
