package org.renkou.core.internal.audit;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import org.renkou.core.api.audit.AuditAction;

/** Row of the audit log (审计). Written, never updated or deleted. */
@Entity
@Table(name = "AUDIT_ENTRY")
@NamedQuery(name = AuditEntryEntity.HISTORY, query = "SELECT a FROM AuditEntryEntity a "
        + "WHERE a.entityType = :type AND a.entityId = :id ORDER BY a.id")
public class AuditEntryEntity {
    public static final String HISTORY = "Audit.history";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "AT_TIME")
    public LocalDateTime at; // UTC
    public String actor;
    @Enumerated(EnumType.STRING)
    @Column(name = "ACTION_NAME")
    public AuditAction action;
    @Column(name = "ENTITY_TYPE")
    public String entityType;
    @Column(name = "ENTITY_ID")
    public String entityId;
    @Column(name = "JURISDICTION_CODE")
    public String jurisdictionCode;
    public String changes;
    public String reason;
}
