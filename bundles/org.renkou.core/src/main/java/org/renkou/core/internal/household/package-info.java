/**
 * Households (户) and their members.
 */
package org.renkou.core.internal.household;
