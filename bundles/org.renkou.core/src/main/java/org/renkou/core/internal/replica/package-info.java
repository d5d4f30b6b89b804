/**
 * Report reads on a hot standby (热备库) where one is configured ({@code RENKOU_DB_REPLICA}): where they run, the
 * fallback to the primary, and the standby's health and metrics. Private to the core bundle.
 */
package org.renkou.core.internal.replica;
