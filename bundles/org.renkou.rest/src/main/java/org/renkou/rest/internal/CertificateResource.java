package org.renkou.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
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

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Page;
import org.renkou.core.api.ResidentDTO;
import org.renkou.core.api.ResidentService;
import org.renkou.core.api.province.FormDefinition;
import org.renkou.core.api.province.PolicyRegistry;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.CertificateDTO;
import org.renkou.core.api.CertificateHistoryDTO;
import org.renkou.core.api.CertificatePrintDTO;
import org.renkou.core.api.CertificateService;
import org.renkou.core.api.CertificateVerificationDTO;
import org.renkou.core.api.CertificateStatus;

/**
 * {@code /api/certificates}: certificates (证件): search (by type, holder, status; paged), read, issue, change (with
 * a reason), {@code POST /{id}/revoke} and {@code GET /{id}/history}.
 */
@Component(service = CertificateResource.class, property = JerseyWhiteboard.RESOURCE + "=true")
@Path("certificates")
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {
    static final String CODE_HEADER = "X-Renkou-Verification-Code";
    static final String PRINT_NO_HEADER = "X-Renkou-Print-No";
    private final CertificateService certificates;
    private final PolicyRegistry policies;
    private final ResidentService residents;
    private final Bundle bundle;

    @Activate
    public CertificateResource(@Reference CertificateService certificates, @Reference PolicyRegistry policies,
            @Reference ResidentService residents, BundleContext context) {
        this.certificates = certificates;
        this.policies = policies;
        this.residents = residents;
        this.bundle = context.getBundle();
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

    /**
     * Prints (打印) or reprints (补打) the certificate: a new verification code, the previous one stops verifying.
     * Body {@code {"reason":"遗失"}} (required for a reprint) or none.
     */
    @POST
    @Path("{id:[0-9]+}/print")
    public CertificatePrintDTO print(@Context SecurityContext sc, @PathParam("id") long id, CertificateDTO in) {
        return certificates.print(CallerFilter.caller(sc), id, in == null ? null : in.reason);
    }

    /**
     * Prints as {@link #print} does and answers the printable page (HTML): the province's form with the values
     * Renkou knows, the number and the new verification code. 503 while the type's province module is not active.
     */
    @POST
    @Path("{id:[0-9]+}/print.html")
    @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
    public String printPage(@Context SecurityContext sc, @PathParam("id") long id, CertificateDTO in) {
        Printout p = printout(sc, id, in);
        return PrintableForm.html(p.form(), p.certificate(), p.print(), p.values());
    }

    /**
     * Prints as {@link #print} does and answers the PDF for the printer, with the CJK font embedded. The new print's
     * number and verification code come along in {@value #PRINT_NO_HEADER} and {@value #CODE_HEADER}, so the page
     * that asked can show them. The font is checked first: without it nothing is printed (no code without a paper).
     */
    @POST
    @Path("{id:[0-9]+}/print.pdf")
    @Produces("application/pdf")
    public Response printPdf(@Context SecurityContext sc, @PathParam("id") long id, CertificateDTO in) {
        BundleContext context = bundle.getBundleContext();
        String font = context.getProperty("renkou.cjkFont");
        CjkFont.file(font);
        Printout p = printout(sc, id, in);
        byte[] pdf = PrintablePdf.pdf(p.form(), p.certificate(), p.print(), p.values(), font,
                context.getProperty("renkou.cjkFontName"));
        return Response.ok(pdf, "application/pdf").header(PRINT_NO_HEADER, p.print().printNo)
                .header(CODE_HEADER, p.print().verificationCode)
                .header("Content-Disposition", "inline; filename=\"certificate-" + id + "-" + p.print().printNo + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    private record Printout(FormDefinition form, CertificateDTO certificate, CertificatePrintDTO print,
            Map<String, String> values) {
    }

    /** The certificate's form from its active province policy (else 503), then a new print of it. */
    private Printout printout(SecurityContext sc, long id, CertificateDTO in) {
        Caller caller = CallerFilter.caller(sc);
        CertificateDTO c = get(sc, id);
        FormDefinition form = certificates.types().stream().filter(t -> t.key.equals(c.type)).findFirst()
                .flatMap(t -> policies.find(t.provinceCode)).flatMap(p -> p.forms().stream()
                        .filter(f -> f.key().equals(c.type)).findFirst())
                .orElseThrow(() -> RenkouException.unavailable("省级模块未启用或未提供该证件的表样，暂不能打印。",
                        "Province module not active, or it has no form for this certificate type."));
        CertificatePrintDTO print = certificates.print(caller, id, in == null ? null : in.reason);
        List<ResidentDTO> holders = c.holderIds.stream().map(h -> residents.find(caller, h)).flatMap(Optional::stream)
                .collect(Collectors.toList());
        return new Printout(form, c, print, PrintableForm.values(c, print, holders));
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
        return certificates.revoke(CallerFilter.caller(sc), id, in);
    }

    @GET
    @Path("{id:[0-9]+}/history")
    public List<CertificateHistoryDTO> history(@Context SecurityContext sc, @PathParam("id") long id) {
        return certificates.history(CallerFilter.caller(sc), id);
    }
}
