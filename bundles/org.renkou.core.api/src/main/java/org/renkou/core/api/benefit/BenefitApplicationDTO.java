package org.renkou.core.api.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A benefit application (申请) and where it stands. To submit, give {@link #schemeId} and {@link #applicantId};
 * everything else is filled by Renkou.
 */
public class BenefitApplicationDTO {
    public Long id;
    public String schemeId;
    /** Names of the scheme, kept from submission so they read while the province bundle is stopped. */
    public String schemeNameZh;
    public String schemeNameEn;
    public String provinceCode;
    /** The person who applies (resident id). */
    public Long applicantId;
    /** The applicant's community at submission: decides which offices review. */
    public String jurisdictionCode;
    public LocalDate appliedOn;
    /** Amount in force on the application date (yuan), per {@link #amountPeriod}. */
    public BigDecimal amount;
    public AmountPeriod amountPeriod;
    /** The scheme's reason for eligibility at submission. */
    public String eligibilityZh;
    public String eligibilityEn;
    public ApplicationStatus status;
    /** The approval chain as it was at submission. */
    public List<ApprovalStep> approvalChain = new ArrayList<>();
    /** Index into {@link #approvalChain} of the step under way (while IN_REVIEW). */
    public Integer currentStep;
    /** The current step's public notice (公示): first day and the first day the step may pass. */
    public LocalDate noticeFrom;
    public LocalDate noticeUntil;
    public LocalDate paidOn;
    public String paymentReference;
    /** Whether the scheme's province bundle is active now (new steps need it). */
    public Boolean schemeActive;
    /** Optimistic-lock version: required for decisions and payment. */
    public Long version;
}
