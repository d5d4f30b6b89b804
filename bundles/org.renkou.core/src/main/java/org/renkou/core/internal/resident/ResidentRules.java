package org.renkou.core.internal.resident;

import java.time.LocalDate;
import java.util.regex.Pattern;

import javax.persistence.EntityManager;

import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.CitizenId;
import org.renkou.core.api.Input;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.resident.MaritalStatus;
import org.renkou.core.api.resident.ResidenceStatus;
import org.renkou.core.api.resident.ResidentDTO;

/**
 * The rules a resident record must meet, shared by {@link ResidentServiceImpl} (one at a time) and
 * {@link org.renkou.core.internal.imports.ResidentImporter} (a file at a time), so that an import accepts exactly what the form accepts.
 */
public final class ResidentRules {
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,20}");
    public static final Pattern REGION_CODE = Pattern.compile("\\d{6}|\\d{9}|\\d{12}|\\d{15}");

    private ResidentRules() {
    }

    /** Validated input, before the database is consulted. */
    public record Checked(CitizenId id, String name, String residenceCode, String registrationCode,
            ResidenceStatus status, MaritalStatus marital, String phone, String address, String healthNote) {
    }

    /** Checks the fields of {@code in} on their own; INVALID naming the first field at fault. */
    public static Checked check(ResidentDTO in) {
        Input.body(in);
        CitizenId cid = CitizenId.parse(in.idNumber, "idNumber", LocalDate.now(ChinaTime.ZONE));
        String name = Input.required(in.name, "name", "姓名", "name", 50);
        if (in.sex != null && in.sex != cid.sex()) {
            throw RenkouException.invalid("sex", "性别与身份证号码不符。", "The sex does not match the ID number.");
        }
        if (in.birthDate != null && !in.birthDate.equals(cid.birthDate())) {
            throw RenkouException.invalid("birthDate", "出生日期与身份证号码不符。",
                    "The birth date does not match the ID number.");
        }
        String residence = Input.required(in.residenceCode, "residenceCode", "现居住地", "place of residence", 15);
        JurisdictionLevel level = JurisdictionLevel.ofCodeFor(residence, "residenceCode");
        if (level != JurisdictionLevel.COMMUNITY && level != JurisdictionLevel.GROUP) {
            throw RenkouException.invalid("residenceCode", "现居住地应为社区/村或居民小组。",
                    "The place of residence must be a community/village or a resident group.");
        }
        String registration = Input.trimToNull(in.registrationCode);
        if (registration == null) {
            registration = residence;
        } else if (!REGION_CODE.matcher(registration).matches()) {
            throw RenkouException.invalid("registrationCode", "户籍地代码应为 6、9、12 或 15 位数字。",
                    "The registration place code must have 6, 9, 12 or 15 digits.");
        }
        String phone = Input.optional(in.phone, "phone", "联系电话", "phone number", 20);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            throw RenkouException.invalid("phone", "联系电话只能包含数字、空格、+ 和 -。",
                    "A phone number may contain only digits, spaces, + and -.");
        }
        return new Checked(cid, name, residence, registration,
                in.status == null ? ResidenceStatus.REGISTERED : in.status, in.maritalStatus, phone,
                Input.optional(in.address, "address", "住址", "address", 200),
                Input.optional(in.healthNote, "healthNote", "健康备注", "health note", 1000));
    }

    /**
     * The place of residence must exist and lie within the caller's jurisdictions.
     *
     * @param exists whether the jurisdiction {@code residenceCode} is in the tree
     */
    public static void checkPlace(Caller caller, String residenceCode, boolean exists) {
        if (!exists) {
            throw RenkouException.invalid("residenceCode", "现居住地 " + residenceCode + " 不存在。",
                    "Place of residence " + residenceCode + " does not exist.");
        }
        if (!caller.covers(residenceCode)) {
            throw RenkouException.invalid("residenceCode", "现居住地 " + residenceCode + " 不在您的辖区内。",
                    "Place of residence " + residenceCode + " lies outside your jurisdiction.");
        }
    }

    /**
     * Keeps the resident row of a migrant (流动人口) in step with the migrant registration: its residence changes only
     * by a handover, its registration place not at all (CONFLICT naming the field otherwise). Runs on every resident
     * update; reads the migrant table by JPQL so that the resident domain does not depend on the migrant one.
     */
    public static void checkMigrantPlaces(EntityManager em, long residentId, String residenceCode,
            String registrationCode) {
        for (Object[] places : em.createQuery("SELECT m.residenceCode, m.registrationCode FROM MigrantEntity m "
                + "WHERE m.residentId = :r", Object[].class).setParameter("r", residentId).getResultList()) {
            if (!places[0].equals(residenceCode)) {
                throw RenkouException.conflict("residenceCode", "该居民有流动人口登记，现居住地请通过移交修改。",
                        "The resident has a migrant registration; change the residence by a handover.");
            }
            if (!places[1].equals(registrationCode)) {
                throw RenkouException.conflict("registrationCode", "该居民有流动人口登记，户籍地不能在此修改。",
                        "The resident has a migrant registration; the registration place cannot be changed here.");
            }
        }
    }
}
