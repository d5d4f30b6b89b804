/**
 * Migrant residents (流动人口) and the inter-region information exchange (信息交换) between the place of residence
 * (现居住地) and the household registration place (户籍地): {@link org.renkou.core.api.migrant.MigrantService} and
 * {@link org.renkou.core.api.migrant.ExchangeService}, their transfer objects and enums.
 */
@Version("1.0.0")
@Export
package org.renkou.core.api.migrant;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
