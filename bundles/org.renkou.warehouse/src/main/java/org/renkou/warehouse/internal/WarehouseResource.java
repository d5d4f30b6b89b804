package org.renkou.warehouse.internal;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.report.ReportDocuments;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;
import org.renkou.core.api.staff.StaffService;
import org.renkou.warehouse.internal.WarehouseDTO.AdverseReaction;
import org.renkou.warehouse.internal.WarehouseDTO.CardEntry;
import org.renkou.warehouse.internal.WarehouseDTO.Decision;
import org.renkou.warehouse.internal.WarehouseDTO.FollowUp;
import org.renkou.warehouse.internal.WarehouseDTO.Issue;
import org.renkou.warehouse.internal.WarehouseDTO.LedgerEntry;
import org.renkou.warehouse.internal.WarehouseDTO.Lot;
import org.renkou.warehouse.internal.WarehouseDTO.PlannedTake;
import org.renkou.warehouse.internal.WarehouseDTO.Product;
import org.renkou.warehouse.internal.WarehouseDTO.Receipt;
import org.renkou.warehouse.internal.WarehouseDTO.Reconciliation;
import org.renkou.warehouse.internal.WarehouseDTO.Scrap;
import org.renkou.warehouse.internal.WarehouseDTO.ScrapIn;
import org.renkou.warehouse.internal.WarehouseDTO.StockLine;
import org.renkou.warehouse.internal.WarehouseDTO.StockTake;
import org.renkou.warehouse.internal.WarehouseDTO.StockTakeIn;
import org.renkou.warehouse.internal.WarehouseDTO.Store;
import org.renkou.warehouse.internal.WarehouseDTO.Trace;
import org.renkou.warehouse.internal.WarehouseDTO.Transfer;

/**
 * {@code /api/warehouse}: the contraceptive warehouse API. Present only while the module is on; switched off, every
 * path answers 404 and the data stays. Errors are the platform's problem+json (RenkouException).
 */
@Component(service = WarehouseResource.class, property = Warehouse.CONDITION)
@RestResource
@Path("warehouse")
@Produces(MediaType.APPLICATION_JSON)
public class WarehouseResource {
    private final StockService stock;
    private final CardService cards;
    private final ApprovalService approvals;
    private final ReportService reports;
    private final DatabaseBackup backup;
    /** The platform's Excel and PDF writer; optional so that JSON and CSV keep working without it. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ReportDocuments documents;

    @Activate
    public WarehouseResource(@Reference StockService stock,
            @Reference CardService cards, @Reference ApprovalService approvals, @Reference ReportService reports,
            @Reference DatabaseBackup backup) {
        this.stock = stock;
        this.cards = cards;
        this.approvals = approvals;
        this.reports = reports;
        this.backup = backup;
    }

    /** The caller the platform's filter decided for this request (once per request). */
    private static Caller caller(SecurityContext sc) {
        return RestCaller.of(sc);
    }

    @GET
    @Path("products")
    public List<Product> products(@Context SecurityContext sc) {
        return stock.products(caller(sc));
    }

    @POST
    @Path("products")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createProduct(@Context SecurityContext sc, Product in) {
        Product p = stock.createProduct(caller(sc), in);
        return Response.created(URI.create("warehouse/products/" + p.id())).entity(p).build();
    }

    @GET
    @Path("stores")
    public List<Store> stores(@Context SecurityContext sc) {
        return stock.stores(caller(sc));
    }

    @POST
    @Path("stores")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createStore(@Context SecurityContext sc, Store in) {
        Store s = stock.createStore(caller(sc), in);
        return Response.created(URI.create("warehouse/stores/" + s.id())).entity(s).build();
    }

    @GET
    @Path("stores/{id:[0-9]+}/stock")
    public List<StockLine> stock(@Context SecurityContext sc, @PathParam("id") long id) {
        return stock.stock(caller(sc), id);
    }

    @GET
    @Path("stores/{id:[0-9]+}/issue-plan")
    public List<PlannedTake> issuePlan(@Context SecurityContext sc, @PathParam("id") long id,
            @QueryParam("productId") Long productId, @QueryParam("quantity") Integer quantity) {
        return stock.issuePlan(caller(sc), id, productId, quantity);
    }

    @GET
    @Path("stores/{id:[0-9]+}/ledger")
    public Page<LedgerEntry> ledger(@Context SecurityContext sc, @PathParam("id") long id,
            @QueryParam("offset") Integer offset, @QueryParam("limit") Integer limit) {
        return stock.ledger(caller(sc), id, offset, limit);
    }

    @POST
    @Path("stores/{id:[0-9]+}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response receive(@Context SecurityContext sc, @PathParam("id") long id, Receipt in) {
        Lot lot = stock.receive(caller(sc), id, in);
        return Response.status(Response.Status.CREATED).entity(lot).build();
    }

    @POST
    @Path("stores/{id:[0-9]+}/issues")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<LedgerEntry> issue(@Context SecurityContext sc, @PathParam("id") long id, Issue in) {
        return stock.issue(caller(sc), id, in);
    }

    @POST
    @Path("transfers")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<LedgerEntry> transfer(@Context SecurityContext sc, Transfer in) {
        return stock.transfer(caller(sc), in);
    }

    @GET
    @Path("reconcile")
    public Reconciliation reconcile(@Context SecurityContext sc) {
        return stock.reconcile(caller(sc));
    }

    @GET
    @Path("lots/{id:[0-9]+}/trace")
    public Trace trace(@Context SecurityContext sc, @PathParam("id") long id, @QueryParam("reason") String reason) {
        return cards.trace(caller(sc), id, reason);
    }

    @GET
    @Path("cards/{residentId:[0-9]+}")
    public List<CardEntry> card(@Context SecurityContext sc, @PathParam("residentId") long residentId,
            @QueryParam("reason") String reason) {
        return cards.card(caller(sc), residentId, reason);
    }

    @POST
    @Path("cards/{residentId:[0-9]+}/follow-ups")
    @Consumes(MediaType.APPLICATION_JSON)
    public CardEntry followUp(@Context SecurityContext sc, @PathParam("residentId") long residentId, FollowUp in) {
        return cards.followUp(caller(sc), residentId, in);
    }

    @POST
    @Path("cards/{residentId:[0-9]+}/adverse-reactions")
    @Consumes(MediaType.APPLICATION_JSON)
    public CardEntry adverseReaction(@Context SecurityContext sc, @PathParam("residentId") long residentId,
            AdverseReaction in) {
        return cards.adverseReaction(caller(sc), residentId, in);
    }

    @GET
    @Path("stores/{id:[0-9]+}/stock-takes")
    public List<StockTake> stockTakes(@Context SecurityContext sc, @PathParam("id") long id) {
        return approvals.stockTakes(caller(sc), id);
    }

    @POST
    @Path("stores/{id:[0-9]+}/stock-takes")
    @Consumes(MediaType.APPLICATION_JSON)
    public StockTake submitStockTake(@Context SecurityContext sc, @PathParam("id") long id, StockTakeIn in) {
        return approvals.submitStockTake(caller(sc), id, in);
    }

    @POST
    @Path("stock-takes/{id:[0-9]+}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public StockTake decideStockTake(@Context SecurityContext sc, @PathParam("id") long id, Decision in) {
        return approvals.decideStockTake(caller(sc), id, in);
    }

    @GET
    @Path("stores/{id:[0-9]+}/scraps")
    public List<Scrap> scraps(@Context SecurityContext sc, @PathParam("id") long id) {
        return approvals.scraps(caller(sc), id);
    }

    @POST
    @Path("stores/{id:[0-9]+}/scraps")
    @Consumes(MediaType.APPLICATION_JSON)
    public Scrap submitScrap(@Context SecurityContext sc, @PathParam("id") long id, ScrapIn in) {
        return approvals.submitScrap(caller(sc), id, in);
    }

    @POST
    @Path("scraps/{id:[0-9]+}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    public Scrap decideScrap(@Context SecurityContext sc, @PathParam("id") long id, Decision in) {
        return approvals.decideScrap(caller(sc), id, in);
    }

    @GET
    @Path("reports/stock")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", ReportDocuments.XLSX_TYPE, ReportDocuments.PDF_TYPE})
    public Response stockReport(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
            @QueryParam("quarter") String quarter, @QueryParam("format") String format,
            @QueryParam("live") boolean live, @HeaderParam("Accept-Language") String language) {
        return report(reports.stockReport(caller(sc), jurisdiction, quarter, live), format, "stock", language);
    }

    @GET
    @Path("reports/users")
    @Produces({MediaType.APPLICATION_JSON, "text/csv", ReportDocuments.XLSX_TYPE, ReportDocuments.PDF_TYPE})
    public Response usersReport(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
            @QueryParam("quarter") String quarter, @QueryParam("format") String format,
            @QueryParam("live") boolean live, @HeaderParam("Accept-Language") String language) {
        return report(reports.usersReport(caller(sc), jurisdiction, quarter, live), format, "users", language);
    }

    /** 签字确认: freezes the report as it is now (see {@link ReportService#signOff}). */
    @POST
    @Path("reports/{kind:stock|users}/sign-off")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signOff(@Context SecurityContext sc, @PathParam("kind") String kind,
            ReportService.SignOffIn in) {
        // a Response: Jersey cannot resolve the wildcard of Report<?> to a type and warns on every build
        return Response.ok(reports.signOff(caller(sc), kind, in)).build();
    }

    @GET
    @Path("reports/{kind:stock|users}/sign-offs")
    public List<ReportService.SignOff> signOffs(@Context SecurityContext sc, @PathParam("kind") String kind,
            @QueryParam("jurisdiction") String jurisdiction, @QueryParam("quarter") String quarter) {
        return reports.signOffs(caller(sc), kind, jurisdiction, quarter);
    }

    @GET
    @Path("stores/{id:[0-9]+}/demand-plan")
    public List<ReportService.DemandRow> demandPlan(@Context SecurityContext sc, @PathParam("id") long id,
            @QueryParam("expectedNewUsers") Long expectedNewUsers) {
        return reports.demandPlan(caller(sc), id, expectedNewUsers);
    }

    @GET
    @Path("reminders")
    public List<ReportService.Reminder> reminders(@Context SecurityContext sc) {
        return reports.reminders(caller(sc));
    }

    @POST
    @Path("backup")
    public Map<String, String> backup(@Context SecurityContext sc) {
        caller(sc).require("备份数据库", "back up the database", Role.ADMIN);
        return Map.of("folder", backup.backupNow().toString());
    }

    /**
     * JSON by default; {@code format=csv}: UTF-8 with a byte-order mark, so Excel opens the Chinese correctly;
     * {@code xlsx} and {@code pdf} through the platform's {@link ReportDocuments}, in the reader's language.
     */
    private Response report(ReportService.Report<?> report, String format, String name, String language) {
        String f = format == null ? "json" : format.toLowerCase(java.util.Locale.ROOT);
        String file = name + "-" + report.jurisdiction() + "-" + report.quarter() + "." + f;
        boolean en = language != null && language.toLowerCase(java.util.Locale.ROOT).startsWith("en");
        return switch (f) {
            case "json" -> Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
            case "csv" -> download(csv(report).getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8", file);
            case "xlsx" -> download(documents().xlsx(List.of(ReportService.table(report, en))),
                    ReportDocuments.XLSX_TYPE, file);
            case "pdf" -> download(documents().pdf(List.of(ReportService.table(report, en))), ReportDocuments.PDF_TYPE,
                    file);
            default -> throw RenkouException.invalid("format", "导出格式应为 json、csv、xlsx 或 pdf。",
                    "The format is json, csv, xlsx or pdf.");
        };
    }

    private static Response download(byte[] body, String type, String file) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private ReportDocuments documents() {
        ReportDocuments d = documents;
        if (d == null) {
            throw RenkouException.unavailable("报表导出服务暂不可用。", "Report export is not available.");
        }
        return d;
    }

    static String csv(ReportService.Report<?> report) {
        StringBuilder out = new StringBuilder("\uFEFF").append(report.title()).append(',')
                .append(report.jurisdiction()).append(',').append(report.quarter()).append("\r\n");
        boolean header = true;
        for (Object row : report.rows()) {
            RecordComponent[] columns = row.getClass().getRecordComponents();
            if (header) {
                for (int i = 0; i < columns.length; i++) {
                    out.append(i == 0 ? "" : ",").append(columns[i].getName());
                }
                out.append("\r\n");
                header = false;
            }
            for (int i = 0; i < columns.length; i++) {
                Object v;
                try {
                    v = columns[i].getAccessor().invoke(row);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                String s = v == null ? "" : v.toString();
                out.append(i == 0 ? "" : ",").append(s.contains(",") || s.contains("\"")
                        ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
