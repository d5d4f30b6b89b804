package org.renkou.warehouse.internal;

import org.osgi.service.component.annotations.Component;

/**
 * The module's menu entry (避孕药具管理) and its pages: the web UI loads {@code renkou.contribution.script} (served by
 * {@link WarehouseUi}) while this entry is listed and opens {@code renkou.contribution.route}. Switched off, the
 * entry, the script and the pages go together.
 */
@Component(service = WarehouseMenu.class, property = {
    "renkou.contribution=menu",
    "renkou.contribution.name.zh=避孕药具管理",
    "renkou.contribution.name.en=Contraceptive warehouse",
    "renkou.contribution.script=" + WarehouseUi.PATH + "/warehouse.js",
    "renkou.contribution.route=warehouse",
    "renkou.contribution.module=warehouse",
    WarehouseDatabase.MODULE_CONDITION
})
public class WarehouseMenu {
}
