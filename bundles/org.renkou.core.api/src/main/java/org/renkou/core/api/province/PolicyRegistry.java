package org.renkou.core.api.province;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;

/**
 * Which {@link RegionalPolicy} serves a jurisdiction: the active policy of its province (the first two digits of
 * its GB/T 2260 code). Implemented by the core, which tracks the policies as they come and go.
 */
@ProviderType
public interface PolicyRegistry {

    /** The active policy for {@code jurisdictionCode} (2 to 15 digits), if its province module is active. */
    Optional<RegionalPolicy> find(String jurisdictionCode);

    /**
     * The active policy for {@code jurisdictionCode}.
     *
     * @throws RenkouException UNAVAILABLE (503) "province module not active" when none is, INVALID for a code that
     *         is not 2 to 15 digits
     */
    RegionalPolicy require(String jurisdictionCode);

    /** The active policies, by province code. */
    List<RegionalPolicy> active();

    /**
     * The facts a policy decides on for resident {@code residentId}, from Renkou's records: birth date, sex,
     * registration place, rural or not (户口性质, unknown when not recorded), the children of their birth
     * registrations each living, disabled or deceased as the child's resident record says (living without one), a
     * valid one-child certificate. The benefit workflow decides on the same facts as {@code /entitlements}.
     *
     * @throws RenkouException NOT_FOUND for an unknown resident
     */
    FamilyFacts familyFacts(long residentId);

    /**
     * What-if run for a policy change (政策调整预演): every resident living in {@code jurisdictionCode} (within the
     * caller's reach) whose decision of some scheme on {@code date} differs between the active policy and the policy
     * with the candidate data file. Nothing is changed or activated.
     *
     * @throws RenkouException UNAVAILABLE when the province module is not active, INVALID for a refused data file
     *         (naming file and line) or a jurisdiction outside the caller's reach
     */
    WhatIfDTO whatIf(Caller caller, String jurisdictionCode, String fileName, String content, LocalDate date);
}
