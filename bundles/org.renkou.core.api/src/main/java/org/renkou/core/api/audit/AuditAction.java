package org.renkou.core.api.audit;

/** What an {@link AuditEntryDTO audit entry} records. */
public enum AuditAction {
    /** A record was created. */
    CREATE,
    /** A record was changed; the entry holds old → new values. */
    UPDATE,
    /** A record was deleted; the entry holds the old values. */
    DELETE,
    /** Sensitive fields were read (health, contraception); the entry holds the reason given. */
    READ_SENSITIVE,
    /** A request was refused because the record lies outside the caller's jurisdiction or role. */
    DENIED,
    /** Many records were created at once (an import batch); the entry names the batch. */
    IMPORT,
    /** A module was switched on or off. */
    MODULE,
    /** Configuration was changed. */
    CONFIG
}
