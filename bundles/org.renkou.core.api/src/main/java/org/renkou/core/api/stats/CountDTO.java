package org.renkou.core.api.stats;

/** One line of a breakdown: a key (e.g. {@code FEMALE}, {@code 15-19}, a scheme id) with its names and counts. */
public class CountDTO {
    public String key;
    public String nameZh;
    public String nameEn;
    public long total;
    /** Of {@link #total}: men and women (population breakdowns only; 0 elsewhere). */
    public long male;
    public long female;

    public CountDTO() {
    }

    public CountDTO(String key, String nameZh, String nameEn) {
        this.key = key;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }
}
