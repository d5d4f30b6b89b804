package org.renkou.module.api.ui;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Marker service of an entry in the staff UI (a page with its menu entry), described by the {@link MenuEntry}
 * properties of the component that registers it:
 *
 * <pre>
 * &#64;Component(service = UiContribution.class)
 * &#64;MenuEntry(id = "warehouse", name_zh = "避孕药具管理", name_en = "Contraceptive warehouse", group = "modules",
 *         route = "warehouse", script = "/ui/modules/warehouse/warehouse.js",
 *         roles = {"WAREHOUSE_KEEPER", "DIRECTOR", "ADMIN"})
 * public class WarehouseMenu implements UiContribution {
 * }
 * </pre>
 */
@ConsumerType
public interface UiContribution {
}
