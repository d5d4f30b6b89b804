package org.renkou.core.api.resident;

/**
 * Whether a person (for the schemes: a child of a family) lives, is disabled (伤残, with the grade of the disability
 * certificate 残疾人证 where recorded) or has died (死亡, with the date). A family whose only child is disabled or has
 * died is a special family (计划生育特殊家庭): these facts are sensitive, read only through
 * {@link ResidentService#readSensitive} (audited) and never written into the audit log as values.
 */
public enum VitalStatus {
    /** 健在. */
    LIVING("健在", "living"),
    /** 伤残: {@link ResidentDTO#disabilityGrade} 1 (most severe) to 4 where recorded. */
    DISABLED("伤残", "disabled"),
    /** 死亡: {@link ResidentDTO#diedOn} required. */
    DECEASED("死亡", "deceased");

    private final String nameZh;
    private final String nameEn;

    VitalStatus(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
