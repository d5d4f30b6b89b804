package org.renkou.core.internal.resident;

import org.renkou.core.api.Caller;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EntityListeners;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import org.renkou.core.api.Sex;
import org.renkou.core.api.household.Relation;
import org.renkou.core.api.resident.HukouNature;
import org.renkou.core.api.resident.MaritalStatus;
import org.renkou.core.api.resident.ResidenceStatus;
import org.renkou.core.api.resident.VitalStatus;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.TimestampedEntity;

/** Row of a resident (居民). Never leaves the core bundle; see {@code ResidentDTO}. */
@Entity
@Table(name = "RESIDENT")
@EntityListeners(org.renkou.core.internal.resident.ResidentCounts.Listener.class)
@NamedQuery(name = ResidentEntity.BY_ID_NUMBER, query = "SELECT r FROM ResidentEntity r WHERE r.idNumber = :n")
@NamedQuery(name = ResidentEntity.BY_HOUSEHOLD,
        query = "SELECT r FROM ResidentEntity r WHERE r.householdId = :h ORDER BY r.id")
public class ResidentEntity extends TimestampedEntity {
    public static final String BY_ID_NUMBER = "Resident.byIdNumber";
    public static final String BY_HOUSEHOLD = "Resident.byHousehold";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "ID_NUMBER")
    public String idNumber;
    public String name;
    /** {@link NameKeys Sort key} of the name (pinyin order), written with the name. */
    @Column(name = "NAME_KEY")
    public String nameKey;
    @Enumerated(EnumType.STRING)
    public Sex sex;
    @Column(name = "BIRTH_DATE")
    public LocalDate birthDate;
    @Column(name = "RESIDENCE_CODE")
    public String residenceCode;
    @Column(name = "REGISTRATION_CODE")
    public String registrationCode;
    @Enumerated(EnumType.STRING)
    public ResidenceStatus status;
    @Enumerated(EnumType.STRING)
    @Column(name = "MARITAL_STATUS")
    public MaritalStatus maritalStatus;
    public String phone;
    public String address;
    @Column(name = "HEALTH_NOTE")
    public String healthNote;
    @Column(name = "HOUSEHOLD_ID")
    public Long householdId;
    @Enumerated(EnumType.STRING)
    public Relation relation;
    @Column(name = "IMPORT_JOB")
    public String importJob;
    @Enumerated(EnumType.STRING)
    @Column(name = "HUKOU_NATURE")
    public HukouNature hukouNature;
    /** {@code null} reads as living (rows from before V17). Sensitive, like the two below. */
    @Enumerated(EnumType.STRING)
    @Column(name = "VITAL_STATUS")
    public VitalStatus vitalStatus;
    @Column(name = "DISABILITY_GRADE")
    public Integer disabilityGrade;
    @Column(name = "DIED_ON")
    public LocalDate diedOn;

    /** The audited fields and their values (the health note only as whether it is set: its text is sensitive). */
    public Map<String, Object> auditView() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("idNumber", idNumber);
        m.put("name", name);
        m.put("sex", sex);
        m.put("birthDate", birthDate);
        m.put("residenceCode", residenceCode);
        m.put("registrationCode", registrationCode);
        m.put("status", status);
        m.put("maritalStatus", maritalStatus);
        m.put("phone", phone);
        m.put("address", address);
        m.put("healthNote", AuditLog.sensitive(healthNote));
        m.put("householdId", householdId);
        m.put("relation", relation);
        m.put("hukouNature", hukouNature);
        // special-family facts: that they changed, never what they are (ResidentFacts.auditMark)
        m.put("vitalFacts", ResidentFacts.auditMark(this));
        return m;
    }

    /** Dual jurisdiction (双重管理): the place of residence and the place of registration both see the resident. */
    public boolean visibleTo(Caller caller) {
        return caller.coversAny(residenceCode, registrationCode);
    }
}
