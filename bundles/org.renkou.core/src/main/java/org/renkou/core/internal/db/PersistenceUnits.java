package org.renkou.core.internal.db;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jpa.EntityManagerFactoryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds every Renkou persistence unit ({@code osgi.unit.name=renkou.*}: the core's and each module's) on the
 * configured {@link DataSources database} and publishes it as the {@link EntityManagerFactory} service Aries JPA
 * would have published, with the same {@code osgi.unit.*} properties. Such a unit's persistence.xml names no driver
 * and no URL, so Aries JPA only offers its {@link EntityManagerFactoryBuilder}; the database comes from here.
 */
@Component(service = {}, immediate = true)
public class PersistenceUnits {
    /** The units built here: Renkou's own, whatever bundle holds them. */
    public static final String UNITS = "(" + EntityManagerFactoryBuilder.JPA_UNIT_NAME + "=renkou.*)";

    private static final Logger LOG = LoggerFactory.getLogger(PersistenceUnits.class);

    private final BundleContext context;
    private final DataSource dataSource;
    private final Map<String, Object> unitProperties;
    private final Map<EntityManagerFactoryBuilder, Built> built = new IdentityHashMap<>();
    /** Being built now (outside the monitor). */
    private final Set<EntityManagerFactoryBuilder> building = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Withdrawn while being built; only ever a subset of {@link #building}, so nothing stays here. */
    private final Set<EntityManagerFactoryBuilder> removed = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    private record Built(EntityManagerFactory emf, ServiceRegistration<EntityManagerFactory> registration) {
    }

    @Activate
    public PersistenceUnits(@Reference(target = DataSources.TARGET) Map.Entry<Map<String, ?>, DataSource> dataSource,
            BundleContext context) {
        this.context = context;
        this.dataSource = dataSource.getValue();
        Map<String, ?> service = dataSource.getKey();
        this.unitProperties = unitProperties(this.dataSource, service.get(DataSources.POOL_SIZE),
                Dialect.of(service.get(DataSources.DIALECT)), Boolean.TRUE.equals(service.get(DataSources.POOLED)));
    }

    /**
     * What each unit is built with on top of its persistence.xml: the DataSource, EclipseLink's target database from
     * the URL, and the pooling. An unpooled DataSource (embedded Derby) is pooled inside EclipseLink as the
     * persistence.xml says; a pooled one (HikariCP for PostgreSQL) is used as it is, a connection per transaction or
     * read, so connections go back to the one pool every unit and node-level check shares.
     */
    static Map<String, Object> unitProperties(DataSource dataSource, Object poolSize, Dialect dialect, boolean pooled) {
        Map<String, Object> p = new HashMap<>();
        p.put("javax.persistence.nonJtaDataSource", dataSource);
        if (dialect.eclipseLinkTarget() != null) {
            p.put("eclipselink.target-database", dialect.eclipseLinkTarget());
        }
        if (pooled) {
            p.put("eclipselink.connection-pool.force-internal-pool", "false");
            p.put("eclipselink.jdbc.cache-statements", "false"); // pgjdbc keeps server-side statements per connection
            // several nodes may share a database server: no entity outlives its transaction in a node's cache,
            // so a change on node A is read on node B at once (@Cacheable rows that never change stay cached)
            p.put("eclipselink.cache.shared.default", "false");
        } else if (poolSize != null) {
            p.put("eclipselink.connection-pool.read.min", poolSize.toString());
            p.put("eclipselink.connection-pool.read.max", poolSize.toString());
        }
        return p;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, target = UNITS)
    void addUnit(EntityManagerFactoryBuilder builder, Map<String, Object> properties) {
        // built and registered outside the monitor: registering wakes SCR, which may wait for the framework's
        // stop thread, which in turn waits here in removeUnit/deactivate
        synchronized (this) {
            if (closed) {
                return;
            }
            building.add(builder);
        }
        Object name = properties.get(EntityManagerFactoryBuilder.JPA_UNIT_NAME);
        Built b;
        try {
            EntityManagerFactory emf = builder.createEntityManagerFactory(unitProperties);
            Hashtable<String, Object> service = new Hashtable<>();
            for (String key : new String[] {EntityManagerFactoryBuilder.JPA_UNIT_NAME,
                    EntityManagerFactoryBuilder.JPA_UNIT_VERSION, EntityManagerFactoryBuilder.JPA_UNIT_PROVIDER}) {
                Object value = properties.get(key);
                if (value != null) {
                    service.put(key, value);
                }
            }
            b = new Built(emf, context.registerService(EntityManagerFactory.class, emf, service));
        } catch (RuntimeException e) {
            LOG.error("Persistence unit {} could not be built: {}", name, e.toString(), e);
            synchronized (this) {
                building.remove(builder);
                removed.remove(builder);
            }
            return;
        }
        boolean keep;
        synchronized (this) {
            building.remove(builder);
            keep = !closed && !removed.remove(builder);
            if (keep) {
                built.put(builder, b);
            }
        }
        if (!keep) {
            close(b); // closed or withdrawn while it was being built
        }
    }

    void removeUnit(EntityManagerFactoryBuilder builder) {
        Built b;
        synchronized (this) {
            b = built.remove(builder);
            if (b == null && building.contains(builder)) {
                removed.add(builder); // still being built: addUnit closes it
            }
        }
        if (b != null) {
            close(b);
        }
    }

    @Deactivate
    void deactivate() {
        List<Built> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(built.values());
            built.clear();
        }
        all.forEach(PersistenceUnits::close);
    }

    private static void close(Built b) {
        try {
            b.registration().unregister();
        } catch (IllegalStateException e) {
            // already gone with the framework
        }
        if (b.emf().isOpen()) {
            b.emf().close();
        }
    }
}
