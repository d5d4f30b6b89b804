package org.renkou.core.internal.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

/**
 * The real {@code renkou.core} persistence unit on a real Derby database on disk (under target/), outside OSGi,
 * migrated by the bundle's own scripts.
 */
public final class TestDatabase implements AutoCloseable {
    public final EntityManagerFactory emf;
    public final Database database;
    public final Path folder;

    public TestDatabase() {
        this(Map.of());
    }

    /** @param unitProperties added to the unit's, e.g. the shared-cache setting of a database server's unit */
    public TestDatabase(Map<String, Object> unitProperties) {
        folder = Path.of("target", "test-db", UUID.randomUUID().toString()).toAbsolutePath();
        Map<String, Object> properties = new HashMap<>(unitProperties);
        properties.put("javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver");
        properties.put("javax.persistence.jdbc.url", "jdbc:derby:" + folder + ";create=true");
        emf = Persistence.createEntityManagerFactory("renkou.core", properties);
        org.apache.derby.jdbc.EmbeddedDataSource direct = new org.apache.derby.jdbc.EmbeddedDataSource();
        direct.setDatabaseName(folder.toString());
        database = new Database(emf, direct);
        database.initialise(migrations());
    }

    public static SchemaMigrations migrations() {
        try {
            return new SchemaMigrations("core", SchemaMigrations.inFolder(Path.of("target/classes", CoreDatabase.MIGRATIONS)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        database.close();
        emf.close();
    }
}
