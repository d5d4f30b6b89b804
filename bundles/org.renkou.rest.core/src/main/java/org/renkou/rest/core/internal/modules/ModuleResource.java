package org.renkou.rest.core.internal.modules;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.module.ModuleDTO;
import org.renkou.core.api.module.ModulePlanDTO;
import org.renkou.core.api.module.ModuleService;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;

/**
 * {@code /api/modules}: every module with its state (the UI builds its menu from it); {@code /api/admin/modules}:
 * the dry-run plan and the switch, for administrators.
 */
@Component(service = ModuleResource.class)
@RestResource
@Path("")
@Produces(MediaType.APPLICATION_JSON)
public class ModuleResource {
    private final ModuleService modules;

    @Activate
    public ModuleResource(@Reference ModuleService modules) {
        this.modules = modules;
    }

    @GET
    @Path("modules")
    public List<ModuleDTO> list() {
        return modules.list();
    }

    @GET
    @Path("modules/{id}")
    public ModuleDTO get(@PathParam("id") String id) {
        return modules.find(id).orElseThrow(() -> RenkouException.notFound("id", "没有模块 " + id + "。",
                "There is no module " + id + "."));
    }

    /** {@code ?action=enable|disable&cascade=true}: what the switch would do, in words. */
    @GET
    @Path("admin/modules/{id}/plan")
    public ModulePlanDTO plan(@Context SecurityContext sc, @PathParam("id") String id,
            @QueryParam("action") String action, @QueryParam("cascade") boolean cascade) {
        RestCaller.of(sc).requirePlatformAdmin("管理模块", "manage modules");
        return modules.plan(id, enable(action), cascade);
    }

    @POST
    @Path("admin/modules/{id}/enable")
    public ModuleDTO enable(@Context SecurityContext sc, @PathParam("id") String id,
            @QueryParam("cascade") boolean cascade) {
        return modules.enable(RestCaller.of(sc), id, cascade);
    }

    @POST
    @Path("admin/modules/{id}/disable")
    public ModuleDTO disable(@Context SecurityContext sc, @PathParam("id") String id,
            @QueryParam("cascade") boolean cascade) {
        return modules.disable(RestCaller.of(sc), id, cascade);
    }

    private static boolean enable(String action) {
        if ("enable".equals(action)) {
            return true;
        }
        if ("disable".equals(action)) {
            return false;
        }
        throw RenkouException.invalid("action", "action 应为 enable 或 disable。", "action must be enable or disable.");
    }
}
