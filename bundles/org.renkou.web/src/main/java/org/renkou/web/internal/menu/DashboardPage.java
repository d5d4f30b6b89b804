package org.renkou.web.internal.menu;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/** The dashboard (工作台): counts, pending decisions and charts; the page every login opens. */
@Component(service = UiContribution.class)
@MenuEntry(id = "dashboard", name_zh = "工作台", name_en = "Dashboard", group = "office", order = 10,
        route = "dashboard", script = CorePages.SCRIPTS + "pages-stats.js")
public class DashboardPage implements UiContribution {
}
