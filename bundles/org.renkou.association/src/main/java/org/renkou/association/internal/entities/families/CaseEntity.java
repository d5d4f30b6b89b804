package org.renkou.association.internal.entities.families;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;

/** A special-family support case (计生特殊家庭帮扶) with its two contacts (双岗联系人). Sensitive. */
@Entity
@Table(name = "AS_CASE")
public class CaseEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ASSOCIATION_ID")
    public Long associationId;
    @Column(name = "HOUSEHOLD_ID")
    public Long householdId;
    @Column(name = "FAMILY_KIND")
    public String familyKind;
    @Column(name = "CONTACT_A")
    public String contactA;
    @Column(name = "CONTACT_B")
    public String contactB;
    @Column(name = "BENEFIT_APPLICATION_ID")
    public Long benefitApplicationId;
    @Column(name = "OPENED_ON")
    public LocalDate openedOn;
    @Column(name = "CLOSED_ON")
    public LocalDate closedOn;
    public String note;
    @Version
    public Long version;
}
