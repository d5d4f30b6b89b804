/**
 * REST for modules: the {@link org.renkou.module.api.rest.RestCaller caller} of a request to Renkou's JAX-RS
 * application under {@code /api}, and the component property types that attach a module's resources and
 * extensions to it ({@link org.renkou.module.api.rest.RestResource}, {@link org.renkou.module.api.rest.RestExtension}).
 */
@Version("1.0.0")
@Export
package org.renkou.module.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
