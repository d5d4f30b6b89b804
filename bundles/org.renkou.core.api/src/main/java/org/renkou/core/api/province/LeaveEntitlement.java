package org.renkou.core.api.province;

/**
 * A leave entitlement (假期) in force on a date.
 *
 * @param kind   which leave
 * @param days   calendar days
 * @param noteZh how it is made up or applies, e.g. "98 天 + 奖励假 80 天"
 * @param source the rule it comes from
 */
public record LeaveEntitlement(LeaveKind kind, int days, String noteZh, String noteEn, PolicySource source) {
}
