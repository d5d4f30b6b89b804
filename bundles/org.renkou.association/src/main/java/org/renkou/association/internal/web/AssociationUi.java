package org.renkou.association.internal.web;

import org.osgi.service.component.annotations.Component;
import org.renkou.association.internal.Association;

/**
 * Serves the module's own pages (plain JavaScript and CSS from this bundle's {@code /ui}) at
 * {@code /ui/modules/association/*} while the module is on; the UI loads them through {@link AssociationMenu}.
 */
@Component(service = AssociationUi.class, property = {
    "osgi.http.whiteboard.resource.pattern=" + AssociationUi.PATH + "/*",
    "osgi.http.whiteboard.resource.prefix=/ui",
    Association.CONDITION
})
public class AssociationUi {
    static final String PATH = "/ui/modules/association";
}
