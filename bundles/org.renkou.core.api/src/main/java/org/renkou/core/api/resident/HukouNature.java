package org.renkou.core.api.resident;

/**
 * 户口性质: whether a resident's household registration counts as rural for the benefit schemes (奖励扶助 and
 * 特别扶助 are "rural" or pay a rural rate). As the schemes define it: 农业户口 before the household-registration
 * reform; after it, where every registration reads 居民户口, a rural resident (农村居民, a member of a rural collective
 * economic organisation) as the county has defined them. Not recorded ({@code null}) is neither: a scheme that depends
 * on it answers "not recorded, check first".
 */
public enum HukouNature {
    /** 农业户口 / 农村居民. */
    RURAL("农村（农业户口）", "rural"),
    /** 非农业户口 / 城镇居民. */
    URBAN("城镇（非农业户口）", "urban");

    private final String nameZh;
    private final String nameEn;

    HukouNature(String nameZh, String nameEn) {
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
