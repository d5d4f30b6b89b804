package org.renkou.web.internal;

import org.osgi.service.component.annotations.Component;

/**
 * Serves the WebJars embedded in this bundle (see {@code bnd.bnd}) at {@code /ui/webjars/*}, with the paths WebJars
 * use everywhere: {@code /ui/webjars/chart.js/4.4.1/dist/chart.umd.js}.
 */
@Component(service = WebJarResources.class, property = {
    "osgi.http.whiteboard.resource.pattern=/ui/webjars/*",
    "osgi.http.whiteboard.resource.prefix=/META-INF/resources/webjars"
})
public class WebJarResources {
}
