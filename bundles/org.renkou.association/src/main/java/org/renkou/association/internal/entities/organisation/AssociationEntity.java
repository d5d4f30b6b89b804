package org.renkou.association.internal.entities.organisation;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** An association (计生协会) of one jurisdiction; {@code secretary} is the staff username of its secretary (秘书). */
@Entity
@Table(name = "AS_ASSOCIATION")
public class AssociationEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public String name;
    @Column(name = "JURISDICTION_CODE")
    public String jurisdictionCode;
    public String secretary;
    @Column(name = "FOUNDED_ON")
    public LocalDate foundedOn;
    @Version
    public Long version;
}
