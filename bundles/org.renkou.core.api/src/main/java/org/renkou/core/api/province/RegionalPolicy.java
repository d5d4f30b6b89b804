package org.renkou.core.api.province;

import java.time.LocalDate;
import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.renkou.core.api.benefit.BenefitScheme;

/**
 * The rules of one province (省级政策): what its residents are entitled to and the documents its offices issue.
 * A province bundle registers one implementation as an OSGi service with the service property
 * {@value org.renkou.core.api.Province#PROPERTY} (the two-digit GB/T 2260 code, set with
 * {@link org.renkou.core.api.Province @Province}); the core's {@link PolicyRegistry} serves every jurisdiction
 * whose code starts with it. The bundle also registers each of {@link #benefitSchemes()} as a
 * {@link BenefitScheme} service, so the core's application workflow finds them.
 *
 * <p>Every answer is "as of a date": rules change, and the question "what was this family entitled to on D" must
 * use the rules in force on D. Every value carries its {@link PolicySource legal source}; a value whose source is
 * below high confidence is {@linkplain PolicySource#confirmed() unconfirmed} and shown so.
 *
 * <p>Switching: the component carries the module condition
 * ({@code osgi.ds.satisfying.condition.target=(osgi.condition.id=renkou.module.province-<name>)}), so the module
 * manager can switch the province off and on at runtime. While it is off its jurisdictions answer 503 "province
 * module not active" and their data stays untouched.
 */
@ConsumerType
public interface RegionalPolicy {
    /** Two digits; must equal the {@value org.renkou.core.api.Province#PROPERTY} service property. */
    String provinceCode();

    String nameZh();

    String nameEn();

    /** The benefit schemes (奖励扶助、特别扶助、育儿补贴 …) this province offers; each also registered as a service. */
    List<BenefitScheme> benefitSchemes();

    /**
     * Every scheme's decision for {@code family} on {@code date}: eligible or not, the reason (zh/en), the amount
     * and the rule's source. Schemes with no value in force on the date are left out.
     */
    List<Entitlement> entitlements(FamilyFacts family, LocalDate date);

    /** The leave entitlements (产假、陪产假/护理假、育儿假、婚假) in force on {@code date}. */
    List<LeaveEntitlement> leaveEntitlements(LocalDate date);

    /** The certificate and form types this province issues, with their fields and printable template. */
    List<FormDefinition> forms();

    /**
     * The printed number (证件编号) of the {@code sequence}-th certificate of type {@code formKey} issued in
     * {@code year} in this province, e.g. {@code 粤光荣-2026-000042}. Must be unique per type, year and sequence.
     */
    String certificateNumber(String formKey, int year, long sequence);

    /**
     * This policy as it would be with a newer data file added (a rule change with a later effective date), for a
     * what-if run before the change is activated. Nothing changes in this policy.
     *
     * @param fileName the file's name, for messages
     * @param content  the file's text, in the format the policy reads
     * @throws org.renkou.core.api.RenkouException INVALID naming the file and line when the data is refused
     */
    RegionalPolicy withCandidate(String fileName, String content);
}
