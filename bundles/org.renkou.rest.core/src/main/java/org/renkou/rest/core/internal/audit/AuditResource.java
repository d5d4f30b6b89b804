package org.renkou.rest.core.internal.audit;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.audit.AuditEntryDTO;
import org.renkou.core.api.audit.AuditExport;
import org.renkou.core.api.audit.AuditQuery;
import org.renkou.core.api.audit.AuditService;

/**
 * {@code /api/audit}: the global audit log, filterable and paged, and {@code /api/audit/export} as CSV (UTF-8
 * with BOM so Excel opens Chinese text correctly) for legal review — one consistent read, on the hot standby where
 * one is configured ({@link AuditService#export}), spooled to a file and then sent.
 */
@Component(service = AuditResource.class)
@RestResource
@jakarta.ws.rs.Path("audit")
public class AuditResource {
    static final String SPOOL_PREFIX = "renkou-audit-";

    private final AuditService audit;
    private final Path spool;

    /** Exports are spooled under {@code RENKOU_HOME/tmp/exports}; what a crash left there is removed on start. */
    @Activate
    public AuditResource(@Reference AuditService audit, BundleContext context) throws IOException {
        this.audit = audit;
        String home = context.getProperty("renkou.home");
        this.spool = home == null ? Path.of(System.getProperty("java.io.tmpdir"))
                : Files.createDirectories(Path.of(home, "tmp", "exports"));
        if (home != null) {
            try (DirectoryStream<Path> left = Files.newDirectoryStream(spool, SPOOL_PREFIX + "*.csv")) {
                for (Path f : left) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<AuditEntryDTO> search(@Context SecurityContext sc, @QueryParam("actor") String actor,
            @QueryParam("action") AuditAction action, @QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return audit.search(RestCaller.of(sc), query(actor, action, entityType, entityId, from, to, offset, limit));
    }

    @GET
    @jakarta.ws.rs.Path("export")
    @Produces("text/csv")
    public Response export(@Context SecurityContext sc, @QueryParam("actor") String actor,
            @QueryParam("action") AuditAction action, @QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId, @QueryParam("from") String from, @QueryParam("to") String to)
            throws IOException {
        AuditQuery q = query(actor, action, entityType, entityId, from, to, null, null);
        // the whole file is written before the answer begins: refused or failed, the caller gets a problem, not a
        // cut-off file that looks complete; and a read that starts over (standby failed) starts the file over
        Path file = Files.createTempFile(spool, SPOOL_PREFIX, ".csv");
        try {
            try (CsvSpool csv = new CsvSpool(file)) {
                audit.export(RestCaller.of(sc), q, csv);
            }
            Path done = file;
            file = null; // the answer owns it now
            StreamingOutput body = out -> {
                try {
                    Files.copy(done, out);
                } finally {
                    Files.deleteIfExists(done);
                }
            };
            return Response.ok(body).header("Content-Disposition", "attachment; filename=\"renkou-audit.csv\"")
                    .build();
        } finally {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** The export as CSV (UTF-8 with BOM) in a file; {@link #restart()} empties it. */
    static final class CsvSpool implements AuditExport, Closeable {
        private final Path file;
        private Writer w;

        CsvSpool(Path file) throws IOException {
            this.file = file;
            restart();
        }

        @Override
        public void restart() throws IOException {
            if (w != null) {
                w.close();
            }
            w = Files.newBufferedWriter(file, StandardCharsets.UTF_8); // truncates
            w.write('\uFEFF');
            w.write("id,at,actor,action,entityType,entityId,jurisdictionCode,changes,reason\r\n");
        }

        @Override
        public void entry(AuditEntryDTO a) throws IOException {
            w.write(a.id + "," + a.at + "," + csv(a.actor) + "," + a.action + "," + csv(a.entityType) + ","
                    + csv(a.entityId) + "," + csv(a.jurisdictionCode) + "," + csv(maskIdNumbers(a.changes)) + ","
                    + csv(a.reason) + "\r\n");
        }

        @Override
        public void close() throws IOException {
            w.close();
        }
    }

    private static AuditQuery query(String actor, AuditAction action, String entityType, String entityId, String from,
            String to, Integer offset, Integer limit) {
        AuditQuery q = new AuditQuery();
        q.actor = actor;
        q.action = action;
        q.entityType = entityType;
        q.entityId = entityId;
        q.from = instant(from, "from");
        q.to = instant(to, "to");
        q.offset = offset;
        q.limit = limit;
        return q;
    }

    private static Instant instant(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw RenkouException.invalid(field, "时间格式应为 ISO-8601，例如 2026-01-31T00:00:00Z。",
                    "Times are ISO-8601, e.g. 2026-01-31T00:00:00Z.");
        }
    }

    private static final java.util.regex.Pattern ID_NUMBER =
            java.util.regex.Pattern.compile("(?<![0-9])([0-9]{6})([0-9]{8})([0-9]{3}[0-9Xx])(?![0-9])");

    /** ID numbers (18 characters) in an exported entry masked as in lists: a file leaves the platform. */
    static String maskIdNumbers(String s) {
        if (s == null) {
            return null;
        }
        java.util.regex.Matcher m = ID_NUMBER.matcher(s);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(b, m.group(1) + "*".repeat(m.group(2).length()) + m.group(3));
        }
        return m.appendTail(b).toString();
    }

    static String csv(String s) {
        if (s == null) {
            return "";
        }
        // a leading = + - @ would make Excel evaluate the cell (CSV injection)
        String v = !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
