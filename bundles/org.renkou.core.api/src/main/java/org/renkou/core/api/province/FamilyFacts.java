package org.renkou.core.api.province;

import java.time.LocalDate;
import java.util.List;

import org.renkou.core.api.Sex;

/**
 * What the schemes need to know about a person and their children (家庭情况), as recorded by the offices. The core
 * builds it from residents, birth registrations and certificates; tests and what-if runs build it directly.
 *
 * @param birthDate          the person's date of birth
 * @param sex                the person's sex
 * @param spouseBirthDate    the spouse's date of birth, or {@code null} (no spouse or not recorded)
 * @param registrationCode   户籍地 (household registration place), a jurisdiction code
 * @param rural              农村户籍; {@code null} when not recorded
 * @param oneChildCertificate holds a valid 独生子女父母光荣证 ({@code null} is read as no)
 * @param children           the person's children, oldest first
 */
public record FamilyFacts(LocalDate birthDate, Sex sex, LocalDate spouseBirthDate, String registrationCode, Boolean rural,
        Boolean oneChildCertificate, List<Child> children) {

    public FamilyFacts {
        children = children == null ? List.of() : List.copyOf(children);
        oneChildCertificate = Boolean.TRUE.equals(oneChildCertificate); // not given: holds none
    }

    /** The mother's date of birth: the person's own if female, else the spouse's (may be {@code null}). */
    public LocalDate motherBirthDate() {
        return sex == Sex.FEMALE ? birthDate : spouseBirthDate;
    }

    /** A child and their state. */
    public record Child(LocalDate birthDate, Sex sex, ChildStatus status) {
    }

    /** Whether a child lives, is disabled (伤残, grade 3 or above) or has died. */
    public enum ChildStatus {
        LIVING, DISABLED, DECEASED
    }
}
