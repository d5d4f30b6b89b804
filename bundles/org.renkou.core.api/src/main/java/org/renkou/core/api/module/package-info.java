/**
 * Modules (功能模块) as the administrator manages them: each province and optional module, and custom modules
 * dropped into {@code deploy/}. {@link org.renkou.core.api.module.ModuleService} lists them, plans a switch and
 * performs it. How a bundle becomes a module (its descriptor, condition, migrations and contributions) is the
 * module API's business: {@code org.renkou.module.api}.
 */
@Version("2.0.0")
@Export
package org.renkou.core.api.module;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
