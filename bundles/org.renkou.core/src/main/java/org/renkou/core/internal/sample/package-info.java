/**
 * Sample jurisdictions and the county generator (test and benchmark data).
 */
package org.renkou.core.internal.sample;
