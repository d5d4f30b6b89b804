package org.renkou.core.api.benefit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** An active {@link BenefitScheme}, as listed to clients. */
public class BenefitSchemeDTO {
    public String id;
    public String provinceCode;
    public String nameZh;
    public String nameEn;
    public List<ApprovalStep> approvalChain = new ArrayList<>();
    /** Amount in force today. */
    public BigDecimal amount;
    public AmountPeriod amountPeriod;
}
