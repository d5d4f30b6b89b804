/**
 * Regional policy (地方政策): the {@link org.renkou.core.api.province.RegionalPolicy} extension point a province
 * bundle implements (its benefit schemes, leave entitlements, forms and certificate numbering, each value with its
 * legal source and dates), and the core's {@link org.renkou.core.api.province.PolicyRegistry}, which answers which
 * active policy serves a jurisdiction. How to write a province bundle: {@code docs/province-bundles.md}.
 */
@Version("2.1.0")
@Export
package org.renkou.core.api.province;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
