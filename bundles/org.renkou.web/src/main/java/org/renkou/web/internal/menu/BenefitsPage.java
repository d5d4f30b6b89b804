package org.renkou.web.internal.menu;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/** Benefit applications (奖励扶助申请) through their approval chain, notices and objections. */
@Component(service = UiContribution.class)
@MenuEntry(id = "benefits", name_zh = "奖励扶助申请", name_en = "Benefit applications", group = "office", order = 70,
        route = "benefits", script = CorePages.SCRIPTS + "pages-benefits.js")
public class BenefitsPage implements UiContribution {
}
