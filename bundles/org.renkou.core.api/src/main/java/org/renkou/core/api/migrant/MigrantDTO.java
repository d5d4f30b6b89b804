package org.renkou.core.api.migrant;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.renkou.core.api.Sex;

/**
 * A migrant resident registration (流动人口登记). Registering creates the resident (status {@code MIGRANT}) and
 * this record together. The stay data ({@link #arrivalDate}, {@link #certificates}, departure) is kept by the
 * place of residence; the registration place ({@link #registrationCode}, 户籍地) reads it and adds notes.
 */
public class MigrantDTO {
    public Long id;
    /** The resident row (read only). */
    public Long residentId;
    /** 公民身份号码: required on registration, masked in lists, not changeable here. */
    public String idNumber;
    /** 姓名: required on registration. */
    public String name;
    /** From the ID number (read only). */
    public Sex sex;
    /** From the ID number (read only). */
    public LocalDate birthDate;
    /** 户籍地: the household registration place, 6 to 15 digits, any province; not the residence. */
    public String registrationCode;
    /** 现居住地: a community or resident group in Renkou's tree; changed only by a handover. */
    public String residenceCode;
    /** The office keeping the stay data: the residence unless responsibility was handed over (read only). */
    public String responsibleCode;
    /** 到达日期: not in the future. */
    public LocalDate arrivalDate;
    /** Certificates seen (验证). An update replaces the list. */
    public List<CertificateSeenDTO> certificates = new ArrayList<>();
    /** 联系电话: given on registration, kept on the resident (change it there). */
    public String phone;
    /** Read only: set by a departure. */
    public MigrantStatus status;
    public LocalDate departureDate;
    public String destinationCode;
    public String destinationNote;
    /** Read only: handovers, oldest first (not in lists). */
    public List<HandoverDTO> handovers;
    /** Read only: notes of both sides, oldest first (not in lists). */
    public List<MigrantNoteDTO> notes;
    /** Read only: whether the caller may change the stay data (the caller covers the responsible office). */
    public Boolean editable;
    /** Optimistic-lock version: required on update, departure and handover. */
    public Long version;
}
