package org.renkou.web.internal.menu;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/** Certificates (证件): issue, print with a verification code, reprint, revoke, verify a paper copy. */
@Component(service = UiContribution.class)
@MenuEntry(id = "certificates", name_zh = "证件", name_en = "Certificates", group = "office", order = 60,
        route = "certificates", script = CorePages.SCRIPTS + "pages-certificates.js")
public class CertificatesPage implements UiContribution {
}
