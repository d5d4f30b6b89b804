package org.renkou.rest.internal;

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
import org.renkou.core.api.CertificateDTO;
import org.renkou.core.api.CertificateHistoryDTO;
import org.renkou.core.api.CertificateService;
import org.renkou.core.api.CertificateStatus;

/**
 * {@code /api/certificates}: certificates (证件): search (by type, holder, status; paged), read, issue, change (with
 * a reason), {@code POST /{id}/revoke} and {@code GET /{id}/history}.
 */
@Component(service = CertificateResource.class, property = JerseyWhiteboard.RESOURCE + "=true")
@Path("certificates")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {
    private final CertificateService certificates;

    @Activate
    public CertificateResource(@Reference CertificateService certificates) {
        this.certificates = certificates;
    }

    @GET
    public Page<CertificateDTO> search(@Context SecurityContext sc, @QueryParam("type") String type,
            @QueryParam("holder") Long holder, @QueryParam("status") CertificateStatus status,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return certificates.search(CallerFilter.caller(sc), type, holder, status, offset, limit);
    }

    @GET
    @Path("{id:[0-9]+}")
    public CertificateDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return certificates.find(CallerFilter.caller(sc), id).orElseThrow(() -> RenkouException.notFound("id",
                "证件 " + id + " 不存在或不在您的辖区内。", "Certificate " + id + " does not exist or lies outside your jurisdiction."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@Context SecurityContext sc, CertificateDTO in) {
        CertificateDTO created = certificates.issue(CallerFilter.caller(sc), in);
        return Response.created(URI.create("certificates/" + created.id)).entity(created).build();
    }

    @PUT
    @Path("{id:[0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CertificateDTO change(@Context SecurityContext sc, @PathParam("id") long id, CertificateDTO in) {
        return certificates.change(CallerFilter.caller(sc), id, in);
    }

    /** Body {@code {"reason":"…","revokedOn":"2026-01-01","version":2}}. */
    @POST
    @Path("{id:[0-9]+}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public CertificateDTO revoke(@Context SecurityContext sc, @PathParam("id") long id, CertificateDTO in) {
        return certificates.revoke(CallerFilter.caller(sc), id, in);
    }

    @GET
    @Path("{id:[0-9]+}/history")
    public List<CertificateHistoryDTO> history(@Context SecurityContext sc, @PathParam("id") long id) {
        return certificates.history(CallerFilter.caller(sc), id);
    }
}
