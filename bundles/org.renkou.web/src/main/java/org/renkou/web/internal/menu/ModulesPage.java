package org.renkou.web.internal.menu;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/** Module administration (模块管理): each module's state and the switch with its plan. */
@Component(service = UiContribution.class)
@MenuEntry(id = "modules", name_zh = "模块管理", name_en = "Modules", group = "admin", order = 30,
        route = "modules", script = CorePages.SCRIPTS + "pages-modules.js",
        roles = {"ADMIN"})
public class ModulesPage implements UiContribution {
}
