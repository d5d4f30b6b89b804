package org.renkou.web.internal.menu;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/** Residents (居民): search and a resident's page with the sensitive fields behind a reason. */
@Component(service = UiContribution.class)
@MenuEntry(id = "residents", name_zh = "居民", name_en = "Residents", group = "office", order = 30,
        route = "residents", script = CorePages.SCRIPTS + "pages-residents.js")
public class ResidentsPage implements UiContribution {
}
