package org.renkou.core.api.audit;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives an audit log export ({@link AuditService#export}) entry by entry, so a large log never sits in memory.
 * The read behind it may run twice — on a hot standby (热备库) that fails part-way, then on the primary — so
 * {@link #restart()} means: drop what came so far, the entries come again from the first.
 */
@ConsumerType
public interface AuditExport {

    /** The next entry, newest first. */
    void entry(AuditEntryDTO entry) throws IOException;

    /** The read starts over: forget the entries received so far. */
    void restart() throws IOException;
}
