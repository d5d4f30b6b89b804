package org.renkou.core.internal.db;

import java.util.Hashtable;
import java.util.Properties;
import java.util.function.UnaryOperator;

import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The hot standby (热备库) the heavy report reads may use ({@link DatabaseConfig#replica_url()}): a physical replica
 * of the PostgreSQL primary, opened with the primary's user and password in a small read-only pool.
 *
 * @param url the standby's JDBC URL
 * @param maxLagSeconds a standby further behind is not used
 */
public record ReplicaSettings(String url, int maxLagSeconds) {
    /** Service property value of {@link DataSources#NAME} for the standby's DataSource. */
    public static final String NAME = "replica";
    /** Target filter for the standby's DataSource. */
    public static final String TARGET = "(" + DataSources.NAME + "=" + NAME + ")";
    /** Framework property with the standby's URL (the launcher sets it from {@code RENKOU_DB_REPLICA}). */
    public static final String URL = "renkou.db.replica.url";
    /** Service property and framework property: {@link #maxLagSeconds}. */
    public static final String MAX_LAG = "renkou.db.replica.max.lag.seconds";
    /** Well within the statistics' refresh (5 minutes), and well above a healthy standby's second or less. */
    public static final int DEFAULT_MAX_LAG_SECONDS = 30;
    /** The report reads run one at a time (the snapshot builder is one thread): two connections are plenty. */
    public static final int POOL_SIZE = 2;

    /**
     * The standby configured (configuration, then framework property {@code renkou.db.replica.url}), or null for none.
     *
     * @throws IllegalArgumentException with a sentence for the operator when a standby is configured but cannot be
     *         used: only a PostgreSQL primary has one Renkou knows how to watch
     */
    public static ReplicaSettings of(String url, int maxLagSeconds, UnaryOperator<String> frameworkProperty,
            DatabaseSettings primary) {
        String u = url != null && !url.isBlank() ? url : frameworkProperty.apply(URL);
        if (u == null || u.isBlank()) {
            return null;
        }
        u = DatabaseSettings.jdbcUrl(u.strip());
        if (primary.dialect() != Dialect.POSTGRESQL || !DatabaseSettings.POSTGRESQL.equals(DatabaseSettings.driverFor(u))) {
            throw new IllegalArgumentException("A replica (" + DatabaseSettings.location(u) + ") needs a PostgreSQL "
                    + "primary and a PostgreSQL standby; it is ignored and every read runs on " + primary.location());
        }
        int lag = maxLagSeconds > 0 ? maxLagSeconds
                : DatabaseSettings.positive(MAX_LAG, frameworkProperty.apply(MAX_LAG), DEFAULT_MAX_LAG_SECONDS);
        return new ReplicaSettings(u, lag);
    }

    public static ReplicaSettings of(DatabaseConfig c, UnaryOperator<String> frameworkProperty, DatabaseSettings primary) {
        return of(c.replica_url(), c.replica_max_lag_seconds(), frameworkProperty, primary);
    }

    /** Where the standby is ({@link DatabaseSettings#location(String)}). */
    public String location() {
        return DatabaseSettings.location(url);
    }

    /** The primary's properties with the standby's URL: the same user and password. */
    public Properties jdbcProperties(DatabaseSettings primary) {
        Properties p = primary.jdbcProperties();
        p.setProperty(DataSourceFactory.JDBC_URL, url);
        return p;
    }

    /** Properties of the standby's {@code DataSource} service, never the password. */
    public Hashtable<String, Object> serviceProperties(DatabaseSettings primary) {
        Hashtable<String, Object> p = new DatabaseSettings(primary.driver(), url, primary.user(), null, POOL_SIZE)
                .serviceProperties(NAME);
        p.put(MAX_LAG, maxLagSeconds);
        return p;
    }

    @Override
    public String toString() {
        return "replica " + url + " (pool " + POOL_SIZE + ", at most " + maxLagSeconds + " s behind)";
    }
}
