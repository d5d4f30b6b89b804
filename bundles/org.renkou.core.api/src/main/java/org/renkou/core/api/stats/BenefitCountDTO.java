package org.renkou.core.api.stats;

/** Benefit applications of one scheme (扶助项目) by status. */
public class BenefitCountDTO {
    public String schemeId;
    public String nameZh;
    public String nameEn;
    public long inReview;
    public long approved;
    public long paid;
    public long rejected;
    public long total;
}
