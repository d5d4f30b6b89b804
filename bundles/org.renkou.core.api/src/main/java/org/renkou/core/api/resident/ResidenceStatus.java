package org.renkou.core.api.resident;

/** How a resident relates to the place (人口类别). */
public enum ResidenceStatus {
    /** 户籍人口: household registration here and living here. */
    REGISTERED("户籍人口", "registered"),
    /** 常住人口: living here for six months or more without household registration here. */
    RESIDENT("常住人口", "resident"),
    /** 流动人口: living here for a shorter time, registered elsewhere (see the migrant registration). */
    MIGRANT("流动人口", "migrant");

    private final String nameZh;
    private final String nameEn;

    ResidenceStatus(String nameZh, String nameEn) {
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
