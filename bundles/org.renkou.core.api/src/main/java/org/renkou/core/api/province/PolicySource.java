package org.renkou.core.api.province;

import java.time.LocalDate;

/**
 * Where a policy value comes from (法规依据): regulation and article, the period it is in force and how sure the
 * source is.
 *
 * @param regulation    the regulation's name, e.g. 《广东省人口与计划生育条例》
 * @param article       the article, e.g. {@code 第三十条} / {@code art. 30}; may be "not confirmed"
 * @param effectiveFrom first day in force
 * @param effectiveTo   last day in force, or {@code null} while it is still in force
 * @param confidence    how sure the source is
 */
public record PolicySource(String regulation, String article, LocalDate effectiveFrom, LocalDate effectiveTo,
        Confidence confidence) {

    /** Only high-confidence values count as confirmed; others are shown as 待确认 / unconfirmed. */
    public boolean confirmed() {
        return confidence == Confidence.HIGH;
    }

    /** Whether the value is in force on {@code date}. */
    public boolean inForce(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
