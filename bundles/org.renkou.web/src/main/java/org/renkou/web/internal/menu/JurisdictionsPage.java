package org.renkou.web.internal.menu;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/** The jurisdiction tree (行政区划). */
@Component(service = UiContribution.class)
@MenuEntry(id = "tree", name_zh = "行政区划", name_en = "Jurisdictions", group = "office", order = 20,
        route = "tree", script = CorePages.SCRIPTS + "pages-jurisdictions.js")
public class JurisdictionsPage implements UiContribution {
}
