package org.renkou.core.api.province;

/** Kinds of leave a province grants. */
public enum LeaveKind {
    /** 产假 (total days for a normal single birth, including any provincial extension). */
    MATERNITY("产假", "maternity leave"),
    /** 难产增加的产假. */
    MATERNITY_DIFFICULT_BIRTH("难产增加产假", "extra maternity leave for a difficult birth"),
    /** 多胞胎每多一个婴儿增加的产假. */
    MATERNITY_PER_EXTRA_BABY("多胞胎每多生育一个婴儿增加产假", "extra maternity leave per additional baby"),
    /** 陪产假 / 护理假 (father). */
    PATERNITY("陪产假（护理假）", "paternity (nursing) leave"),
    /** 育儿假, per parent per year until the child is 3. */
    PARENTAL("育儿假（每人每年）", "parental leave (per parent per year)"),
    /** 婚假. */
    MARRIAGE("婚假", "marriage leave"),
    /** 独生子女护理假 (care of elderly parents by an only child). */
    ONLY_CHILD_CARE("独生子女护理假（每年）", "only-child care leave (per year)"),
    /** 流产假, pregnancy ended (miscarriage or termination) before 4 months. */
    MISCARRIAGE_UNDER_4_MONTHS("流产假（怀孕未满4个月）", "miscarriage/termination leave (under 4 months)"),
    /** 流产假, pregnancy ended at 4 months or later (where a province sets no 7-month period: any later month). */
    MISCARRIAGE_FROM_4_MONTHS("流产假（怀孕满4个月）", "miscarriage/termination leave (from 4 months)"),
    /** 流产假, pregnancy ended at 7 months or later, where the province sets this period (Guangdong). */
    MISCARRIAGE_FROM_7_MONTHS("流产假（怀孕满7个月）", "miscarriage/termination leave (from 7 months)");

    private final String nameZh;
    private final String nameEn;

    LeaveKind(String nameZh, String nameEn) {
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
