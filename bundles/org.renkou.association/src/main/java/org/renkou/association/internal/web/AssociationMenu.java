package org.renkou.association.internal.web;

import org.osgi.service.component.annotations.Component;
import org.renkou.association.internal.Association;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/**
 * The module's menu entry (计生协会) and its pages, loaded from {@link AssociationUi} while the entry is listed.
 * Switched off, the entry, the script and the pages go together.
 */
@Component(service = UiContribution.class, property = Association.CONDITION)
@MenuEntry(id = "association", name_zh = "计生协会", name_en = "Family planning association", group = "modules",
        route = "association", script = AssociationUi.PATH + "/association.js",
        roles = {"ASSOCIATION_SECRETARY", "DIRECTOR", "STATISTICIAN", "FAMILY_SERVICES", "ADMIN"})
public class AssociationMenu implements UiContribution {
}
