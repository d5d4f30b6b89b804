package org.renkou.core.api.audit;

import java.time.Instant;

/** One audit entry (审计记录): who did what to which record, when, and the values before and after. */
public class AuditEntryDTO {
    public Long id;
    public Instant at;
    /** Username of the staff member (or {@code system}). */
    public String actor;
    public AuditAction action;
    /** E.g. {@code resident}, {@code household}, {@code module}. */
    public String entityType;
    public String entityId;
    /** Jurisdiction of the record, so that auditors can be scoped too. */
    public String jurisdictionCode;
    /** JSON object {@code {"field": ["old", "new"], …}}; for reads, the fields read. */
    public String changes;
    /** Reason given by the staff member, if any. */
    public String reason;
}
