package org.renkou.core.internal.migrant;

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

import org.renkou.core.api.migrant.HandoverKind;

/** One handover (移交) of a migrant record: never changed once written. */
@Entity
@Table(name = "MIGRANT_HANDOVER")
@NamedQuery(name = MigrantHandoverEntity.OF_MIGRANT,
        query = "SELECT h FROM MigrantHandoverEntity h WHERE h.migrantId = :m ORDER BY h.id")
public class MigrantHandoverEntity {
    public static final String OF_MIGRANT = "MigrantHandover.ofMigrant";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "MIGRANT_ID")
    public Long migrantId;
    @Enumerated(EnumType.STRING)
    public HandoverKind kind;
    @Column(name = "FROM_CODE")
    public String fromCode;
    @Column(name = "TO_CODE")
    public String toCode;
    public String actor;
    @Column(name = "AT_TIME")
    public LocalDateTime at; // UTC
    public String reason;
}
