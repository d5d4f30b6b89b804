package org.renkou.web.internal.menu;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/** Statistics (统计报表): population and activity by jurisdiction and month, the Excel report. */
@Component(service = UiContribution.class)
@MenuEntry(id = "statistics", name_zh = "统计报表", name_en = "Statistics", group = "stats", order = 10,
        route = "statistics", script = CorePages.SCRIPTS + "pages-stats.js")
public class StatisticsPage implements UiContribution {
}
