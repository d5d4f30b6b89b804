package org.renkou.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
final class TestDatabase implements AutoCloseable {
    final EntityManagerFactory emf;
    final Database database;
    final Path folder;

    TestDatabase() {
        folder = Path.of("target", "test-db", UUID.randomUUID().toString()).toAbsolutePath();
        emf = Persistence.createEntityManagerFactory("renkou.core",
                Map.of("javax.persistence.jdbc.url", "jdbc:derby:" + folder + ";create=true"));
        org.apache.derby.jdbc.EmbeddedDataSource direct = new org.apache.derby.jdbc.EmbeddedDataSource();
        direct.setDatabaseName(folder.toString());
        database = new Database(emf, direct);
        database.initialise(migrations());
    }

    static SchemaMigrations migrations() {
        List<SchemaMigrations.Script> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("target/classes", CoreDatabase.MIGRATIONS))) {
            for (Path f : files.sorted().toList()) {
                scripts.add(SchemaMigrations.load(TestDatabase.class.getClassLoader(), CoreDatabase.MIGRATIONS,
                        f.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SchemaMigrations("core", scripts);
    }

    @Override
    public void close() {
        database.close();
        emf.close();
    }
}
