package org.renkou.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;

import javax.persistence.EntityManagerFactory;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jdbc.DataSourceFactory;
import org.renkou.core.api.HealthIndicator;

/**
 * Wires {@link Database} into OSGi: takes the {@code renkou.core} unit that Aries JPA publishes and migrates it
 * with the scripts under {@code db/core} in this bundle.
 */
@Component(service = {CoreDatabase.class, HealthIndicator.class})
public class CoreDatabase implements HealthIndicator {
    static final String MIGRATIONS = "db/core";

    private final Database database;

    /** The unit's database (persistence.xml's URL without {@code create}: the unit creates it). */
    static final String DIRECT_URL = "jdbc:derby:renkou";

    @Activate
    public CoreDatabase(@Reference(target = "(osgi.unit.name=renkou.core)") EntityManagerFactory emf,
            @Reference(target = "(osgi.jdbc.driver.class=org.apache.derby.jdbc.EmbeddedDriver)")
            DataSourceFactory jdbc, BundleContext context) throws SQLException {
        Properties direct = new Properties();
        direct.setProperty(DataSourceFactory.JDBC_URL, DIRECT_URL);
        this.database = new Database(emf, jdbc.createDataSource(direct));
        database.startAsync(new SchemaMigrations("core", scripts(context)));
    }

    @Deactivate
    void deactivate() {
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
        return database.detail();
    }

    private static List<SchemaMigrations.Script> scripts(BundleContext context) {
        List<SchemaMigrations.Script> scripts = new ArrayList<>();
        ClassLoader loader = CoreDatabase.class.getClassLoader();
        for (URL url : Collections.list(context.getBundle().findEntries(MIGRATIONS, "V*.sql", false))) {
            String path = url.getPath();
            try {
                scripts.add(SchemaMigrations.load(loader, MIGRATIONS, path.substring(path.lastIndexOf('/') + 1)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scripts;
    }
}
