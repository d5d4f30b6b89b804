/**
 * The audit log (审计日志): {@link org.renkou.core.internal.audit.AuditLog} is the one way an entry is written (in the
 * transaction of the change, or a refusal in its own); {@code AuditServiceImpl} reads it.
 */
package org.renkou.core.internal.audit;
