package org.renkou.core.internal.entities;

import java.time.LocalDate;
import java.time.LocalDateTime;
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
import javax.persistence.Version;

import org.renkou.core.api.Sex;

/** Row of a birth registration (生育登记). */
@Entity
@Table(name = "BIRTH")
public class BirthEntity {
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
    @Version
    public Long version;
    @Column(name = "CREATED_AT")
    public LocalDateTime createdAt; // UTC
    @Column(name = "UPDATED_AT")
    public LocalDateTime updatedAt; // UTC

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
