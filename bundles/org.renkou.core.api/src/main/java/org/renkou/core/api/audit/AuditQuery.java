package org.renkou.core.api.audit;

import java.time.Instant;

/** Filters for {@link AuditService#search}; every field optional. */
public class AuditQuery {
    public String actor;
    public AuditAction action;
    public String entityType;
    public String entityId;
    /** At or after. */
    public Instant from;
    /** Before. */
    public Instant to;
    public Integer offset;
    public Integer limit;
}
