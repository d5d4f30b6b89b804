/**
 * Typed contributions of a module besides its pages ({@link org.renkou.module.api.ui.MenuEntry}): reports
 * ({@link org.renkou.module.api.contribution.ReportContribution}) and scheduled jobs
 * ({@link org.renkou.module.api.contribution.JobContribution}). Each is a component property type producing
 * {@code renkou.contribution.kind} and the names, which the module switch plan reads to say what appears or
 * disappears.
 */
@Version("1.0.0")
@Export
package org.renkou.module.api.contribution;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
