/**
 * The core's database: the configured {@code DataSource} (PID {@code org.renkou.db}), the persistence units
 * built on it, the plain JDBC pool ({@code Database}), the schema migrations and the mappings every entity shares.
 * Private to the core bundle.
 */
package org.renkou.core.internal.db;
