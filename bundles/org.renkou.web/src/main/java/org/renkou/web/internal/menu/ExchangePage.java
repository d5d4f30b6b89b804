package org.renkou.web.internal.menu;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/** Information exchange (信息交换): inbox, outbox, replies, sending, reply and on-time rates. */
@Component(service = UiContribution.class)
@MenuEntry(id = "exchange", name_zh = "信息交换", name_en = "Information exchange", group = "office", order = 90,
        route = "exchange", script = CorePages.SCRIPTS + "pages-exchange.js")
public class ExchangePage implements UiContribution {
}
