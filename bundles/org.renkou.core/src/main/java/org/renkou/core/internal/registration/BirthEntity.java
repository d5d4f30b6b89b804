package org.renkou.core.internal.registration;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.renkou.core.api.Sex;
import org.renkou.core.internal.db.TimestampedEntity;

/** Row of a birth registration (生育登记). */
@Entity
@Table(name = "BIRTH")
public class BirthEntity extends TimestampedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "MOTHER_ID")
    public Long motherId;
    @Column(name = "FATHER_ID")
    public Long fatherId;
    @Column(name = "CHILD_ID")
    public Long childId;
    @Column(name = "CHILD_NAME")
    public String childName;
    @Enumerated(EnumType.STRING)
    @Column(name = "CHILD_SEX")
    public Sex childSex;
    @Column(name = "CHILD_BIRTH_DATE")
    public LocalDate childBirthDate;
    @Column(name = "BIRTH_ORDER")
    public int birthOrder;
    @Column(name = "REGISTERED_ON")
    public LocalDate registeredOn;

    public Map<String, Object> auditView() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("motherId", motherId);
        m.put("fatherId", fatherId);
        m.put("childId", childId);
        m.put("childName", childName);
        m.put("childSex", childSex);
        m.put("childBirthDate", childBirthDate);
        m.put("birthOrder", birthOrder);
        m.put("registeredOn", registeredOn);
        return m;
    }
}
