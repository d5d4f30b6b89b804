/**
 * The web UI's contribution model: every entry of the staff UI's menu — the core's pages as much as a module's —
 * is a {@link org.renkou.module.api.ui.UiContribution} service described by {@link org.renkou.module.api.ui.MenuEntry}.
 * The UI shell renders only what {@code GET /api/ui/menu} answers for the caller (roles checked on the server), so
 * a switched-off module's entries and pages vanish with its components.
 */
@Version("1.0.0")
@Export
package org.renkou.module.api.ui;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
