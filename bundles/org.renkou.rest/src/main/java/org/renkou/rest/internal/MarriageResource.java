package org.renkou.rest.internal;

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
import org.renkou.core.api.MarriageDTO;
import org.renkou.core.api.MarriageService;
import org.renkou.core.api.MarriageStatus;

/**
 * {@code /api/marriages}: marriage registrations (婚姻登记): search (by spouse, status; paged), read, register,
 * correct (with the version read), and {@code POST /{id}/end} for a divorce or annulment.
 */
@Component(service = MarriageResource.class, property = JerseyWhiteboard.RESOURCE + "=true")
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
        return marriages.search(CallerFilter.caller(sc), resident, status, offset, limit);
    }

    @GET
    @Path("{id:[0-9]+}")
    public MarriageDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return marriages.find(CallerFilter.caller(sc), id).orElseThrow(() -> RenkouException.notFound("id",
                "婚姻登记 " + id + " 不存在或不在您的辖区内。", "Marriage " + id + " does not exist or lies outside your jurisdiction."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@Context SecurityContext sc, MarriageDTO in) {
        MarriageDTO created = marriages.register(CallerFilter.caller(sc), in);
        return Response.created(URI.create("marriages/" + created.id)).entity(created).build();
    }

    @PUT
    @Path("{id:[0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MarriageDTO update(@Context SecurityContext sc, @PathParam("id") long id, MarriageDTO in) {
        return marriages.update(CallerFilter.caller(sc), id, in);
    }

    /** Body {@code {"status":"DIVORCED","endedOn":"2024-03-01","endReason":"协议离婚","version":1}}. */
    @POST
    @Path("{id:[0-9]+}/end")
    @Consumes(MediaType.APPLICATION_JSON)
    public MarriageDTO end(@Context SecurityContext sc, @PathParam("id") long id, MarriageDTO in) {
        return marriages.end(CallerFilter.caller(sc), id, in);
    }
}
