package org.renkou.core.api.benefit;

/** State of an {@link ObjectionDTO objection} raised during a public notice. */
public enum ObjectionStatus {
    /** 待处理: blocks the step. */
    OPEN,
    /** 成立: the objection stands; the step cannot pass, the application is to be rejected. */
    UPHELD,
    /** 不成立: dismissed with a reason. */
    DISMISSED
}
