package org.renkou.core.api.migrant;

/** A certificate a migrant presents at the place of residence (证件). */
public enum MigrantCertificate {
    /** 流动人口婚育证明. */
    MARRIAGE_BIRTH_CERTIFICATE("流动人口婚育证明", "migrant marriage and birth certificate"),
    /** 生育服务证 (where a province still issues it). */
    BIRTH_SERVICE_CERTIFICATE("生育服务证", "birth service certificate"),
    /** 独生子女父母光荣证. */
    ONLY_CHILD_PARENT_CERTIFICATE("独生子女父母光荣证", "only-child parents' certificate"),
    /** 其他证件. */
    OTHER("其他证件", "other certificate");

    private final String nameZh;
    private final String nameEn;

    MigrantCertificate(String nameZh, String nameEn) {
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
