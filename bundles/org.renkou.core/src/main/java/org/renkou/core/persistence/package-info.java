/**
 * Persistence help for modules that own data (warehouse, school, association, a province's own records): each
 * keeps its own Aries JPA persistence unit (CONVENTIONS 12) and gets from {@link ModuleDatabases} the same
 * transaction handling and versioned schema migrations the core uses, and the audit log within their transactions.
 */
@Version("1.1.0")
@Export
package org.renkou.core.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
