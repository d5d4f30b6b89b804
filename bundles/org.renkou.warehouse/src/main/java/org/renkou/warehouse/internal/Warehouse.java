package org.renkou.warehouse.internal;

import org.renkou.module.api.RenkouModule;
import org.renkou.module.api.RenkouModules;

/**
 * The module descriptor of the contraceptive warehouse (避孕药具管理): its id, written only here. It becomes the
 * bundle's {@code Renkou-Module} header, the condition every component of the module waits for, the migrations
 * folder {@code db/warehouse} and, through those migrations, the tables the module owns.
 */
@RenkouModule(id = Warehouse.ID, name_zh = "避孕药具管理", name_en = "Contraceptive warehouse",
        requires = {"core", "web"})
final class Warehouse {
    static final String ID = "warehouse";
    /** The DS 1.5 condition every component of the module carries: active only while the module is on. */
    static final String CONDITION = RenkouModules.CONDITION_PROPERTY + ID + ")";

    private Warehouse() {
    }
}
