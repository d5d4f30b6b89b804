package org.renkou.core.api.module;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;

/**
 * The module manager (模块管理): lists modules with their state, plans a switch, and switches — by DS conditions,
 * never by refreshing bundles, so the core and unrelated modules keep running. The chosen state is stored in the
 * database and applied at start-up, so it survives restarts and a wiped framework cache.
 */
@ProviderType
public interface ModuleService {

    List<ModuleDTO> list();

    Optional<ModuleDTO> find(String id);

    /**
     * What switching would do.
     *
     * @param cascade also switch the modules that depend on it (disable) or that it needs (enable)
     */
    ModulePlanDTO plan(String id, boolean enable, boolean cascade);

    /**
     * Switches on, after checking that what it needs is on (or switching it on too with {@code cascade}) and that
     * its bundles resolve. Requires the ADMIN role; audited.
     *
     * @throws org.renkou.core.api.RenkouException CONFLICT with the plan's reason when refused
     */
    ModuleDTO enable(Caller caller, String id, boolean cascade);

    /** Switches off; refused while other modules need it, unless {@code cascade}. Requires ADMIN; audited. */
    ModuleDTO disable(Caller caller, String id, boolean cascade);
}
