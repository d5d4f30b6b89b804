/**
 * The web UI's contribution model: every entry of the staff UI's menu — the core's pages as much as a module's —
 * is a {@link org.renkou.module.api.ui.UiContribution} service described by {@link org.renkou.module.api.ui.MenuEntry}.
 * The UI shell renders only what {@code GET /api/ui/menu} answers for the caller (roles checked on the server), so
 * a switched-off module's entries and pages vanish with its components. An entry may also fill slots of the core's
 * pages (a dashboard card, a panel on a resident's page; {@link org.renkou.module.api.ui.MenuEntry#slots()}, since
 * 1.1), which vanish with it.
 */
@Version("1.1.0")
@Export
package org.renkou.module.api.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
