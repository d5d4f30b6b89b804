package org.renkou.web.internal.menu;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/** Policy answers (政策查询): schemes for a resident or a family, and the leave calculator for a birth event. */
@Component(service = UiContribution.class)
@MenuEntry(id = "policy", name_zh = "政策查询", name_en = "Policy answers", group = "office", order = 100,
        route = "policy", script = CorePages.SCRIPTS + "pages-policy.js")
public class PolicyPage implements UiContribution {
}
