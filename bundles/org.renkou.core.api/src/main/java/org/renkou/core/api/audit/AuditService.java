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

    /**
     * Every entry the query matches (its offset and limit ignored), newest first, to {@code out}: one consistent
     * read, on the hot standby where one is configured and has caught up (it then holds every entry committed
     * before the export began), else on the primary. Refused, before any entry, as {@link #search} refuses.
     *
     * @return the number of entries exported
     * @throws java.io.UncheckedIOException when {@code out} fails
     */
    long export(Caller caller, AuditQuery query, AuditExport out);

    /** Records an event in its own transaction. */
    void record(Caller caller, AuditAction action, String entityType, String entityId, String jurisdictionCode,
            String changes, String reason);
}
