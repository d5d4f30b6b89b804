/**
 * Renkou's shared domain API: the services every province and module bundle uses, their transfer objects and the
 * errors they raise. Implemented by {@code org.renkou.core}; spoken over HTTP by {@code org.renkou.rest}.
 */
@Version("2.2.0")
@Export
package org.renkou.core.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
