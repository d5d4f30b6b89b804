/**
 * Migrants (流动人口): registration at the place of residence, stays, departures, handovers, notes.
 */
package org.renkou.core.internal.migrant;
