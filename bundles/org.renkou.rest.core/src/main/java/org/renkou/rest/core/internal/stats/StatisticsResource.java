package org.renkou.rest.core.internal.stats;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.report.ReportDocuments;
import org.renkou.core.api.report.ReportTable;
import org.renkou.core.api.stats.ActivityDTO;
import org.renkou.core.api.stats.DashboardDTO;
import org.renkou.core.api.stats.PopulationDTO;
import org.renkou.core.api.stats.SnapshotDTO;
import org.renkou.core.api.stats.StatisticsService;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;
import org.renkou.rest.api.Problems;

/**
 * {@code /api/statistics}: statistics reports (统计报表) of the caller's jurisdictions from the snapshot —
 * {@code /population} and {@code /activity} as JSON or, with {@code format=xlsx|pdf}, as a download built by
 * {@link ReportDocuments}; {@code /report} both in one document; {@code /dashboard}; {@code /snapshot} and
 * {@code POST /refresh} (administrators).
 */
@Component(service = StatisticsResource.class)
@RestResource
@Path("statistics")
@Produces(MediaType.APPLICATION_JSON)
public class StatisticsResource {
    private final StatisticsService statistics;
    private final ReportDocuments documents;

    @Activate
    public StatisticsResource(@Reference StatisticsService statistics, @Reference ReportDocuments documents) {
        this.statistics = statistics;
        this.documents = documents;
    }

    @GET
    @Path("snapshot")
    public SnapshotDTO snapshot() {
        return statistics.snapshot();
    }

    /** Builds a new snapshot and answers when it is current (administrators). */
    @POST
    @Path("refresh")
    public SnapshotDTO refresh(@Context SecurityContext sc) {
        return statistics.refresh(RestCaller.of(sc));
    }

    @GET
    @Path("dashboard")
    public DashboardDTO dashboard(@Context SecurityContext sc) {
        return statistics.dashboard(RestCaller.of(sc));
    }

    @GET
    @Path("population")
    @Produces({MediaType.APPLICATION_JSON, ReportDocuments.XLSX_TYPE, ReportDocuments.PDF_TYPE})
    public Response population(@Context SecurityContext sc, @Context HttpHeaders headers,
            @QueryParam("jurisdiction") String jurisdiction, @QueryParam("format") String format) {
        Format f = Format.of(format);
        PopulationDTO p = statistics.population(RestCaller.of(sc), jurisdiction);
        return f == Format.JSON ? json(p) : document(f, "population", p.jurisdictionCode,
                StatisticsTables.population(p, Problems.english(headers)));
    }

    @GET
    @Path("activity")
    @Produces({MediaType.APPLICATION_JSON, ReportDocuments.XLSX_TYPE, ReportDocuments.PDF_TYPE})
    public Response activity(@Context SecurityContext sc, @Context HttpHeaders headers,
            @QueryParam("jurisdiction") String jurisdiction, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("format") String format) {
        Format f = Format.of(format);
        ActivityDTO a = statistics.activity(RestCaller.of(sc), jurisdiction, month(from, "from"), month(to, "to"));
        return f == Format.JSON ? json(a) : document(f, "activity", a.jurisdictionCode,
                StatisticsTables.activity(a, Problems.english(headers)));
    }

    /** Population and activity in one workbook or PDF (default xlsx): what the page's download button fetches. */
    @GET
    @Path("report")
    @Produces({ReportDocuments.XLSX_TYPE, ReportDocuments.PDF_TYPE, MediaType.APPLICATION_JSON})
    public Response report(@Context SecurityContext sc, @Context HttpHeaders headers,
            @QueryParam("jurisdiction") String jurisdiction, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("format") String format) {
        Format f = format == null || format.isBlank() ? Format.XLSX : Format.of(format);
        if (f == Format.JSON) {
            throw RenkouException.invalid("format", "报表下载格式应为 xlsx 或 pdf。", "The report format must be xlsx or pdf.");
        }
        boolean en = Problems.english(headers);
        YearMonth first = month(from, "from");
        YearMonth last = month(to, "to");
        PopulationDTO p = statistics.population(RestCaller.of(sc), jurisdiction);
        ActivityDTO a = statistics.activity(RestCaller.of(sc), jurisdiction, first, last);
        List<ReportTable> tables = new ArrayList<>(StatisticsTables.population(p, en));
        tables.addAll(StatisticsTables.activity(a, en));
        return document(f, "statistics", p.jurisdictionCode, tables);
    }

    private enum Format {
        JSON, XLSX, PDF;

        static Format of(String s) {
            if (s == null || s.isBlank()) {
                return JSON;
            }
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(s.strip())) {
                    return f;
                }
            }
            throw RenkouException.invalid("format", "不支持的格式“" + s + "”，可选 json、xlsx、pdf。",
                    "Unknown format '" + s + "'; use json, xlsx or pdf.");
        }
    }

    private static YearMonth month(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw RenkouException.invalid(field, "月份“" + s + "”格式不对，应为 2026-03 这样的年-月。",
                    "Month '" + s + "' is malformed; use year-month such as 2026-03.");
        }
    }

    private static Response json(Object entity) {
        return Response.ok(entity, MediaType.APPLICATION_JSON_TYPE).build();
    }

    private Response document(Format f, String name, String code, List<ReportTable> tables) {
        String file = name + "-" + (code == null ? "all" : code) + "-" + LocalDate.now() + (f == Format.XLSX ? ".xlsx" : ".pdf");
        byte[] bytes = f == Format.XLSX ? documents.xlsx(tables) : documents.pdf(tables);
        return Response.ok(bytes, f == Format.XLSX ? ReportDocuments.XLSX_TYPE : ReportDocuments.PDF_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }
}
