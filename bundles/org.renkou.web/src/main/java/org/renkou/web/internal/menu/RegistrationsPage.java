package org.renkou.web.internal.menu;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/** Marriage and birth registrations (婚育登记). */
@Component(service = UiContribution.class)
@MenuEntry(id = "registrations", name_zh = "婚育登记", name_en = "Registrations", group = "office", order = 50,
        route = "registrations", script = CorePages.SCRIPTS + "pages-registrations.js")
public class RegistrationsPage implements UiContribution {
}
