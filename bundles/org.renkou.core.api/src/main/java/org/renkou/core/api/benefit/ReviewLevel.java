package org.renkou.core.api.benefit;

import org.renkou.core.api.JurisdictionLevel;

/** The office that reviews one step of an application. */
public enum ReviewLevel {
    /** 村/社区 review (初审), usually with a public notice (公示). */
    COMMUNITY(JurisdictionLevel.COMMUNITY, "村（社区）审核", "community review"),
    /** 乡镇/街道 review (审核), usually with a public notice. */
    STREET(JurisdictionLevel.STREET, "乡镇（街道）审核", "street/township review"),
    /** 县/区 approval (审批). */
    COUNTY(JurisdictionLevel.COUNTY, "县（区）审批", "county approval");

    private final JurisdictionLevel jurisdictionLevel;
    private final String nameZh;
    private final String nameEn;

    ReviewLevel(JurisdictionLevel jurisdictionLevel, String nameZh, String nameEn) {
        this.jurisdictionLevel = jurisdictionLevel;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** The level of the jurisdiction a reviewer at this step must work in. */
    public JurisdictionLevel jurisdictionLevel() {
        return jurisdictionLevel;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }
}
