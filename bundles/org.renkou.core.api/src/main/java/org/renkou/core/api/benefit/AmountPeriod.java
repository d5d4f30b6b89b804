package org.renkou.core.api.benefit;

/** What a scheme's amount is per. */
public enum AmountPeriod {
    /** 每月: paid per month. */
    MONTHLY,
    /** 一次性: paid once. */
    ONE_OFF
}
