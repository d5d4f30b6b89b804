package org.renkou.web.internal.menu;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/** The audit log (审计日志), for auditors, directors and administrators. */
@Component(service = UiContribution.class)
@MenuEntry(id = "audit", name_zh = "审计日志", name_en = "Audit log", group = "admin", order = 10,
        route = "audit", script = CorePages.SCRIPTS + "pages-audit.js",
        roles = {"AUDITOR", "DIRECTOR", "ADMIN"})
public class AuditPage implements UiContribution {
}
