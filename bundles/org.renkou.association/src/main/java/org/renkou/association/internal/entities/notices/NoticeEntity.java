package org.renkou.association.internal.entities.notices;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** An item of the notice board (公开栏). */
@Entity
@Table(name = "AS_NOTICE")
public class NoticeEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ASSOCIATION_ID")
    public Long associationId;
    public String kind;
    public String title;
    public String body;
    @Column(name = "PUBLISH_FROM")
    public LocalDate publishFrom;
    @Column(name = "PUBLISH_UNTIL")
    public LocalDate publishUntil;
    @Column(name = "WITHDRAWN_ON")
    public LocalDate withdrawnOn;
    @Column(name = "CREATED_BY")
    public String createdBy;
    @Version
    public Long version;
}
