package org.renkou.module.api.db;

import javax.persistence.EntityManagerFactory;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;
import org.renkou.module.api.RenkouModule;
import org.renkou.module.api.RenkouModules;

/**
 * Opens a module's persistence unit. The module's id comes from its bundle's {@code Renkou-Module} header (written
 * by {@link RenkouModule}); the numbered SQL scripts {@code db/<id>/V<n>__<what>.sql} inside the bundle run once
 * each, in order, recorded under the id in the shared schema history, on a background thread so the module's start
 * is not held up. The tables those scripts create are the module's own: the switch plan counts their records.
 *
 * <pre>
 * &#64;Activate
 * public WarehouseDatabase(&#64;Reference(target = "(osgi.unit.name=renkou.warehouse)") EntityManagerFactory emf,
 *         &#64;Reference ModuleDatabases databases, BundleContext ctx) {
 *     this.db = databases.open(emf, ctx.getBundle());
 * }
 * </pre>
 */
@ProviderType
public interface ModuleDatabases {

    /**
     * @param module a bundle with a {@link RenkouModules#MODULE_HEADER} header; its migrations are read from
     *               {@link RenkouModules#migrationsFolder(String)}
     * @throws IllegalArgumentException when the bundle has no {@code Renkou-Module} header
     */
    ModuleDatabase open(EntityManagerFactory emf, Bundle module);
}
