package org.renkou.warehouse.internal;

import org.osgi.service.component.annotations.Component;

/**
 * Serves the module's own pages (plain JavaScript and CSS from this bundle's {@code /ui}) at
 * {@code /ui/modules/warehouse/*} while the module is on; the core's UI loads them through {@link WarehouseMenu}.
 */
@Component(service = WarehouseUi.class, property = {
    "osgi.http.whiteboard.resource.pattern=" + WarehouseUi.PATH + "/*",
    "osgi.http.whiteboard.resource.prefix=/ui",
    Warehouse.CONDITION
})
public class WarehouseUi {
    static final String PATH = "/ui/modules/warehouse";
}
