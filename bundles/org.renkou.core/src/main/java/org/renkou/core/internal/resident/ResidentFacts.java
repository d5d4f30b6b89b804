package org.renkou.core.internal.resident;

import java.time.LocalDate;

import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.VitalStatus;

/**
 * The facts the benefit schemes decide on besides a resident's identity (issue 17): living, disabled (with the
 * certificate's grade) or deceased (with the date). Checked here, apart from {@link ResidentRules}, because they are
 * sensitive: a form that never read them sends none, and then what is recorded stays.
 */
public final class ResidentFacts {
    private ResidentFacts() {
    }

    /** Checked vital facts; {@code status == null} means "not sent: keep what is recorded". */
    public record Vital(VitalStatus status, Integer disabilityGrade, LocalDate diedOn) {
    }

    /**
     * Checks {@code in}'s vital facts against the birth date (from the ID number) and today in China: a grade only
     * with DISABLED and 1 to 4, a death date with DECEASED only, not before the birth nor in the future.
     */
    public static Vital check(ResidentDTO in, LocalDate birthDate) {
        return check(in, birthDate, LocalDate.now(ChinaTime.ZONE));
    }

    static Vital check(ResidentDTO in, LocalDate birthDate, LocalDate today) {
        if (in.vitalStatus == null) {
            if (in.disabilityGrade != null || in.diedOn != null) {
                throw RenkouException.invalid("vitalStatus", "填写残疾等级或死亡日期时，请同时选择状况（伤残/死亡）。",
                        "Give the status (DISABLED or DECEASED) with a disability grade or a date of death.");
            }
            return new Vital(null, null, null);
        }
        if (in.disabilityGrade != null) {
            if (in.vitalStatus != VitalStatus.DISABLED) {
                throw RenkouException.invalid("disabilityGrade", "只有伤残状况才填写残疾等级。",
                        "A disability grade goes only with the status DISABLED.");
            }
            if (in.disabilityGrade < 1 || in.disabilityGrade > 4) {
                throw RenkouException.invalid("disabilityGrade", "残疾等级应为 1 至 4 级（残疾人证）。",
                        "The disability grade is 1 to 4 (disability certificate).");
            }
        }
        if (in.vitalStatus == VitalStatus.DECEASED) {
            if (in.diedOn == null) {
                throw RenkouException.invalid("diedOn", "请填写死亡日期。", "Give the date of death.");
            }
            if (birthDate != null && in.diedOn.isBefore(birthDate)) {
                throw RenkouException.invalid("diedOn", "死亡日期不能早于出生日期。",
                        "The date of death cannot lie before the date of birth.");
            }
            if (in.diedOn.isAfter(today)) {
                throw RenkouException.invalid("diedOn", "死亡日期不能晚于今天。", "The date of death cannot lie in the future.");
            }
        } else if (in.diedOn != null) {
            throw RenkouException.invalid("diedOn", "只有死亡状况才填写死亡日期。",
                    "A date of death goes only with the status DECEASED.");
        }
        return new Vital(in.vitalStatus, in.disabilityGrade, in.diedOn);
    }

    /** Writes checked facts; "not sent" keeps the record's (or, on a new record, leaves it living). */
    public static void apply(Vital v, ResidentEntity e) {
        if (v.status() == null) {
            return;
        }
        e.vitalStatus = v.status();
        e.disabilityGrade = v.disabilityGrade();
        e.diedOn = v.diedOn();
    }

    /** Fills the sensitive facts into a DTO read through {@code readSensitive}. */
    public static void fill(ResidentEntity e, ResidentDTO d) {
        d.vitalStatus = e.vitalStatus == null ? VitalStatus.LIVING : e.vitalStatus;
        d.disabilityGrade = e.disabilityGrade;
        d.diedOn = e.diedOn;
    }

    /**
     * What the audit log holds of the facts: only whether something other than "living" is recorded, never the
     * values (not even a hash: four grades and a date are easy to guess back from one). An update that changes
     * them marks the change with {@link #CHANGED}.
     */
    static String auditMark(ResidentEntity e) {
        boolean special = e.vitalStatus != null && e.vitalStatus != VitalStatus.LIVING;
        return special ? "(已登记 / recorded)" : null;
    }

    static final String CHANGED = "(已更改 / changed)";

    /** Whether the recorded facts differ from {@code before} (a status, grade, date triple). */
    static boolean changed(Vital before, ResidentEntity e) {
        return before.status() != e.vitalStatus || !java.util.Objects.equals(before.disabilityGrade(), e.disabilityGrade)
                || !java.util.Objects.equals(before.diedOn(), e.diedOn);
    }
}
