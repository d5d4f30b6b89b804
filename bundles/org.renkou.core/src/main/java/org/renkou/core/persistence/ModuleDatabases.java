package org.renkou.core.persistence;

import javax.persistence.EntityManagerFactory;

import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Bundle;

/**
 * Opens a module's persistence unit: runs the module's numbered SQL scripts
 * ({@code <folder>/V<n>__<what>.sql} inside {@code owner}) once each, in order, recorded under {@code component} in
 * the shared schema history, on a background thread so the module's start is not held up.
 *
 * <pre>
 * &#64;Activate
 * public StockServiceImpl(&#64;Reference(target = "(osgi.unit.name=renkou.warehouse)") EntityManagerFactory emf,
 *         &#64;Reference ModuleDatabases databases, BundleContext ctx) {
 *     this.db = databases.open(emf, ctx.getBundle(), "warehouse", "db/warehouse");
 * }
 * </pre>
 */
@ProviderType
public interface ModuleDatabases {

    ModuleDatabase open(EntityManagerFactory emf, Bundle owner, String component, String migrationsFolder);
}
