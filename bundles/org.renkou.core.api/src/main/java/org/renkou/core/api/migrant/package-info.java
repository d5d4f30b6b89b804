/**
 * Migrant residents (流动人口) registered at the place of residence (现居住地) and seen by the household
 * registration place (户籍地): {@link org.renkou.core.api.migrant.MigrantService}, its transfer objects and enums.
 * The messages between the two places are in {@link org.renkou.core.api.exchange}.
 */
@Version("2.0.0")
@Export
package org.renkou.core.api.migrant;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
