package org.renkou.core.internal.db;

import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes the configured database ({@link DatabaseConfig}) as a {@link DataSource} service
 * ({@value #TARGET}) once a {@link DataSourceFactory} for its driver is there: the persistence units
 * ({@link PersistenceUnits}) and the core's plain JDBC reads use this one. A changed configuration restarts the
 * component, so everything built on the old database goes and comes back on the new one. For embedded Derby the
 * DataSource does not pool: EclipseLink pools on top of it ({@code eclipselink.connection-pool.force-internal-pool}),
 * the core's direct reads keep their own connections. For a database server (PostgreSQL) it is a HikariCP pool of
 * {@code pool.size} connections shared by every unit and the direct reads ({@value #POOLED} = true). A configured hot
 * standby ({@link ReplicaSettings}) is published beside it ({@value ReplicaSettings#TARGET}) as a small read-only pool
 * for the report reads.
 */
@Component(service = {}, immediate = true, configurationPid = DatabaseConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = DatabaseConfig.class)
public class DataSources {
    /** Service property naming a published DataSource; the main database is {@value #MAIN}. */
    public static final String NAME = "renkou.datasource";
    public static final String MAIN = "main";
    /** Target filter for the main database. */
    public static final String TARGET = "(" + NAME + "=" + MAIN + ")";
    /** Service property: the JDBC URL (never the password). */
    public static final String URL = "url";
    /** Service property: where the database is, without user, password or parameters (health, metrics). */
    public static final String LOCATION = "renkou.db.location";
    /** Service property: connections each unit reads on. */
    public static final String POOL_SIZE = "renkou.db.pool.size";
    /** Service property: the {@link Dialect} id ({@code derby}, {@code postgresql}). */
    public static final String DIALECT = "renkou.db.dialect";
    /** Service property: true when the DataSource pools itself, so its users take and give back connections. */
    public static final String POOLED = "renkou.db.pooled";

    private static final Logger LOG = LoggerFactory.getLogger(DataSources.class);

    private final ServiceTracker<DataSourceFactory, ServiceRegistration<DataSource>> factories;

    @Activate
    public DataSources(DatabaseConfig config, BundleContext context) throws InvalidSyntaxException {
        DatabaseSettings settings = DatabaseSettings.of(config, context::getProperty);
        LOG.info("Database {}", settings);
        ReplicaSettings replica = null;
        try {
            replica = ReplicaSettings.of(config, context::getProperty, settings);
            if (replica != null) {
                LOG.info("Database {}", replica);
            }
        } catch (IllegalArgumentException e) {
            // a standby only takes load off the primary: a wrong one must not stop the platform
            LOG.warn("{}", e.getMessage());
        }
        Filter filter = FrameworkUtil.createFilter("(&(objectClass=" + DataSourceFactory.class.getName() + ")("
                + DataSourceFactory.OSGI_JDBC_DRIVER_CLASS + "=" + settings.driver() + "))");
        factories = new ServiceTracker<>(context, filter, new Publisher(context, settings, replica));
        factories.open();
    }

    @Deactivate
    void deactivate() {
        factories.close();
    }

    /** A HikariCP pool over the driver's own (unpooled) DataSource, sized by the configuration. */
    static HikariDataSource pool(DataSource driver, DatabaseSettings settings) {
        HikariConfig c = new HikariConfig();
        c.setDataSource(driver);
        c.setPoolName("renkou-db");
        c.setMaximumPoolSize(settings.poolSize());
        c.setMinimumIdle(Math.min(2, settings.poolSize()));
        c.setAutoCommit(true);
        c.setConnectionTimeout(30_000);
        // the database may still be starting with the node: open lazily rather than fail the component
        c.setInitializationFailTimeout(-1);
        return new HikariDataSource(c);
    }

    /**
     * The standby's pool: read-only, no idle connections kept for a read every few minutes, and a short wait for a
     * connection, because a report falls back to the primary when the standby does not answer.
     */
    static HikariDataSource replicaPool(DataSource driver) {
        HikariConfig c = new HikariConfig();
        c.setDataSource(driver);
        c.setPoolName("renkou-db-replica");
        c.setMaximumPoolSize(ReplicaSettings.POOL_SIZE);
        c.setMinimumIdle(0);
        c.setReadOnly(true);
        c.setAutoCommit(true);
        c.setConnectionTimeout(3_000);
        c.setInitializationFailTimeout(-1);
        return new HikariDataSource(c);
    }

    /** One DataSource service for the first factory of the driver; gone with that factory. */
    private static final class Publisher
            implements ServiceTrackerCustomizer<DataSourceFactory, ServiceRegistration<DataSource>> {
        private final BundleContext context;
        private final DatabaseSettings settings;
        private final ReplicaSettings replica;
        private ServiceRegistration<DataSource> published;
        private HikariDataSource pool;
        private ServiceRegistration<DataSource> replicaPublished;
        private HikariDataSource replicaPool;

        Publisher(BundleContext context, DatabaseSettings settings, ReplicaSettings replica) {
            this.context = context;
            this.settings = settings;
            this.replica = replica;
        }

        @Override
        public synchronized ServiceRegistration<DataSource> addingService(ServiceReference<DataSourceFactory> ref) {
            if (published != null) {
                return null; // one database; a second factory of the same driver is not needed
            }
            DataSourceFactory factory = context.getService(ref);
            try {
                DataSource ds = factory.createDataSource(settings.jdbcProperties());
                if (settings.pooled()) {
                    pool = pool(ds, settings);
                    ds = pool;
                }
                publishReplica(factory); // first: the report reads find it when the main database comes
                published = context.registerService(DataSource.class, ds, settings.serviceProperties(MAIN));
                return published;
            } catch (SQLException | RuntimeException e) {
                closePools();
                LOG.error("Cannot open the database {}: {}", settings, e.toString(), e);
                context.ungetService(ref);
                return null;
            }
        }

        @Override
        public void modifiedService(ServiceReference<DataSourceFactory> ref, ServiceRegistration<DataSource> reg) {
            // nothing the database depends on
        }

        @Override
        public synchronized void removedService(ServiceReference<DataSourceFactory> ref,
                ServiceRegistration<DataSource> reg) {
            reg.unregister();
            published = null;
            closePools();
            context.ungetService(ref);
        }

        private void publishReplica(DataSourceFactory factory) throws SQLException {
            if (replica == null) {
                return;
            }
            replicaPool = replicaPool(factory.createDataSource(replica.jdbcProperties(settings)));
            replicaPublished = context.registerService(DataSource.class, replicaPool,
                    replica.serviceProperties(settings));
        }

        private void closePools() {
            if (replicaPublished != null) {
                replicaPublished.unregister();
                replicaPublished = null;
            }
            for (HikariDataSource p : new HikariDataSource[] {replicaPool, pool}) {
                if (p != null) {
                    p.close();
                }
            }
            replicaPool = null;
            pool = null;
        }
    }
}
