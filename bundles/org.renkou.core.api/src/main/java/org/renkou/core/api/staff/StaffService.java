package org.renkou.core.api.staff;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;

/** Staff, roles and jurisdiction assignments. Managing staff requires ADMIN; everyone may read their own record. */
@ProviderType
public interface StaffService {

    List<StaffDTO> list(Caller caller);

    Optional<StaffDTO> find(Caller caller, String username);

    StaffDTO create(Caller caller, StaffDTO staff);

    /**
     * Replaces name, roles, jurisdictions and {@code active} ({@code version} required). An administrator cannot
     * switch off their own account or take away their own ADMIN role (INVALID naming {@code active} / {@code roles}).
     */
    StaffDTO update(Caller caller, String username, StaffDTO staff);

    /**
     * Resets a staff member's password (重置密码) to a new random temporary one, which is returned once and stored
     * only hashed; the staff member must change it at the next login, and a lock from failed logins ends. ADMIN
     * only; a staff member outside the caller's jurisdictions answers NOT_FOUND.
     *
     * @since 1.4
     */
    String resetPassword(Caller caller, String username);

    /** The caller an active staff member acts as; empty for an unknown or inactive username. */
    Optional<Caller> callerFor(String username);
}
