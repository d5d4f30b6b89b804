package org.renkou.rest.core.internal.certificate;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

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
import jakarta.ws.rs.core.UriInfo;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.certificate.CertificateDTO;
import org.renkou.core.api.certificate.CertificateHistoryDTO;
import org.renkou.core.api.certificate.CertificatePrintDTO;
import org.renkou.core.api.certificate.CertificateService;
import org.renkou.core.api.certificate.CertificateStatus;
import org.renkou.core.api.certificate.CertificateVerificationDTO;
import org.renkou.core.api.province.FormDefinition;
import org.renkou.core.api.province.PolicyRegistry;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.documents.CertificateDocuments;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;

/**
 * {@code /api/certificates}: certificates (证件): search (by type, holder, status; paged), read, issue, change (with
 * a reason), {@code POST /{id}/revoke} and {@code GET /{id}/history}.
 */
@Component(service = CertificateResource.class)
@RestResource
@Path("certificates")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {
    static final String CODE_HEADER = "X-Renkou-Verification-Code";
    static final String PRINT_NO_HEADER = "X-Renkou-Print-No";
    private final CertificateService certificates;
    private final PolicyRegistry policies;
    private final ResidentService residents;
    private final CertificateDocuments documents;

    @Activate
    public CertificateResource(@Reference CertificateService certificates, @Reference PolicyRegistry policies,
            @Reference ResidentService residents, @Reference CertificateDocuments documents) {
        this.certificates = certificates;
        this.policies = policies;
        this.residents = residents;
        this.documents = documents;
    }

    @GET
    public Page<CertificateDTO> search(@Context SecurityContext sc, @QueryParam("type") String type,
            @QueryParam("holder") Long holder, @QueryParam("status") CertificateStatus status,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return certificates.search(RestCaller.of(sc), type, holder, status, offset, limit);
    }

    @GET
    @Path("{id:[0-9]+}")
    public CertificateDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return certificates.find(RestCaller.of(sc), id).orElseThrow(() -> RenkouException.notFound("id",
                "证件 " + id + " 不存在或不在您的辖区内。", "Certificate " + id + " does not exist or lies outside your jurisdiction."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response issue(@Context SecurityContext sc, CertificateDTO in) {
        CertificateDTO created = certificates.issue(RestCaller.of(sc), in);
        return Response.created(URI.create("certificates/" + created.id)).entity(created).build();
    }

    @PUT
    @Path("{id:[0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    public CertificateDTO change(@Context SecurityContext sc, @PathParam("id") long id, CertificateDTO in) {
        return certificates.change(RestCaller.of(sc), id, in);
    }

    /**
     * Prints (打印) or reprints (补打) the certificate: a new verification code, the previous one stops verifying.
     * Body {@code {"reason":"遗失"}} (required for a reprint) or none.
     */
    @POST
    @Path("{id:[0-9]+}/print")
    public CertificatePrintDTO print(@Context SecurityContext sc, @PathParam("id") long id, CertificateDTO in) {
        return certificates.print(RestCaller.of(sc), id, in == null ? null : in.reason);
    }

    /**
     * Prints as {@link #print} does and answers the printable page (HTML): the province's form with the values
     * Renkou knows, the number and the new verification code. 503 while the type's province module is not active.
     */
    @POST
    @Path("{id:[0-9]+}/print.html")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public String printPage(@Context SecurityContext sc, @Context UriInfo uri, @PathParam("id") long id,
            CertificateDTO in) {
        Printout p = printout(sc, id, in);
        return documents.html(p.form(), p.certificate(), p.print(), p.holders(), checkUrl(uri, p));
    }

    /**
     * Prints as {@link #print} does and answers the PDF for the printer, with the CJK font embedded. The new print's
     * number and verification code come along in {@value #PRINT_NO_HEADER} and {@value #CODE_HEADER}, so the page
     * that asked can show them. The font is checked first: without it nothing is printed (no code without a paper).
     */
    @POST
    @Path("{id:[0-9]+}/print.pdf")
    @Produces("application/pdf")
    public Response printPdf(@Context SecurityContext sc, @Context UriInfo uri, @PathParam("id") long id,
            CertificateDTO in) {
        documents.checkPdf();
        Printout p = printout(sc, id, in, true);
        byte[] pdf = documents.pdf(p.form(), p.certificate(), p.print(), p.holders(), checkUrl(uri, p));
        return Response.ok(pdf, "application/pdf").header(PRINT_NO_HEADER, p.print().printNo)
                .header(CODE_HEADER, p.print().verificationCode)
                .header("Content-Disposition", "inline; filename=\"certificate-" + id + "-" + p.print().printNo + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    /**
     * The public check page for the print's code, as the QR code on the paper carries it: this server's address as
     * the request reached it (behind a proxy, the proxy must pass the public host name on).
     */
    static String checkUrl(UriInfo uri, Printout p) {
        return uri.getBaseUri().resolve("../ui/check.html").toString() + "#" + p.print().verificationCode;
    }

    private record Printout(FormDefinition form, CertificateDTO certificate, CertificatePrintDTO print,
            List<ResidentDTO> holders) {
    }

    /** The certificate's form from its active province policy (else 503), then a new print of it. */
    private Printout printout(SecurityContext sc, long id, CertificateDTO in) {
        return printout(sc, id, in, false);
    }

    /**
     * @param rehearse render the PDF once with a dummy code before the print is recorded: a print (its number and
     *                 verification code) is recorded only when the document can be produced
     */
    private Printout printout(SecurityContext sc, long id, CertificateDTO in, boolean rehearse) {
        Caller caller = RestCaller.of(sc);
        CertificateDTO c = get(sc, id);
        FormDefinition form = certificates.types().stream().filter(t -> t.key.equals(c.type)).findFirst()
                .flatMap(t -> policies.find(t.provinceCode)).flatMap(p -> p.forms().stream()
                        .filter(f -> f.key().equals(c.type)).findFirst())
                .orElseThrow(() -> RenkouException.unavailable("省级模块未启用或未提供该证件的表样，暂不能打印。",
                        "Province module not active, or it has no form for this certificate type."));
        List<ResidentDTO> holders = c.holderIds.stream().map(h -> residents.find(caller, h)).flatMap(Optional::stream)
                .collect(Collectors.toList());
        if (rehearse) {
            CertificatePrintDTO dummy = new CertificatePrintDTO();
            dummy.certificateId = c.id;
            dummy.number = c.number;
            dummy.printNo = 1;
            dummy.verificationCode = "00000000";
            documents.pdf(form, c, dummy, holders);
        }
        CertificatePrintDTO print = certificates.print(caller, id, in == null ? null : in.reason);
        return new Printout(form, c, print, holders);
    }

    /** Verifies a printed certificate by the code on it (核验): VALID, REVOKED, SUPERSEDED or UNKNOWN. */
    @GET
    @Path("verify/{code}")
    public CertificateVerificationDTO verify(@PathParam("code") String code) {
        return certificates.verify(code);
    }

    /** Body {@code {"reason":"…","revokedOn":"2026-01-01","version":2}}. */
    @POST
    @Path("{id:[0-9]+}/revoke")
    @Consumes(MediaType.APPLICATION_JSON)
    public CertificateDTO revoke(@Context SecurityContext sc, @PathParam("id") long id, CertificateDTO in) {
        return certificates.revoke(RestCaller.of(sc), id, in);
    }

    @GET
    @Path("{id:[0-9]+}/history")
    public List<CertificateHistoryDTO> history(@Context SecurityContext sc, @PathParam("id") long id) {
        return certificates.history(RestCaller.of(sc), id);
    }
}
