/**
 * Renkou's module API (模块接口): what a module — ours or a provincial IT team's — compiles against besides
 * {@code org.renkou.core.api}. This package holds the module descriptor ({@link org.renkou.module.api.RenkouModule})
 * and the names a module is built on ({@link org.renkou.module.api.RenkouModules}); the subpackages hold its
 * persistence ({@code db}), REST ({@code rest}), UI ({@code ui}) and other contributions ({@code contribution}).
 */
@Version("1.0.0")
@Export
package org.renkou.module.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
