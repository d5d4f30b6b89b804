package org.renkou.core.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Staff, roles and jurisdiction assignments. Managing staff requires ADMIN; everyone may read their own record. */
@ProviderType
public interface StaffService {

    List<StaffDTO> list(Caller caller);

    Optional<StaffDTO> find(Caller caller, String username);

    StaffDTO create(Caller caller, StaffDTO staff);

    StaffDTO update(Caller caller, String username, StaffDTO staff);

    /** The caller an active staff member acts as; empty for an unknown or inactive username. */
    Optional<Caller> callerFor(String username);
}
