package ${package}.internal;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;

/**
 * {@code /api/${moduleId}/items}: the module's REST API, attached to Renkou's JAX-RS application while the module is
 * on (404 while it is off). The caller comes from {@link RestCaller}; a {@code RenkouException} from the service
 * becomes {@code application/problem+json} in the caller's language.
 */
@Component(service = ItemResource.class, property = ThisModule.CONDITION)
@RestResource
@Path(ThisModule.ID)
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {
    private final ItemService items;

    @Activate
    public ItemResource(@Reference ItemService items) {
        this.items = items;
    }

    @GET
    @Path("items")
    public List<ItemDTO> list(@Context SecurityContext sc) {
        return items.list(RestCaller.of(sc));
    }

    @POST
    @Path("items")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response add(@Context SecurityContext sc, ItemDTO item) {
        return Response.status(Response.Status.CREATED).entity(items.add(RestCaller.of(sc), item)).build();
    }
}
