/**
 * Benefits (奖励扶助/特别扶助/育儿补贴): the {@link org.renkou.core.api.benefit.BenefitScheme} extension point that
 * province bundles implement, and the applications (申请/审核/发放) the core tracks through the scheme's approval
 * chain.
 */
@Version("2.0.0")
@Export
package org.renkou.core.api.benefit;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
