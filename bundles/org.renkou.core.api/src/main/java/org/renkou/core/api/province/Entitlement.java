package org.renkou.core.api.province;

import java.math.BigDecimal;

/**
 * One scheme's decision for a family on a date (待遇认定): eligible or not, always with the reason, and the amount.
 *
 * @param schemeId      the {@link org.renkou.core.api.benefit.BenefitScheme#id() scheme}
 * @param nameZh        the scheme's name
 * @param eligible      the decision
 * @param monthlyAmount yuan per month (per person where the rule says so), or {@code null} when not eligible
 * @param totalAmount   yuan in total where the benefit ends (e.g. 育儿补贴 until the child is 3), else {@code null}
 * @param reasonZh      why, citing the rule
 * @param source        the rule that decided
 */
public record Entitlement(String schemeId, String nameZh, String nameEn, boolean eligible, BigDecimal monthlyAmount,
        BigDecimal totalAmount, String reasonZh, String reasonEn, PolicySource source) {
}
