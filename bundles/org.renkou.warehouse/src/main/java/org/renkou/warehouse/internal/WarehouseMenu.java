package org.renkou.warehouse.internal;

import org.osgi.service.component.annotations.Component;

/** The module's menu entry (避孕药具管理), as a contribution the module manager's switch plan names. */
@Component(service = WarehouseMenu.class, property = {
    "renkou.contribution=menu",
    "renkou.contribution.name.zh=避孕药具管理",
    "renkou.contribution.name.en=Contraceptive warehouse",
    WarehouseDatabase.MODULE_CONDITION
})
public class WarehouseMenu {
}
