package org.renkou.core.api.benefit;

import java.time.LocalDateTime;

/** One recorded step of an application: who decided what, when and why. */
public class BenefitStepDTO {
    /** Index of the approval step; -1 for the submission, the chain's length for the payment. */
    public Integer stepIndex;
    public ReviewLevel level;
    public StepDecision decision;
    public String actor;
    /** UTC. */
    public LocalDateTime at;
    public String reason;
}
