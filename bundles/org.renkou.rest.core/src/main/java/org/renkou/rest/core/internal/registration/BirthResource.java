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
import org.renkou.core.api.registration.BirthDTO;
import org.renkou.core.api.registration.BirthService;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;

/** {@code /api/births}: birth registrations (生育登记): search (by parent or child; paged), read, register, update. */
@Component(service = BirthResource.class)
@RestResource
@Path("births")
@Produces(MediaType.APPLICATION_JSON)
public class BirthResource {
    private final BirthService births;

    @Activate
    public BirthResource(@Reference BirthService births) {
        this.births = births;
    }

    @GET
    public Page<BirthDTO> search(@Context SecurityContext sc, @QueryParam("resident") Long resident,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return births.search(RestCaller.of(sc), resident, offset, limit);
    }

    @GET
    @Path("{id:[0-9]+}")
    public BirthDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return births.find(RestCaller.of(sc), id).orElseThrow(() -> RenkouException.notFound("id",
                "生育登记 " + id + " 不存在或不在您的辖区内。", "Birth registration " + id + " does not exist or lies outside your jurisdiction."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@Context SecurityContext sc, BirthDTO in) {
        BirthDTO created = births.register(RestCaller.of(sc), in);
        return Response.created(URI.create("births/" + created.id)).entity(created).build();
    }

    @PUT
    @Path("{id:[0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public BirthDTO update(@Context SecurityContext sc, @PathParam("id") long id, BirthDTO in) {
        return births.update(RestCaller.of(sc), id, in);
    }
}
