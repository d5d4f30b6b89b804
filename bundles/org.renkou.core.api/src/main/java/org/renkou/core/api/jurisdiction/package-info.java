/**
 * The jurisdiction tree (行政区划) from province down to resident group, through
 * {@link org.renkou.core.api.jurisdiction.JurisdictionService}; the levels themselves are
 * {@link org.renkou.core.api.JurisdictionLevel}, which {@link org.renkou.core.api.Caller} needs for its scope.
 */
@Version("1.0.0")
@Export
package org.renkou.core.api.jurisdiction;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
