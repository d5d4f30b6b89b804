package org.renkou.rest.core.internal.registration;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.registration.MarriageDTO;
import org.renkou.core.api.registration.MarriageService;
import org.renkou.core.api.registration.MarriageStatus;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;

/**
 * {@code /api/marriages}: marriage registrations (婚姻登记): search (by spouse, status; paged), read, register,
 * correct (with the version read), and {@code POST /{id}/end} for a divorce or annulment.
 */
@Component(service = MarriageResource.class)
@RestResource
@Path("marriages")
@Produces(MediaType.APPLICATION_JSON)
public class MarriageResource {
    private final MarriageService marriages;

    @Activate
    public MarriageResource(@Reference MarriageService marriages) {
        this.marriages = marriages;
    }

    @GET
    public Page<MarriageDTO> search(@Context SecurityContext sc, @QueryParam("resident") Long resident,
            @QueryParam("status") MarriageStatus status, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return marriages.search(RestCaller.of(sc), resident, status, offset, limit);
    }

    @GET
    @Path("{id:[0-9]+}")
    public MarriageDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return marriages.find(RestCaller.of(sc), id).orElseThrow(() -> RenkouException.notFound("id",
                "婚姻登记 " + id + " 不存在或不在您的辖区内。", "Marriage " + id + " does not exist or lies outside your jurisdiction."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@Context SecurityContext sc, MarriageDTO in) {
        MarriageDTO created = marriages.register(RestCaller.of(sc), in);
        return Response.created(URI.create("marriages/" + created.id)).entity(created).build();
    }

    @PUT
    @Path("{id:[0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MarriageDTO update(@Context SecurityContext sc, @PathParam("id") long id, MarriageDTO in) {
        return marriages.update(RestCaller.of(sc), id, in);
    }

    /** Body {@code {"status":"DIVORCED","endedOn":"2024-03-01","endReason":"协议离婚","version":1}}. */
    @POST
    @Path("{id:[0-9]+}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public MarriageDTO end(@Context SecurityContext sc, @PathParam("id") long id, MarriageDTO in) {
        return marriages.end(RestCaller.of(sc), id, in);
    }
}
