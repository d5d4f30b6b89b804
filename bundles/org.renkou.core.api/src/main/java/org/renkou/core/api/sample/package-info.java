/**
 * Sample data (示例数据): {@link org.renkou.core.api.sample.SampleData}, the service the core registers when it has
 * loaded sample data into a new database, so that an optional module adds its own sample part then, once.
 */
@Version("1.0.0")
@Export
package org.renkou.core.api.sample;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
