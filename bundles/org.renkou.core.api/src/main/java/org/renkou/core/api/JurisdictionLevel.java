package org.renkou.core.api;

import java.util.regex.Pattern;

/**
 * Level of a {@link org.renkou.core.api.jurisdiction.JurisdictionDTO jurisdiction} (行政区划层级), from province down
 * to resident group.
 *
 * <p>Codes follow GB/T 2260 for the three upper levels (6 digits) and the statistical division code
 * (统计用区划代码) below: 9 digits for a street or township, 12 for a community or village. A resident group
 * (居民小组) has no national code; it takes its community's 12 digits plus a 3-digit local number.
 */
public enum JurisdictionLevel {
    /** 省、自治区、直辖市 — code {@code PP0000}. */
    PROVINCE("省级", "province", "\\d{2}0000"),
    /** 地级市、地区、自治州 — code {@code PPCC00}. */
    CITY("市级", "city", "\\d{4}00"),
    /** 县、县级市、市辖区 — code {@code PPCCDD}. */
    COUNTY("县级", "county/district", "\\d{6}"),
    /** 街道、乡、镇 — 9 digits. */
    STREET("街道/乡镇", "street/township", "\\d{9}"),
    /** 社区、村 — 12 digits. */
    COMMUNITY("社区/村", "community/village", "\\d{12}"),
    /** 居民小组、村民小组 — 15 digits (community code + local number). */
    GROUP("居民小组", "resident group", "\\d{15}");

    private final String nameZh;
    private final String nameEn;
    private final Pattern codePattern;

    JurisdictionLevel(String nameZh, String nameEn, String codeRegex) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
        this.codePattern = Pattern.compile(codeRegex);
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** Whether {@code code} has this level's shape (digits and length); it does not check the parent. */
    public boolean acceptsCode(String code) {
        return code != null && codePattern.matcher(code).matches();
    }

    /**
     * Whether a jurisdiction of this level may sit directly under one of level {@code parent}. Normally the next
     * level down; two real exceptions skip one: counties directly under a province (省直辖县级行政区, e.g.
     * 仙桃 429004) and towns directly under a city without counties (不设区的地级市, e.g. 东莞 441900).
     */
    public boolean mayHaveParent(JurisdictionLevel parent) {
        if (parent == null) {
            return this == PROVINCE;
        }
        int gap = ordinal() - parent.ordinal();
        return gap == 1 || (gap == 2 && (this == COUNTY || this == STREET));
    }

    /**
     * The leading digits of a code that its children's codes must repeat: {@code 44} for 440000,
     * {@code 4406} for 440600, the whole code below city level.
     */
    public String childPrefix(String code) {
        switch (this) {
            case PROVINCE:
                return code.substring(0, 2);
            case CITY:
                return code.substring(0, 4);
            default:
                return code;
        }
    }

    /**
     * The level a code's shape tells: 6 digits ending in {@code 0000} a province, in {@code 00} a city, else a
     * county; 9 a street, 12 a community, 15 a resident group.
     *
     * @throws RenkouException INVALID for anything else
     */
    public static JurisdictionLevel ofCode(String code) {
        return ofCodeFor(code, "jurisdictionCode");
    }

    /** As {@link #ofCode(String)}, naming {@code field} in the error. */
    public static JurisdictionLevel ofCodeFor(String code, String field) {
        if (code != null && code.chars().allMatch(Character::isDigit)) {
            switch (code.length()) {
                case 6:
                    return code.endsWith("0000") ? PROVINCE : code.endsWith("00") ? CITY : COUNTY;
                case 9:
                    return STREET;
                case 12:
                    return COMMUNITY;
                case 15:
                    return GROUP;
                default:
                    break;
            }
        }
        throw RenkouException.invalid(field, "“" + code + "”不是有效的区划代码。",
                "'" + code + "' is not a valid jurisdiction code.");
    }
}
