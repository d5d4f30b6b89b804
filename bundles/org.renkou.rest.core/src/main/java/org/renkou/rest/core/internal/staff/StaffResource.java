package org.renkou.rest.core.internal.staff;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.staff.StaffDTO;
import org.renkou.core.api.staff.StaffService;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;
import org.renkou.rest.api.Sessions;

/** {@code /api/staff}: staff members, their roles and jurisdictions; {@code /api/staff/me}: the caller. */
@Component(service = StaffResource.class)
@RestResource
@Path("staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {
    private final StaffService staff;
    private final Sessions sessions;

    @Activate
    public StaffResource(@Reference StaffService staff, @Reference Sessions sessions) {
        this.staff = staff;
        this.sessions = sessions;
    }

    @GET
    public List<StaffDTO> list(@Context SecurityContext sc) {
        return staff.list(RestCaller.of(sc));
    }

    @GET
    @Path("me")
    public StaffDTO me(@Context SecurityContext sc) {
        Caller c = RestCaller.of(sc);
        StaffDTO d = new StaffDTO();
        d.username = c.username();
        d.name = c.username();
        d.roles.addAll(c.roles());
        d.jurisdictionCodes.addAll(c.jurisdictionCodes());
        d.active = true;
        return staff.find(c, c.username()).orElse(d);
    }

    @GET
    @Path("{username}")
    public StaffDTO get(@Context SecurityContext sc, @PathParam("username") String username) {
        return staff.find(RestCaller.of(sc), username).orElseThrow(() -> RenkouException.notFound("username",
                "工作人员 " + username + " 不存在。", "Staff member " + username + " does not exist."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext sc, StaffDTO in) {
        StaffDTO created = staff.create(RestCaller.of(sc), in);
        return Response.created(URI.create("staff/" + created.username)).entity(created).build();
    }

    @PUT
    @Path("{username}")
    @Consumes(MediaType.APPLICATION_JSON)
    public StaffDTO update(@Context SecurityContext sc, @PathParam("username") String username, StaffDTO in) {
        StaffDTO updated = staff.update(RestCaller.of(sc), username, in);
        if (in.password != null) {
            sessions.endAll(username); // as after a reset: the old password's sessions end
        }
        return updated;
    }

    /**
     * Resets the password (重置密码): answers {@code {"username","temporaryPassword"}} once (never stored in clear,
     * never cacheable); the staff member must change it at the next login, and their open sessions end.
     */
    @POST
    @Path("{username}/password-reset")
    public Response resetPassword(@Context SecurityContext sc, @PathParam("username") String username) {
        String temporary = staff.resetPassword(RestCaller.of(sc), username);
        sessions.endAll(username);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("username", username);
        out.put("temporaryPassword", temporary);
        return Response.ok(out).header("Cache-Control", "no-store").build();
    }
}
