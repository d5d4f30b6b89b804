package org.renkou.core.api.benefit;

/** A scheme's answer whether a person may apply, always with the reason (zh and en). */
public record Eligibility(boolean eligible, String reasonZh, String reasonEn) {

    public static Eligibility yes(String reasonZh, String reasonEn) {
        return new Eligibility(true, reasonZh, reasonEn);
    }

    public static Eligibility no(String reasonZh, String reasonEn) {
        return new Eligibility(false, reasonZh, reasonEn);
    }
}
