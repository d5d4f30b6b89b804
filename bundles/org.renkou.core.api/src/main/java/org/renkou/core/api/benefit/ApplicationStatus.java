package org.renkou.core.api.benefit;

/** Where a {@link BenefitApplicationDTO benefit application} stands. */
public enum ApplicationStatus {
    /** 审核中: at one of the scheme's steps. */
    IN_REVIEW,
    /** 已批准: the last step passed; payment to be recorded. */
    APPROVED,
    /** 已发放: payment recorded. */
    PAID,
    /** 未通过: rejected with a reason at some step. */
    REJECTED
}
