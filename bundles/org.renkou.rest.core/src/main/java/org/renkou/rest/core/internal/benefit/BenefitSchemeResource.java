package org.renkou.rest.core.internal.benefit;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.benefit.BenefitApplicationService;
import org.renkou.core.api.benefit.BenefitSchemeDTO;
import org.renkou.module.api.rest.RestResource;

/** {@code /api/benefit-schemes}: the benefit schemes of the active province bundles ({@code ?province=44}). */
@Component(service = BenefitSchemeResource.class)
@RestResource
@Path("benefit-schemes")
@Produces(MediaType.APPLICATION_JSON)
public class BenefitSchemeResource {
    private final BenefitApplicationService applications;

    @Activate
    public BenefitSchemeResource(@Reference BenefitApplicationService applications) {
        this.applications = applications;
    }

    @GET
    public List<BenefitSchemeDTO> list(@QueryParam("province") String province) {
        return applications.schemes(province);
    }
}
