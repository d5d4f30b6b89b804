package org.renkou.core.api.benefit;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Page;

/**
 * Benefit applications (申请/审核/发放) through the approval chain of their {@link BenefitScheme}: community review
 * with a public notice (公示), street review with a public notice, county approval, payment; or rejection with a
 * reason at any step. A step is decided only by a DIRECTOR or FAMILY_SERVICES officer working in a jurisdiction of
 * the step's level that covers the application, not before its notice ends, and not while an objection is open or
 * upheld. Applications are visible where they were submitted (the applicant's community) and above.
 */
@ProviderType
public interface BenefitApplicationService {

    /** The active schemes, by id. */
    List<BenefitSchemeDTO> schemes(String provinceCode);

    Page<BenefitApplicationDTO> search(Caller caller, String schemeId, ApplicationStatus status, Long applicantId,
            String jurisdictionCode, Integer offset, Integer limit);

    Optional<BenefitApplicationDTO> find(Caller caller, long id);

    /**
     * Checks eligibility, records the amount in force and starts the first step.
     *
     * @throws RenkouException CONFLICT with the scheme's reason when ineligible; UNAVAILABLE when the scheme's
     *         province bundle is not active
     */
    BenefitApplicationDTO submit(Caller caller, BenefitApplicationDTO application);

    /** PASSED / REJECTED at the current step, or PAID once approved. */
    BenefitApplicationDTO decide(Caller caller, long id, DecisionDTO decision);

    /** Every recorded step, oldest first. */
    List<BenefitStepDTO> steps(Caller caller, long id);

    List<ObjectionDTO> objections(Caller caller, long id);

    /** Records an objection against the current step. */
    ObjectionDTO raiseObjection(Caller caller, long id, ObjectionDTO objection);

    /** Upholds or dismisses an open objection, with a reason. */
    ObjectionDTO resolveObjection(Caller caller, long id, long objectionId, ObjectionDTO resolution);
}
