package org.renkou.warehouse.internal;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/**
 * The module's menu entry (避孕药具管理) and its pages: the web UI loads the entry's script (served by
 * {@link WarehouseUi}) while the entry is listed and opens its route. Keepers, directors and statisticians read the
 * stock, administrators set up stores; nobody else sees the entry. Switched off, the entry, the script and the pages
 * go together.
 */
@Component(service = UiContribution.class, property = Warehouse.CONDITION)
@MenuEntry(id = "warehouse", name_zh = "避孕药具管理", name_en = "Contraceptive warehouse", group = "modules",
        route = "warehouse", script = WarehouseUi.PATH + "/warehouse.js",
        roles = {"WAREHOUSE_KEEPER", "DIRECTOR", "STATISTICIAN", "ADMIN"})
public class WarehouseMenu implements UiContribution {
}
