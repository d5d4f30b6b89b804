package org.renkou.rest.core.internal.exchange;

import static org.renkou.rest.core.internal.Dates.date;

import java.net.URI;
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
import org.renkou.core.api.exchange.ExchangeMessageDTO;
import org.renkou.core.api.exchange.ExchangeQuery;
import org.renkou.core.api.exchange.ExchangeReplyDTO;
import org.renkou.core.api.exchange.ExchangeService;
import org.renkou.core.api.exchange.ExchangeStatsDTO;
import org.renkou.core.api.exchange.MessageKind;
import org.renkou.core.api.exchange.MessageState;
import org.renkou.core.api.exchange.Urgency;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;

/**
 * {@code /api/exchange}: the inter-region information exchange (信息交换) — messages (paged, filtered), send,
 * reply (with the version read), the reply days in force, and the reply figures per jurisdiction and period.
 */
@Component(service = ExchangeResource.class)
@RestResource
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
        return exchange.search(RestCaller.of(sc), q);
    }

    @GET
    @Path("messages/{id:[0-9]+}")
    public ExchangeMessageDTO get(@Context SecurityContext sc, @PathParam("id") long id) {
        return exchange.find(RestCaller.of(sc), id).orElseThrow(() -> RenkouException.notFound("id",
                "信息 " + id + " 不存在或不在您的辖区内。", "Message " + id + " does not exist or lies outside your jurisdiction."));
    }

    @POST
    @Path("messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response send(@Context SecurityContext sc, ExchangeMessageDTO in) {
        ExchangeMessageDTO sent = exchange.send(RestCaller.of(sc), in);
        return Response.created(URI.create("exchange/messages/" + sent.id)).entity(sent).build();
    }

    @POST
    @Path("messages/{id:[0-9]+}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public ExchangeMessageDTO reply(@Context SecurityContext sc, @PathParam("id") long id, ExchangeReplyDTO in) {
        return exchange.reply(RestCaller.of(sc), id, in);
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
        return exchange.stats(RestCaller.of(sc), jurisdiction, date(from, "from"), date(to, "to"));
    }
}
