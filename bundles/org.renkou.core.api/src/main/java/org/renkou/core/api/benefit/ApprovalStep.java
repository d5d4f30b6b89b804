package org.renkou.core.api.benefit;

/**
 * One step of a scheme's approval chain: who reviews, and how many days the public notice (公示) runs before the
 * step may pass (0 = no notice).
 */
public record ApprovalStep(ReviewLevel level, int noticeDays) {
    public ApprovalStep {
        if (level == null || noticeDays < 0) {
            throw new IllegalArgumentException("level required, noticeDays >= 0");
        }
    }
}
