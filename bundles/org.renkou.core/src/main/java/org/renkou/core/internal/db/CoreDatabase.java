package org.renkou.core.internal.db;

import java.util.Map;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.HealthIndicator;

/**
 * Wires {@link Database} into OSGi: takes the {@code renkou.core} unit built on the configured database
 * ({@code PersistenceUnits}) and migrates it with the scripts under {@code db/core} in this bundle.
 */
@Component(service = {CoreDatabase.class, HealthIndicator.class})
public class CoreDatabase implements HealthIndicator {
    public static final String MIGRATIONS = "db/core";

    private final Database database;
    /** Which database, for the health detail: "postgresql db1:5432/renkou", "derby renkou". */
    private final String which;

    @Activate
    public CoreDatabase(@Reference(target = "(osgi.unit.name=renkou.core)") EntityManagerFactory emf,
            @Reference(target = DataSources.TARGET) Map.Entry<Map<String, ?>, DataSource> direct,
            BundleContext context) {
        // the configured database the unit is built on (PersistenceUnits), for the plain JDBC reads
        this.database = new Database(emf, direct.getValue(),
                Boolean.TRUE.equals(direct.getKey().get(DataSources.POOLED)));
        Object location = direct.getKey().get(DataSources.LOCATION);
        this.which = direct.getKey().get(DataSources.DIALECT) + (location == null ? "" : " " + location);
        InFlight.open();
        database.startAsync(new SchemaMigrations("core", SchemaMigrations.inBundle(context.getBundle(), MIGRATIONS)));
    }

    @Deactivate
    void deactivate() {
        // the core stops after every module (start levels): let their work and ours end before Derby's bundle stops
        InFlight.closeAndAwait(60);
        database.close();
    }

    public Database database() {
        return database;
    }

    @Override
    public String name() {
        return database.name();
    }

    @Override
    public State state() {
        return database.state();
    }

    @Override
    public String detail() {
        String d = database.detail();
        return d.isEmpty() ? which : which + ": " + d;
    }
}
