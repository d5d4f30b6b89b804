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
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import org.renkou.core.api.registration.MarriageStatus;
import org.renkou.core.internal.db.TimestampedEntity;

/** Row of a marriage registration (婚姻登记). */
@Entity
@Table(name = "MARRIAGE")
@NamedQuery(name = MarriageEntity.CURRENT_OF, query = "SELECT m FROM MarriageEntity m WHERE m.status = "
        + "org.renkou.core.api.registration.MarriageStatus.CURRENT AND (m.partyAId = :p OR m.partyBId = :p)")
public class MarriageEntity extends TimestampedEntity {
    public static final String CURRENT_OF = "Marriage.currentOf";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "PARTY_A_ID")
    public Long partyAId;
    @Column(name = "PARTY_B_ID")
    public Long partyBId;
    @Column(name = "MARRIAGE_DATE")
    public LocalDate marriageDate;
    public String authority;
    @Column(name = "CERTIFICATE_NUMBER")
    public String certificateNumber;
    @Enumerated(EnumType.STRING)
    public MarriageStatus status;
    @Column(name = "ENDED_ON")
    public LocalDate endedOn;
    @Column(name = "END_REASON")
    public String endReason;

    public Map<String, Object> auditView() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("partyAId", partyAId);
        m.put("partyBId", partyBId);
        m.put("marriageDate", marriageDate);
        m.put("authority", authority);
        m.put("certificateNumber", certificateNumber);
        m.put("status", status);
        m.put("endedOn", endedOn);
        m.put("endReason", endReason);
        return m;
    }
}
