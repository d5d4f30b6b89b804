package org.renkou.rest.core.internal.audit;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.audit.AuditEntryDTO;
import org.renkou.core.api.audit.AuditQuery;
import org.renkou.core.api.audit.AuditService;

/**
 * {@code /api/audit}: the global audit log, filterable and paged, and {@code /api/audit/export} as CSV (UTF-8
 * with BOM so Excel opens Chinese text correctly) for legal review.
 */
@Component(service = AuditResource.class)
@RestResource
@Path("audit")
public class AuditResource {
    private final AuditService audit;

    @Activate
    public AuditResource(@Reference AuditService audit) {
        this.audit = audit;
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
    @Path("export")
    @Produces("text/csv")
    public Response export(@Context SecurityContext sc, @QueryParam("actor") String actor,
            @QueryParam("action") AuditAction action, @QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId, @QueryParam("from") String from, @QueryParam("to") String to) {
        Caller caller = RestCaller.of(sc);
        AuditQuery q = query(actor, action, entityType, entityId, from, to, 0, Page.MAX_LIMIT);
        Page<AuditEntryDTO> first = audit.search(caller, q); // fails here, before streaming, if not allowed
        StreamingOutput body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write('\uFEFF');
            w.write("id,at,actor,action,entityType,entityId,jurisdictionCode,changes,reason\r\n");
            Page<AuditEntryDTO> page = first;
            while (true) {
                for (AuditEntryDTO a : page.items) {
                    w.write(a.id + "," + a.at + "," + csv(a.actor) + "," + a.action + "," + csv(a.entityType) + ","
                            + csv(a.entityId) + "," + csv(a.jurisdictionCode) + "," + csv(maskIdNumbers(a.changes)) + ","
                            + csv(a.reason) + "\r\n");
                }
                if (page.offset + page.items.size() >= page.total || page.items.isEmpty()) {
                    break;
                }
                q.offset = page.offset + page.items.size();
                page = audit.search(caller, q);
            }
            w.flush();
        };
        return Response.ok(body).header("Content-Disposition", "attachment; filename=\"renkou-audit.csv\"").build();
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
