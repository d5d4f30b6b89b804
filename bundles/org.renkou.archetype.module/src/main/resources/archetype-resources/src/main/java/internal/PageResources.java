package ${package}.internal;

import org.osgi.service.component.annotations.Component;

/**
 * Serves the module's page (plain JavaScript from this bundle's {@code /ui}) at {@code /ui/modules/${moduleId}/*}
 * while the module is on (HTTP whiteboard resource).
 */
@Component(service = PageResources.class, property = {
    "osgi.http.whiteboard.resource.pattern=" + ThisModule.UI_PATH + "/*",
    "osgi.http.whiteboard.resource.prefix=/ui",
    ThisModule.CONDITION
})
public class PageResources {
}
