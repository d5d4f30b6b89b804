package org.renkou.school.internal.web;

import org.osgi.service.component.annotations.Component;
import org.renkou.school.internal.School;

/**
 * Serves the module's own pages (plain JavaScript and CSS from this bundle's {@code /ui}) at
 * {@code /ui/modules/school/*} while the module is on; the core's UI loads them through {@link SchoolMenu}.
 */
@Component(service = SchoolUi.class, property = {
    "osgi.http.whiteboard.resource.pattern=" + SchoolUi.PATH + "/*",
    "osgi.http.whiteboard.resource.prefix=/ui",
    School.CONDITION
})
public class SchoolUi {
    static final String PATH = "/ui/modules/school";
}
