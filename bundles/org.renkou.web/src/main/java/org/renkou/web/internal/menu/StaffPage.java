package org.renkou.web.internal.menu;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/** Staff administration (工作人员): accounts, roles, jurisdictions, password resets. */
@Component(service = UiContribution.class)
@MenuEntry(id = "staff", name_zh = "工作人员", name_en = "Staff", group = "admin", order = 20,
        route = "staff", script = CorePages.SCRIPTS + "pages-staff.js",
        roles = {"ADMIN"})
public class StaffPage implements UiContribution {
}
