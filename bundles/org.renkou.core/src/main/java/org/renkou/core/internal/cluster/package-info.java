/** Several nodes on one database (issue 18): which node runs the scheduled jobs. */
package org.renkou.core.internal.cluster;
