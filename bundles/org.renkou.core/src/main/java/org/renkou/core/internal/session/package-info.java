/** Login sessions kept in the database for every node (issue 18). */
package org.renkou.core.internal.session;
