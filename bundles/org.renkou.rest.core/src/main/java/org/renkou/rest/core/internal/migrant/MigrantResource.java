package org.renkou.rest.core.internal.migrant;

import java.net.URI;
import java.util.List;

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
import org.renkou.core.api.migrant.DepartureDTO;
import org.renkou.core.api.migrant.HandoverDTO;
import org.renkou.core.api.migrant.MigrantDTO;
import org.renkou.core.api.migrant.MigrantNoteDTO;
import org.renkou.core.api.migrant.MigrantQuery;
import org.renkou.core.api.migrant.MigrantService;
import org.renkou.core.api.migrant.MigrantStatus;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;

/**
 * {@code /api/migrants}: migrant registration (流动人口登记) — search (paged, filtered; ID numbers masked), read,
 * register, change the stay data (with the version read), departure, handovers and notes. Who may do what is
 * decided by {@link MigrantService} (see the rights matrix in the README).
 */
@Component(service = MigrantResource.class)
@RestResource
@Path("migrants")
@Produces(MediaType.APPLICATION_JSON)
public class MigrantResource {
    private final MigrantService migrants;

    @Activate
    public MigrantResource(@Reference MigrantService migrants) {
        this.migrants = migrants;
    }

    @GET
    public Page<MigrantDTO> search(@Context SecurityContext sc, @QueryParam("name") String name,
            @QueryParam("idNumber") String idNumber, @QueryParam("jurisdiction") String jurisdiction,
            @QueryParam("registrationCode") String registrationCode, @QueryParam("status") MigrantStatus status,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        MigrantQuery q = new MigrantQuery();
        q.name = name;
        q.idNumber = idNumber;
        q.jurisdictionCode = jurisdiction;
        q.registrationCode = registrationCode;
        q.status = status;
        q.offset = offset;
        q.limit = limit;
        return migrants.search(RestCaller.of(sc), q);
    }

    @GET
    @Path("{id:[0-9]+}")
    public MigrantDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return migrants.find(RestCaller.of(sc), id).orElseThrow(() -> RenkouException.notFound("id",
                "流动人口记录 " + id + " 不存在或不在您的辖区内。",
                "Migrant record " + id + " does not exist or lies outside your jurisdiction."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(@Context SecurityContext sc, MigrantDTO in) {
        MigrantDTO created = migrants.register(RestCaller.of(sc), in);
        return Response.created(URI.create("migrants/" + created.id)).entity(created).build();
    }

    /** Replaces the stay data: arrival date and certificates seen. */
    @PUT
    @Path("{id:[0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MigrantDTO update(@Context SecurityContext sc, @PathParam("id") long id, MigrantDTO in) {
        return migrants.update(RestCaller.of(sc), id, in);
    }

    @POST
    @Path("{id:[0-9]+}/departure")
    @Consumes(MediaType.APPLICATION_JSON)
    public MigrantDTO depart(@Context SecurityContext sc, @PathParam("id") long id, DepartureDTO in) {
        return migrants.depart(RestCaller.of(sc), id, in);
    }

    @GET
    @Path("{id:[0-9]+}/handovers")
    public List<HandoverDTO> handovers(@Context SecurityContext sc, @PathParam("id") long id) {
        return migrants.handovers(RestCaller.of(sc), id);
    }

    @POST
    @Path("{id:[0-9]+}/handovers")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response handOver(@Context SecurityContext sc, @PathParam("id") long id, HandoverDTO in) {
        HandoverDTO h = migrants.handOver(RestCaller.of(sc), id, in);
        return Response.created(URI.create("migrants/" + id + "/handovers")).entity(h).build();
    }

    @POST
    @Path("{id:[0-9]+}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addNote(@Context SecurityContext sc, @PathParam("id") long id, MigrantNoteDTO in) {
        MigrantNoteDTO n = migrants.addNote(RestCaller.of(sc), id, in);
        return Response.created(URI.create("migrants/" + id)).entity(n).build();
    }
}
