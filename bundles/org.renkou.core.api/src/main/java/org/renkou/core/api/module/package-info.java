/**
 * Modules (功能模块): what an administrator switches on and off at runtime — each province and optional module, and
 * custom modules dropped into {@code deploy/}. {@link org.renkou.core.api.module.ModuleService} lists them, plans a
 * switch and performs it; {@link org.renkou.core.api.module.RenkouModules} says how a bundle joins a module.
 */
@Version("1.0.0")
@Export
package org.renkou.core.api.module;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
