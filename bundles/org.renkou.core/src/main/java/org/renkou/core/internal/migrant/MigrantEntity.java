package org.renkou.core.internal.migrant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.persistence.CollectionTable;
import javax.persistence.Column;
import javax.persistence.ElementCollection;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import org.renkou.core.api.migrant.MigrantStatus;
import org.renkou.core.internal.db.TimestampedEntity;

/** Row of a migrant registration (流动人口登记); the person is the resident row {@link #residentId}. */
@Entity
@Table(name = "MIGRANT")
@NamedQuery(name = MigrantEntity.BY_RESIDENT, query = "SELECT m FROM MigrantEntity m WHERE m.residentId = :r")
public class MigrantEntity extends TimestampedEntity {
    public static final String BY_RESIDENT = "Migrant.byResident";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "RESIDENT_ID")
    public Long residentId;
    @Column(name = "REGISTRATION_CODE")
    public String registrationCode;
    @Column(name = "RESIDENCE_CODE")
    public String residenceCode;
    @Column(name = "RESPONSIBLE_CODE")
    public String responsibleCode;
    @Column(name = "ARRIVAL_DATE")
    public LocalDate arrivalDate;
    @Enumerated(EnumType.STRING)
    public MigrantStatus status;
    @Column(name = "DEPARTURE_DATE")
    public LocalDate departureDate;
    @Column(name = "DESTINATION_CODE")
    public String destinationCode;
    @Column(name = "DESTINATION_NOTE")
    public String destinationNote;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "MIGRANT_CERTIFICATE", joinColumns = @JoinColumn(name = "MIGRANT_ID"))
    public List<CertificateSeen> certificates = new ArrayList<>();

    /** The audited fields and their values. */
    public Map<String, Object> auditView() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("residentId", residentId);
        m.put("registrationCode", registrationCode);
        m.put("residenceCode", residenceCode);
        m.put("responsibleCode", responsibleCode);
        m.put("arrivalDate", arrivalDate);
        m.put("certificates", certificates.toString());
        m.put("status", status);
        m.put("departureDate", departureDate);
        m.put("destinationCode", destinationCode);
        m.put("destinationNote", destinationNote);
        return m;
    }
}
