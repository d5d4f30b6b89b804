package org.renkou.school.internal.web;

import org.osgi.service.component.annotations.Component;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;
import org.renkou.school.internal.School;

/**
 * The module's menu entry (人口学校): listed for teachers, directors, family-services officers, statisticians and
 * administrators while the module is on, with its card on the dashboard (the quarter's coverage) and its panel on
 * a resident's page (the person's classes); switched off, the entry, the script, the pages, card and panel go together.
 */
@Component(service = UiContribution.class, property = School.CONDITION)
@MenuEntry(id = "school", name_zh = "人口学校", name_en = "Population school", group = "modules",
        route = "school", script = SchoolUi.PATH + "/school.js",
        roles = {"TEACHER", "DIRECTOR", "FAMILY_SERVICES", "STATISTICIAN", "ADMIN"},
        slots = {MenuEntry.SLOT_DASHBOARD, MenuEntry.SLOT_RESIDENT})
public class SchoolMenu implements UiContribution {
}
