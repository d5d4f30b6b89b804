package org.renkou.rest.core.internal.certificate;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.certificate.CertificateService;
import org.renkou.core.api.certificate.CertificateTypeDTO;
import org.renkou.module.api.rest.RestResource;

/** {@code /api/certificate-types}: the certificate types (证件类型) of the active province bundles. */
@Component(service = CertificateTypeResource.class)
@RestResource
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
