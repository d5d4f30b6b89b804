/**
 * What resources and servlets outside the REST host need from it: the JSON configuration ({@link
 * org.renkou.rest.api.Json}), problem+json answers ({@link org.renkou.rest.api.Problem}, {@link
 * org.renkou.rest.api.Problems}), the caller of a plain servlet request ({@link org.renkou.rest.api.ServletCallers})
 * and ending a staff member's sessions ({@link org.renkou.rest.api.Sessions}). A module's resources need none of it:
 * they attach with {@code org.renkou.module.api.rest}.
 */
@Version("1.0.0")
@Export
package org.renkou.rest.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
