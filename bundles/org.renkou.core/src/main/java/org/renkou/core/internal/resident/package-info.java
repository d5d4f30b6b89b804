/**
 * Residents (居民): the service, the list on indexes, the input rules and the dual-jurisdiction visibility rule.
 */
package org.renkou.core.internal.resident;
