package org.renkou.rest.internal;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.CertificateService;
import org.renkou.core.api.CertificateTypeDTO;

/** {@code /api/certificate-types}: the certificate types (证件类型) of the active province bundles. */
@Component(service = CertificateTypeResource.class, property = JerseyWhiteboard.RESOURCE + "=true")
@Path("certificate-types")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateTypeResource {
    private final CertificateService certificates;

    @Activate
    public CertificateTypeResource(@Reference CertificateService certificates) {
        this.certificates = certificates;
    }

    @GET
    public List<CertificateTypeDTO> list() {
        return certificates.types();
    }
}
