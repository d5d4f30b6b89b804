package org.renkou.web.internal.menu;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/** Households (户): search by number with their members. */
@Component(service = UiContribution.class)
@MenuEntry(id = "households", name_zh = "户", name_en = "Households", group = "office", order = 40,
        route = "households", script = CorePages.SCRIPTS + "pages-residents.js")
public class HouseholdsPage implements UiContribution {
}
