package org.renkou.core.api.audit;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Page;

/**
 * The audit log (审计日志). Services write their entries in the same transaction as the change they record; this
 * service reads them, and lets modules record events that change no core row (a module switched, a setting
 * changed). Reading requires the AUDITOR, DIRECTOR or ADMIN role and keeps to the caller's jurisdictions.
 */
@ProviderType
public interface AuditService {

    /** Every entry about one record, oldest first. */
    List<AuditEntryDTO> history(Caller caller, String entityType, String entityId);

    /** A page of entries, newest first. */
    Page<AuditEntryDTO> search(Caller caller, AuditQuery query);

    /** Records an event in its own transaction. */
    void record(Caller caller, AuditAction action, String entityType, String entityId, String jurisdictionCode,
            String changes, String reason);
}
