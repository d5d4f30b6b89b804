package org.renkou.core.api.benefit;

/** What happened at one step of an application. */
public enum StepDecision {
    /** 申请: the application was recorded. */
    SUBMITTED,
    /** 通过: the step passed. */
    PASSED,
    /** 不通过: rejected with a reason. */
    REJECTED,
    /** 发放: payment recorded. */
    PAID
}
