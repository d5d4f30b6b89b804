package org.renkou.web.internal.menu;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/** Migrants (流动人口): list, register, one registration with certificates, handovers, departure and notes. */
@Component(service = UiContribution.class)
@MenuEntry(id = "migrants", name_zh = "流动人口", name_en = "Migrants", group = "office", order = 80,
        route = "migrants", script = CorePages.SCRIPTS + "pages-migrants.js")
public class MigrantsPage implements UiContribution {
}
