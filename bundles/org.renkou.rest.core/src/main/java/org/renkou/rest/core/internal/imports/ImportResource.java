package org.renkou.rest.core.internal.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.RenkouException;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;
import org.renkou.rest.api.Problem;
import org.renkou.rest.api.Problems;
import org.renkou.core.api.imports.ImportJobDTO;
import org.renkou.core.api.imports.ImportService;
import org.renkou.core.api.report.ReportDocuments;

/**
 * {@code /api/imports}: upload a CSV or Excel (.xlsx) file of residents (the request body, {@code text/csv} or
 * {@code application/octet-stream}, at most {@value #MAX_BYTES} bytes) and get the job back at once (202); follow
 * it with {@code GET /api/imports/{id}}. The body is spooled to a temporary file first, so the import runs on after
 * the request ends.
 */
@Component(service = ImportResource.class)
@RestResource
@jakarta.ws.rs.Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {
    /** 200 MiB: about two million rows. */
    static final long MAX_BYTES = 200L * 1024 * 1024;

    private final ImportService imports;
    private final ReportDocuments documents;
    private final Path spool;

    /** Uploads are spooled under {@code RENKOU_HOME/tmp/imports}; what a crash left there is removed on start. */
    @Activate
    public ImportResource(@Reference ImportService imports, @Reference ReportDocuments documents, BundleContext context)
            throws IOException {
        this.imports = imports;
        this.documents = documents;
        String home = context.getProperty("renkou.home");
        this.spool = home == null ? Path.of(System.getProperty("java.io.tmpdir"))
                : Files.createDirectories(Path.of(home, "tmp", "imports"));
        if (home != null) {
            try (DirectoryStream<Path> left = Files.newDirectoryStream(spool, "renkou-import-*.csv")) {
                for (Path f : left) {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException e) {
                        // still open (Windows): an import is reading it; it is deleted when that import ends
                    }
                }
            }
        }
    }

    @POST
    @Consumes({"text/csv", MediaType.APPLICATION_OCTET_STREAM, MediaType.TEXT_PLAIN,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    public Response start(@Context SecurityContext sc, @Context HttpHeaders headers, @QueryParam("charset") String charset,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, InputStream body) throws IOException {
        if (length != null && length > MAX_BYTES) {
            return tooLarge(headers);
        }
        Path file = Files.createTempFile(spool, "renkou-import-", ".csv");
        try {
            if (!spool(body, file)) {
                return tooLarge(headers);
            }
            ImportJobDTO job = imports.start(RestCaller.of(sc), file, charset);
            file = null; // the service owns it now
            return Response.accepted(job).location(URI.create("imports/" + job.id)).build();
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    @GET
    @jakarta.ws.rs.Path("{id}")
    public ImportJobDTO get(@Context SecurityContext sc, @PathParam("id") String id) {
        return imports.find(RestCaller.of(sc), id).orElseThrow(() -> RenkouException.notFound("id",
                "导入任务 " + id + " 不存在。", "There is no import job " + id + "."));
    }

    /**
     * The template workbook (导入模板): sheet 1 the header to fill in (row 1, every column the import knows), sheet 2
     * an example row and which columns are required.
     */
    @GET
    @jakarta.ws.rs.Path("template.xlsx")
    @Produces(ReportDocuments.XLSX_TYPE)
    public Response template(@Context SecurityContext sc, @Context HttpHeaders headers) {
        RestCaller.of(sc); // logged-in staff only, like every /api path
        boolean en = Problems.english(headers);
        return download(documents.xlsx(ImportSheets.template(en)), "renkou-import-template.xlsx");
    }

    /** A job's rejected rows (line, column, reason) and its 15-digit conversions as a workbook, to fix and re-upload. */
    @GET
    @jakarta.ws.rs.Path("{id}/errors.xlsx")
    @Produces(ReportDocuments.XLSX_TYPE)
    public Response errors(@Context SecurityContext sc, @Context HttpHeaders headers, @PathParam("id") String id) {
        ImportJobDTO job = get(sc, id);
        return download(documents.xlsx(ImportSheets.report(job, Problems.english(headers))), id + "-errors.xlsx");
    }

    private static Response download(byte[] body, String name) {
        return Response.ok(body, ReportDocuments.XLSX_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @GET
    public List<ImportJobDTO> list(@Context SecurityContext sc) {
        return imports.list(RestCaller.of(sc));
    }

    /** Copies the body; false (and stops reading) once it passes {@link #MAX_BYTES}. */
    private static boolean spool(InputStream in, Path file) throws IOException {
        long total = 0;
        byte[] buf = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = in.read(buf)) != -1) {
                total += n;
                if (total > MAX_BYTES) {
                    return false;
                }
                out.write(buf, 0, n);
            }
        }
        return true;
    }

    private static Response tooLarge(HttpHeaders headers) {
        boolean en = Problems.english(headers);
        return Problems.answer(Problem.of(413, Problems.title(413, en), en
                ? "The file is larger than " + MAX_BYTES / 1024 / 1024 + " MB; split it into smaller files."
                : "文件超过 " + MAX_BYTES / 1024 / 1024 + " MB，请拆分成较小的文件后分别导入。", null));
    }
}
