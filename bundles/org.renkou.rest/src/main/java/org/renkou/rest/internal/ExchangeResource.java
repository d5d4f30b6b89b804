package org.renkou.rest.internal;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.renkou.core.api.Page;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.migrant.ExchangeMessageDTO;
import org.renkou.core.api.migrant.ExchangeQuery;
import org.renkou.core.api.migrant.ExchangeReplyDTO;
import org.renkou.core.api.migrant.ExchangeService;
import org.renkou.core.api.migrant.ExchangeStatsDTO;
import org.renkou.core.api.migrant.MessageKind;
import org.renkou.core.api.migrant.MessageState;
import org.renkou.core.api.migrant.Urgency;

/**
 * {@code /api/exchange}: the inter-region information exchange (信息交换) — messages (paged, filtered), send,
 * reply (with the version read), the reply days in force, and the reply figures per jurisdiction and period.
 */
@Component(service = ExchangeResource.class, property = JerseyWhiteboard.RESOURCE + "=true")
@Path("exchange")
@Produces(MediaType.APPLICATION_JSON)
public class ExchangeResource {
    private final ExchangeService exchange;

    @Activate
    public ExchangeResource(@Reference ExchangeService exchange) {
        this.exchange = exchange;
    }

    @GET
    @Path("messages")
    public Page<ExchangeMessageDTO> search(@Context SecurityContext sc,
            @QueryParam("jurisdiction") String jurisdiction, @QueryParam("direction") ExchangeQuery.Direction direction,
            @QueryParam("kind") MessageKind kind, @QueryParam("state") MessageState state,
            @QueryParam("migrantId") Long migrantId, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        ExchangeQuery q = new ExchangeQuery();
        q.jurisdictionCode = jurisdiction;
        q.direction = direction;
        q.kind = kind;
        q.state = state;
        q.migrantId = migrantId;
        q.offset = offset;
        q.limit = limit;
        return exchange.search(CallerFilter.caller(sc), q);
    }

    @GET
    @Path("messages/{id:[0-9]+}")
    public ExchangeMessageDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return exchange.find(CallerFilter.caller(sc), id).orElseThrow(() -> RenkouException.notFound("id",
                "信息 " + id + " 不存在或不在您的辖区内。", "Message " + id + " does not exist or lies outside your jurisdiction."));
    }

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@Context SecurityContext sc, ExchangeMessageDTO in) {
        ExchangeMessageDTO sent = exchange.send(CallerFilter.caller(sc), in);
        return Response.created(URI.create("exchange/messages/" + sent.id)).entity(sent).build();
    }

    @POST
    @Path("messages/{id:[0-9]+}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public ExchangeMessageDTO reply(@Context SecurityContext sc, @PathParam("id") long id, ExchangeReplyDTO in) {
        return exchange.reply(CallerFilter.caller(sc), id, in);
    }

    /** {@code ?receiver=}: days to reply by urgency for a message to that jurisdiction (the configured rule). */
    @GET
    @Path("deadlines")
    public Map<Urgency, Integer> deadlines(@QueryParam("receiver") String receiver) {
        return exchange.replyDays(receiver);
    }

    /** {@code ?jurisdiction=&from=&to=} (dates {@code yyyy-MM-dd}, inclusive; default: this month). */
    @GET
    @Path("stats")
    public ExchangeStatsDTO stats(@Context SecurityContext sc, @QueryParam("jurisdiction") String jurisdiction,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return exchange.stats(CallerFilter.caller(sc), jurisdiction, date(from, "from"), date(to, "to"));
    }

    static LocalDate date(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        } catch (DateTimeParseException e) {
            throw RenkouException.invalid(field, "日期格式应为 yyyy-MM-dd，例如 2026-01-31。",
                    "Dates are yyyy-MM-dd, e.g. 2026-01-31.");
        }
    }
}
