package org.renkou.rest.core.internal.resident;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.renkou.core.api.audit.AuditEntryDTO;
import org.renkou.core.api.audit.AuditService;
import org.renkou.core.api.resident.ResidenceStatus;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.ResidentQuery;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;

/**
 * {@code /api/residents}: search (paged, filtered; ID numbers masked), read, register, change (with the version
 * read: a stale one answers 409), delete, the audited read of sensitive fields, and a record's history.
 */
@Component(service = ResidentResource.class)
@RestResource
@Path("residents")
@Produces(MediaType.APPLICATION_JSON)
public class ResidentResource {
    private final ResidentService residents;
    private final AuditService audit;

    @Activate
    public ResidentResource(@Reference ResidentService residents, @Reference AuditService audit) {
        this.residents = residents;
        this.audit = audit;
    }

    @GET
    public Page<ResidentDTO> search(@Context SecurityContext sc, @QueryParam("name") String name,
            @QueryParam("idNumber") String idNumber, @QueryParam("jurisdiction") String jurisdiction,
            @QueryParam("household") Long household, @QueryParam("status") ResidenceStatus status,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        ResidentQuery q = new ResidentQuery();
        q.name = name;
        q.idNumber = idNumber;
        q.jurisdictionCode = jurisdiction;
        q.householdId = household;
        q.status = status;
        q.offset = offset;
        q.limit = limit;
        return residents.search(RestCaller.of(sc), q);
    }

    @GET
    @Path("{id:[0-9]+}")
    public ResidentDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return residents.find(RestCaller.of(sc), id).orElseThrow(() -> notFound(id));
    }

    // GET by-id-number/{idNumber} is ResidentLookupServlet: the hot read path, outside Jersey

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext sc, ResidentDTO in) {
        ResidentDTO created = residents.create(RestCaller.of(sc), in);
        return Response.created(URI.create("residents/" + created.id)).entity(created).build();
    }

    @PUT
    @Path("{id:[0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ResidentDTO update(@Context SecurityContext sc, @PathParam("id") long id, ResidentDTO in) {
        return residents.update(RestCaller.of(sc), id, in);
    }

    @DELETE
    @Path("{id:[0-9]+}")
    public Response delete(@Context SecurityContext sc, @PathParam("id") long id,
            @QueryParam("version") Long version) {
        if (version == null) {
            throw RenkouException.invalid("version", "请提供所读取记录的版本号。", "Give the version of the record you read.");
        }
        residents.delete(RestCaller.of(sc), id, version);
        return Response.noContent().build();
    }

    /** Body {@code {"reason": "…"}}: reading health notes is an explicit, audited act. */
    @POST
    @Path("{id:[0-9]+}/sensitive")
    @Consumes(MediaType.APPLICATION_JSON)
    public ResidentDTO sensitive(@Context SecurityContext sc, @PathParam("id") long id, Map<String, String> body) {
        return residents.readSensitive(RestCaller.of(sc), id, body == null ? null : body.get("reason"));
    }

    @GET
    @Path("{id:[0-9]+}/history")
    public List<AuditEntryDTO> history(@Context SecurityContext sc, @PathParam("id") long id) {
        get(sc, id); // the record must be within reach
        return audit.history(RestCaller.of(sc), "resident", Long.toString(id));
    }

    static RenkouException notFound(long id) {
        return RenkouException.notFound("id", "居民 " + id + " 不存在或不在您的辖区内。",
                "Resident " + id + " does not exist or lies outside your jurisdiction.");
    }
}
