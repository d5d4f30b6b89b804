package org.renkou.core.api;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * A staff role (岗位). A staff member may hold several; what each may do is decided in the service layer, not only
 * hidden in the UI.
 */
public enum Role {
    /** 系统管理员: staff, roles, modules, configuration. */
    ADMIN("系统管理员", "administrator"),
    /** 主任: everything in the office's jurisdiction, approvals. */
    DIRECTOR("主任", "office director"),
    /** 统计员: reads and reports, no edits to people. */
    STATISTICIAN("统计员", "statistician"),
    /** 计生专干 / 家庭服务专干: registers people and handles applications. */
    FAMILY_SERVICES("家庭服务专干", "family-services officer"),
    /** 药管员: the contraceptive warehouse. */
    WAREHOUSE_KEEPER("药管员", "warehouse keeper"),
    /** 人口学校教师. */
    TEACHER("教师", "teacher"),
    /** 计生协会秘书. */
    ASSOCIATION_SECRETARY("协会秘书", "association secretary"),
    /** 审计员: reads the audit log, changes nothing. */
    AUDITOR("审计员", "read-only auditor");

    /** Register and change people and their records: residents, households, registrations, certificates, benefit
     * applications, migrants and imports. */
    public static final Set<Role> PEOPLE_WRITERS = Collections.unmodifiableSet(EnumSet.of(ADMIN, DIRECTOR, FAMILY_SERVICES));
    /** Take part in the approval of benefit applications and read residents' sensitive fields. */
    public static final Set<Role> CASEWORKERS = Collections.unmodifiableSet(EnumSet.of(DIRECTOR, FAMILY_SERVICES));
    /** Read the audit log. */
    public static final Set<Role> AUDIT_READERS = Collections.unmodifiableSet(EnumSet.of(AUDITOR, DIRECTOR, ADMIN));

    private final String nameZh;
    private final String nameEn;

    Role(String nameZh, String nameEn) {
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
