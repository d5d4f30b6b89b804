/**
 * Persistence for modules that own data (warehouse, school, association, a province's own records): each keeps its
 * own Aries JPA persistence unit (CONVENTIONS 12) and gets from {@link org.renkou.module.api.db.ModuleDatabases} the
 * core's transaction handling, its versioned schema migrations ({@code db/<module id>}) and the audit log written
 * within the module's own transactions; heavy report reads ({@link org.renkou.module.api.db.ModuleDatabase#report})
 * run on the platform's hot standby where it has one.
 */
@Version("1.1.0")
@Export
package org.renkou.module.api.db;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
