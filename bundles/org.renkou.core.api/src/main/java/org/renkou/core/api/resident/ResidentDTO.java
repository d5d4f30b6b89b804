package org.renkou.core.api.resident;

import java.time.LocalDate;
import org.renkou.core.api.Sex;

/**
 * A resident (居民). Used to create, update and read one. Lists show {@link #idNumber} masked; the sensitive
 * {@link #healthNote} is filled only by {@link ResidentService#readSensitive}, which is audited.
 */
public class ResidentDTO {
    /** Renkou's key; filled on read, ignored on create. */
    public Long id;
    /** 公民身份号码 (GB 11643): unique; sex and birth date are taken from it. */
    public String idNumber;
    /** 姓名. */
    public String name;
    /** From the ID number; if given it must agree. */
    public Sex sex;
    /** From the ID number; if given it must agree. */
    public LocalDate birthDate;
    /** 现居住地: the community or resident group (in Renkou's tree) where the person lives now. */
    public String residenceCode;
    /** 户籍地: household registration place, a jurisdiction code (6 to 15 digits; may lie in another province). */
    public String registrationCode;
    public ResidenceStatus status;
    public MaritalStatus maritalStatus;
    /** 联系电话. */
    public String phone;
    /** 现住址 (street and number). */
    public String address;
    /** The household this person belongs to, if any; read only (set through the household). */
    public Long householdId;
    /** 健康备注: sensitive personal information, only from {@link ResidentService#readSensitive}. */
    public String healthNote;
    /** 户口性质 as the benefit schemes read it; {@code null} when not recorded. */
    public HukouNature hukouNature;
    /**
     * Living, disabled or deceased: sensitive (special families), only from {@link ResidentService#readSensitive};
     * on update {@code null} keeps what is recorded (reads never include it), on create it means living.
     */
    public VitalStatus vitalStatus;
    /** 残疾等级 1 (most severe) to 4 from the disability certificate, where recorded; only with DISABLED. Sensitive. */
    public Integer disabilityGrade;
    /** 死亡日期: required with DECEASED, not before the birth date nor in the future. Sensitive. */
    public LocalDate diedOn;
    /** Optimistic-lock version: required on update, filled on read. */
    public Long version;
}
