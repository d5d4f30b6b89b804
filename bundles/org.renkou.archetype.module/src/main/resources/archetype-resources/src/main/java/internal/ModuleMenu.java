package ${package}.internal;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/**
 * The module's entry in the staff UI's menu (${moduleNameZh}): {@code GET /api/ui/menu} lists it for the roles
 * below; the UI then loads the script (served by {@link PageResources}) and opens the route. Switched off, the
 * entry, the script and the page go together.
 */
@Component(service = UiContribution.class, property = ThisModule.CONDITION)
@MenuEntry(id = ThisModule.ID, name_zh = "${moduleNameZh}", name_en = "${moduleNameEn}", group = "modules",
        route = ThisModule.ID, script = ThisModule.UI_PATH + "/${moduleId}.js",
        roles = {"FAMILY_SERVICES", "DIRECTOR", "ADMIN"})
public class ModuleMenu implements UiContribution {
}
