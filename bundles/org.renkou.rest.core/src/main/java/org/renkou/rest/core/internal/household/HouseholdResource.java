package org.renkou.rest.core.internal.household;

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
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;
import org.renkou.core.api.household.HouseholdDTO;
import org.renkou.core.api.household.HouseholdService;

/** {@code /api/households}: households (户) and their members. */
@Component(service = HouseholdResource.class)
@RestResource
@Path("households")
@Produces(MediaType.APPLICATION_JSON)
public class HouseholdResource {
    private final HouseholdService households;

    @Activate
    public HouseholdResource(@Reference HouseholdService households) {
        this.households = households;
    }

    @GET
    public Page<HouseholdDTO> search(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
            @QueryParam("number") String number, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return households.search(RestCaller.of(sc), jurisdiction, number, offset, limit);
    }

    @GET
    @Path("{id:[0-9]+}")
    public HouseholdDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return households.find(RestCaller.of(sc), id).orElseThrow(() -> RenkouException.notFound("id",
                "户 " + id + " 不存在或不在您的辖区内。", "Household " + id + " does not exist or lies outside your jurisdiction."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext sc, HouseholdDTO in) {
        HouseholdDTO created = households.create(RestCaller.of(sc), in);
        return Response.created(URI.create("households/" + created.id)).entity(created).build();
    }

    @PUT
    @Path("{id:[0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public HouseholdDTO update(@Context SecurityContext sc, @PathParam("id") long id, HouseholdDTO in) {
        return households.update(RestCaller.of(sc), id, in);
    }
}
