package org.renkou.rest.core.internal.jurisdiction;

import java.net.URI;
import java.util.List;

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
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.module.api.rest.RestCaller;
import org.renkou.module.api.rest.RestResource;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.api.jurisdiction.JurisdictionService;

/**
 * {@code /api/jurisdictions}: the jurisdiction tree (行政区划). {@code GET} lists the children of {@code ?parent=}
 * (the provinces without it), {@code GET /{code}} reads one, {@code POST} adds one (administrators, within their reach).
 */
@Component(service = JurisdictionResource.class)
@RestResource
@Path("jurisdictions")
@Produces(MediaType.APPLICATION_JSON)
public class JurisdictionResource {
    private final JurisdictionService jurisdictions;

    @Activate
    public JurisdictionResource(@Reference JurisdictionService jurisdictions) {
        this.jurisdictions = jurisdictions;
    }

    @GET
    public List<JurisdictionDTO> children(@QueryParam("parent") String parent) {
        if (parent != null && !parent.isBlank() && jurisdictions.find(parent.strip()).isEmpty()) {
            throw RenkouException.notFound("parent", "区划 " + parent + " 不存在。", "Jurisdiction " + parent + " does not exist.");
        }
        return jurisdictions.children(parent == null || parent.isBlank() ? null : parent.strip());
    }

    @GET
    @Path("{code}")
    public JurisdictionDTO get(@PathParam("code") String code) {
        return jurisdictions.find(code).orElseThrow(() -> RenkouException.notFound("code",
                "区划 " + code + " 不存在。", "Jurisdiction " + code + " does not exist."));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext sc, JurisdictionDTO in) {
        // the tree is the administrators': a province by a platform-level one, a jurisdiction below only under a
        // parent in the administrator's reach (one out of reach answers like one that does not exist)
        Caller caller = RestCaller.of(sc);
        caller.require("添加行政区划", "add jurisdictions", Role.ADMIN);
        String parent = in == null || in.parentCode == null ? null : in.parentCode.strip();
        if (parent == null || parent.isEmpty()) {
            caller.requirePlatformAdmin("添加省级区划", "add a province");
        } else if (!caller.covers(parent)) {
            throw RenkouException.invalid("parentCode", "上级区划 " + parent + " 不存在或不在您的辖区内。",
                    "Parent jurisdiction " + parent + " does not exist or lies outside your jurisdiction.");
        }
        JurisdictionDTO created = jurisdictions.create(in);
        return Response.created(URI.create("jurisdictions/" + created.code)).entity(created).build();
    }
}
