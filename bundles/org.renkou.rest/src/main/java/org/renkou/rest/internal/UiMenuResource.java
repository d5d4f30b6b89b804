package org.renkou.rest.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * {@code GET /api/ui/menu}: the menu entries modules contribute, read from the service registry on every request —
 * every service with {@code renkou.contribution=menu}, its names ({@code renkou.contribution.name.zh/.en}),
 * {@code renkou.contribution.path}, and for a module with pages of its own {@code renkou.contribution.script} (a
 * script under {@code /ui/modules/} the UI loads; it registers its routes with {@code window.Renkou}) and
 * {@code renkou.contribution.route} (the route the entry opens), and {@code renkou.contribution.module} (the module's
 * id, else the bundle's {@code Renkou-Module} header). A switched-off module's components are gone, and
 * so is its entry.
 */
@Component(service = UiMenuResource.class, property = JerseyWhiteboard.RESOURCE + "=true")
@Path("ui")
@Produces(MediaType.APPLICATION_JSON)
public class UiMenuResource {
    static final String FILTER = "(renkou.contribution=menu)";
    private final BundleContext context;

    @Activate
    public UiMenuResource(BundleContext context) {
        this.context = context;
    }

    @GET
    @Path("menu")
    public List<Map<String, Object>> menu(@Context SecurityContext sc) throws InvalidSyntaxException {
        CallerFilter.caller(sc); // any logged-in staff member
        ServiceReference<?>[] refs = context.getAllServiceReferences(null, FILTER);
        List<Map<String, Object>> out = new ArrayList<>();
        if (refs == null) {
            return out;
        }
        for (ServiceReference<?> ref : refs) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("nameZh", text(ref.getProperty("renkou.contribution.name.zh")));
            m.put("nameEn", text(ref.getProperty("renkou.contribution.name.en")));
            m.put("path", text(ref.getProperty("renkou.contribution.path")));
            m.put("script", text(ref.getProperty("renkou.contribution.script")));
            m.put("route", text(ref.getProperty("renkou.contribution.route")));
            // a feature's module names itself (its bundles carry no Renkou-Module header); a deployed one by header
            Object module = ref.getProperty("renkou.contribution.module");
            m.put("module", module != null ? module.toString()
                    : ref.getBundle() == null ? null : ref.getBundle().getHeaders("").get("Renkou-Module"));
            out.add(m);
        }
        out.sort(Comparator.comparing(m -> String.valueOf(m.get("nameZh"))));
        return out;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
