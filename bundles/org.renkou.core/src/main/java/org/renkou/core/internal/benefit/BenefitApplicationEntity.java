package org.renkou.core.internal.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

import org.renkou.core.api.benefit.AmountPeriod;
import org.renkou.core.api.benefit.ApplicationStatus;
import org.renkou.core.internal.db.TimestampedEntity;

/** Row of a benefit application (申请). The approval chain is kept as text, e.g. {@code COMMUNITY:7,COUNTY:0}. */
@Entity
@Table(name = "BENEFIT_APPLICATION")
public class BenefitApplicationEntity extends TimestampedEntity {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    @Column(name = "SCHEME_ID")
    public String schemeId;
    @Column(name = "SCHEME_NAME_ZH")
    public String schemeNameZh;
    @Column(name = "SCHEME_NAME_EN")
    public String schemeNameEn;
    @Column(name = "PROVINCE_CODE")
    public String provinceCode;
    @Column(name = "APPLICANT_ID")
    public Long applicantId;
    @Column(name = "JURISDICTION_CODE")
    public String jurisdictionCode;
    @Column(name = "APPLIED_ON")
    public LocalDate appliedOn;
    public BigDecimal amount;
    @Enumerated(EnumType.STRING)
    @Column(name = "AMOUNT_PERIOD")
    public AmountPeriod amountPeriod;
    @Column(name = "ELIGIBILITY_ZH")
    public String eligibilityZh;
    @Column(name = "ELIGIBILITY_EN")
    public String eligibilityEn;
    @Column(name = "APPROVAL_CHAIN")
    public String approvalChain;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    @Column(name = "CURRENT_STEP")
    public Integer currentStep;
    @Column(name = "NOTICE_FROM")
    public LocalDate noticeFrom;
    @Column(name = "NOTICE_UNTIL")
    public LocalDate noticeUntil;
    @Column(name = "PAID_ON")
    public LocalDate paidOn;
    @Column(name = "PAYMENT_REFERENCE")
    public String paymentReference;

    public Map<String, Object> auditView() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schemeId", schemeId);
        m.put("applicantId", applicantId);
        m.put("amount", amount == null ? null : amount.toPlainString());
        m.put("amountPeriod", amountPeriod);
        m.put("status", status);
        m.put("currentStep", currentStep);
        m.put("noticeFrom", noticeFrom);
        m.put("noticeUntil", noticeUntil);
        m.put("paidOn", paidOn);
        m.put("paymentReference", paymentReference);
        return m;
    }
}
