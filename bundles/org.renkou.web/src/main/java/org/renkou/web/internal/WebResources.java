package org.renkou.web.internal;

import org.osgi.service.component.annotations.Component;

/** Serves the UI's static files from this bundle's {@code /static} folder at {@code /ui/*}. */
@Component(service = WebResources.class, property = {
    "osgi.http.whiteboard.resource.pattern=/ui/*",
    "osgi.http.whiteboard.resource.prefix=/static"
})
public class WebResources {
}
