package org.renkou.core.internal.household;


import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import org.renkou.core.internal.db.TimestampedEntity;

/** Row of a household (户). Members are residents pointing at it ({@code ResidentEntity.householdId}). */
@Entity
@Table(name = "HOUSEHOLD")
@NamedQuery(name = HouseholdEntity.BY_NUMBER, query = "SELECT h FROM HouseholdEntity h WHERE h.number = :n")
public class HouseholdEntity extends TimestampedEntity {
    public static final String BY_NUMBER = "Household.byNumber";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "HH_NUMBER")
    public String number;
    @Column(name = "RESIDENCE_CODE")
    public String residenceCode;
    public String address;
}
