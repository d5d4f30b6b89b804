/**
 * Households (户): the {@link org.renkou.core.api.household.HouseholdService} and each member's
 * {@link org.renkou.core.api.household.Relation relation} to the head of the household.
 */
@Version("1.0.0")
@Export
package org.renkou.core.api.household;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
