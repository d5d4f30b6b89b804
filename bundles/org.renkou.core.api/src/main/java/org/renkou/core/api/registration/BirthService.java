package org.renkou.core.api.registration;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Page;

/**
 * Birth registrations (生育登记). Visible where a parent or the child lives or is registered; audited. The birth
 * order (孩次) counts the distinct births registered earlier for either parent with a birth date on or before the
 * child's, so twins registered one after the other are 1 and 2.
 */
@ProviderType
public interface BirthService {

    /** Registrations within reach, newest first; {@code residentId} keeps those of one parent or child. */
    Page<BirthDTO> search(Caller caller, Long residentId, Integer offset, Integer limit);

    Optional<BirthDTO> find(Caller caller, long id);

    /** @throws org.renkou.core.api.RenkouException INVALID (no parent, a mother who is not female, …), CONFLICT (child registered) */
    BirthDTO register(Caller caller, BirthDTO birth);

    /** Replaces child and registration date (parents stay); {@code birth.version} must be the version read. */
    BirthDTO update(Caller caller, long id, BirthDTO birth);
}
