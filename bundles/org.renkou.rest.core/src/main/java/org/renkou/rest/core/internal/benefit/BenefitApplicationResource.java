package org.renkou.rest.core.internal.benefit;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.renkou.core.api.benefit.ApplicationStatus;
import org.renkou.core.api.benefit.BenefitApplicationDTO;
import org.renkou.core.api.benefit.BenefitApplicationService;
import org.renkou.core.api.benefit.BenefitStepDTO;
import org.renkou.core.api.benefit.DecisionDTO;
import org.renkou.core.api.benefit.ObjectionDTO;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;

/**
 * {@code /api/benefit-applications}: benefit applications (申请/审核/发放): search (by scheme, status, applicant,
 * jurisdiction; paged), read, submit, {@code POST /{id}/decision} (PASSED / REJECTED / PAID), {@code GET /{id}/steps},
 * and objections during the public notice: {@code GET/POST /{id}/objections},
 * {@code POST /{id}/objections/{objectionId}/resolution}.
 */
@Component(service = BenefitApplicationResource.class)
@RestResource
@Path("benefit-applications")
@Produces(MediaType.APPLICATION_JSON)
public class BenefitApplicationResource {
    private final BenefitApplicationService applications;

    @Activate
    public BenefitApplicationResource(@Reference BenefitApplicationService applications) {
        this.applications = applications;
    }

    @GET
    public Page<BenefitApplicationDTO> search(@Context SecurityContext sc, @QueryParam("scheme") String scheme,
            @QueryParam("status") ApplicationStatus status, @QueryParam("applicant") Long applicant,
            @QueryParam("jurisdiction") String jurisdiction, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return applications.search(RestCaller.of(sc), scheme, status, applicant, jurisdiction, offset, limit);
    }

    @GET
    @Path("{id:[0-9]+}")
    public BenefitApplicationDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return applications.find(RestCaller.of(sc), id).orElseThrow(() -> RenkouException.notFound("id",
                "申请 " + id + " 不存在或不在您的辖区内。", "Application " + id + " does not exist or lies outside your jurisdiction."));
    }

    /** Body {@code {"schemeId":"…","applicantId":1}}. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@Context SecurityContext sc, BenefitApplicationDTO in) {
        BenefitApplicationDTO created = applications.submit(RestCaller.of(sc), in);
        return Response.created(URI.create("benefit-applications/" + created.id)).entity(created).build();
    }

    /** Body {@code {"decision":"PASSED","reason":"公示无异议","version":1}}. */
    @POST
    @Path("{id:[0-9]+}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public BenefitApplicationDTO decide(@Context SecurityContext sc, @PathParam("id") long id, DecisionDTO in) {
        return applications.decide(RestCaller.of(sc), id, in);
    }

    @GET
    @Path("{id:[0-9]+}/steps")
    public List<BenefitStepDTO> steps(@Context SecurityContext sc, @PathParam("id") long id) {
        return applications.steps(RestCaller.of(sc), id);
    }

    @GET
    @Path("{id:[0-9]+}/objections")
    public List<ObjectionDTO> objections(@Context SecurityContext sc, @PathParam("id") long id) {
        return applications.objections(RestCaller.of(sc), id);
    }

    /** Body {@code {"objector":"…","content":"…"}}. */
    @POST
    @Path("{id:[0-9]+}/objections")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response raise(@Context SecurityContext sc, @PathParam("id") long id, ObjectionDTO in) {
        ObjectionDTO created = applications.raiseObjection(RestCaller.of(sc), id, in);
        return Response.created(URI.create("benefit-applications/" + id + "/objections")).entity(created).build();
    }

    /** Body {@code {"status":"DISMISSED","resolution":"…","version":1}}. */
    @POST
    @Path("{id:[0-9]+}/objections/{objectionId:[0-9]+}/resolution")
    @Consumes(MediaType.APPLICATION_JSON)
    public ObjectionDTO resolve(@Context SecurityContext sc, @PathParam("id") long id,
            @PathParam("objectionId") long objectionId, ObjectionDTO in) {
        return applications.resolveObjection(RestCaller.of(sc), id, objectionId, in);
    }
}
