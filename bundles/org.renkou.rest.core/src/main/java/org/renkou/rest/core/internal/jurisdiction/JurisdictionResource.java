package org.renkou.rest.core.internal.jurisdiction;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.RenkouException;
import org.renkou.module.api.rest.RestResource;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.api.jurisdiction.JurisdictionService;

/**
 * {@code /api/jurisdictions}: the jurisdiction tree (行政区划). {@code GET} lists the children of {@code ?parent=}
 * (the provinces without it), {@code GET /{code}} reads one, {@code POST} adds one.
 */
@Component(service = JurisdictionResource.class)
@RestResource
@Path("jurisdictions")
@Produces(MediaType.APPLICATION_JSON)
public class JurisdictionResource {
    private final JurisdictionService jurisdictions;

    @Activate
    public JurisdictionResource(@Reference JurisdictionService jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    @GET
    public List<JurisdictionDTO> children(@QueryParam("parent") String parent) {
        if (parent != null && !parent.isBlank() && jurisdictions.find(parent.strip()).isEmpty()) {
            throw RenkouException.notFound("parent", "区划 " + parent + " 不存在。", "Jurisdiction " + parent + " does not exist.");
        }
        return jurisdictions.children(parent == null || parent.isBlank() ? null : parent.strip());
    }

    @GET
    @Path("{code}")
    public JurisdictionDTO get(@PathParam("code") String code) {
        return jurisdictions.find(code).orElseThrow(() -> RenkouException.notFound("code",
                "区划 " + code + " 不存在。", "Jurisdiction " + code + " does not exist."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(JurisdictionDTO in) {
        JurisdictionDTO created = jurisdictions.create(in);
        return Response.created(URI.create("jurisdictions/" + created.code)).entity(created).build();
    }
}
