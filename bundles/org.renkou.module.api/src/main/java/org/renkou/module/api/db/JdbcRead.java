package org.renkou.module.api.db;

import java.sql.Connection;
import java.sql.SQLException;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A report read over plain JDBC ({@link ModuleDatabase#report}). It may run twice — on a hot standby (热备库) that
 * fails part-way, then on the primary — so it only reads, and starts whatever it gathers afresh each time.
 *
 * @param <T> what the read gives
 */
@ConsumerType
@FunctionalInterface
public interface JdbcRead<T> {

    /** Reads through {@code c}; the caller owns the connection and its transaction: do not commit or close it. */
    T apply(Connection c) throws SQLException;
}
