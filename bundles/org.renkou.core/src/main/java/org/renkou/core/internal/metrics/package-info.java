/** The core's metrics that belong to no service of its own: the database and its pool. */
package org.renkou.core.internal.metrics;
