package org.renkou.web.internal.office;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/**
 * 批量导入 Import (issue 17): upload, progress, rejected rows, template and history, in {@code pages-imports.js}.
 * Kept out of {@code internal.menu} (the entries that shipped with issue 14) so that the pages added in parallel each
 * bring their own file.
 */
@Component(service = UiContribution.class)
@MenuEntry(id = "imports", name_zh = "批量导入", name_en = "Import", group = "office", order = 35,
        route = "imports", script = "/ui/pages-imports.js", roles = {"ADMIN", "DIRECTOR", "FAMILY_SERVICES"})
public class ImportPage implements UiContribution {
}
