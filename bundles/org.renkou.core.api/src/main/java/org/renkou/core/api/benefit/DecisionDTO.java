package org.renkou.core.api.benefit;

import java.time.LocalDate;

/**
 * Body of a decision on an application: {@code PASSED} or {@code REJECTED} with a reason at the current step, or
 * {@code PAID} with {@link #paidOn} and {@link #paymentReference} once approved. {@link #version} is the
 * application's version read.
 */
public class DecisionDTO {
    public StepDecision decision;
    public String reason;
    public LocalDate paidOn;
    public String paymentReference;
    public Long version;
}
