package org.renkou.core.api.household;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Page;

/**
 * Households (户). Scoped and audited like {@link org.renkou.core.api.resident.ResidentService}: a household is visible and editable where it
 * lives.
 */
@ProviderType
public interface HouseholdService {

    Page<HouseholdDTO> search(Caller caller, String jurisdictionCode, String number, Integer offset, Integer limit);

    Optional<HouseholdDTO> find(Caller caller, long id);

    /**
     * @throws org.renkou.core.api.RenkouException INVALID (no head or two heads, an unknown member or one outside the caller's reach,
     *         a member already in another household), CONFLICT (the number is taken)
     */
    HouseholdDTO create(Caller caller, HouseholdDTO household);

    /** Replaces number, address and members; {@code household.version} must be the version read. */
    HouseholdDTO update(Caller caller, long id, HouseholdDTO household);
}
