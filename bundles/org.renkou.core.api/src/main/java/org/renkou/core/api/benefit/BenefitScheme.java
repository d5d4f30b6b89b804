package org.renkou.core.api.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.renkou.core.api.household.HouseholdDTO;
import org.renkou.core.api.resident.ResidentDTO;

/**
 * A benefit scheme (奖励扶助、特别扶助、育儿补贴 …) of one province: who is eligible, how much, and the approval
 * chain an application walks. Province bundles register implementations as OSGi services with the service
 * property {@value org.renkou.core.api.Province#PROPERTY}; the core tracks them dynamically. While a scheme's
 * bundle is stopped its applications stay readable and every new step answers "province module not active".
 */
@ConsumerType
public interface BenefitScheme {
    /** Stable id, unique across provinces, stored with each application (e.g. {@code gd-childcare-subsidy}). */
    String id();

    /** Two-digit province code; must equal the {@value org.renkou.core.api.Province#PROPERTY} service property. */
    String provinceCode();

    String nameZh();

    String nameEn();

    /** The review steps in order, at least one; the last one approves. */
    List<ApprovalStep> approvalChain();

    /**
     * Whether {@code resident} may receive the benefit on {@code date}, with the reason either way.
     *
     * @param household the resident's household, or {@code null} if they are in none
     */
    Eligibility eligibility(ResidentDTO resident, HouseholdDTO household, LocalDate date);

    /** Amount in yuan in force on {@code date}, per {@link #amountPeriod()}. */
    BigDecimal amount(LocalDate date);

    AmountPeriod amountPeriod();
}
