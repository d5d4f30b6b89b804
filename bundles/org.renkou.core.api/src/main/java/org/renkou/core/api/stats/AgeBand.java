package org.renkou.core.api.stats;

/**
 * Age bands of the population statistics (年龄组), on the snapshot's date. 15–49 in four bands gives women of
 * childbearing age (育龄妇女); 0–2 the childcare subsidy's age.
 */
public enum AgeBand {
    A0_2(0), A3_5(3), A6_14(6), A15_19(15), A20_29(20), A30_39(30), A40_49(40), A50_59(50), A60_64(60), A65_79(65),
    A80_PLUS(80);

    private final int from;

    AgeBand(int from) {
        this.from = from;
    }

    /** First age (in whole years) of the band. */
    public int from() {
        return from;
    }

    /** Last age of the band, or -1 for the open band. */
    public int to() {
        int next = ordinal() + 1;
        return next < values().length ? values()[next].from - 1 : -1;
    }

    /** {@code 15-19}, {@code 80+}. */
    public String label() {
        return to() < 0 ? from + "+" : from + "-" + to();
    }

    public String nameZh() {
        return to() < 0 ? from + "岁及以上" : from + "–" + to() + "岁";
    }

    public String nameEn() {
        return to() < 0 ? from + " and over" : from + "–" + to();
    }

    /** The band of an age in whole years. */
    public static AgeBand of(int age) {
        AgeBand[] all = values();
        for (int i = all.length - 1; i > 0; i--) {
            if (age >= all[i].from) {
                return all[i];
            }
        }
        return all[0];
    }
}
