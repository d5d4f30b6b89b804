package org.renkou.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.jdbc.DataSourceFactory;

class DatabaseSettingsTest {
    private static final UnaryOperator<String> NO_PROPERTIES = name -> null;

    @Test
    void noConfigurationIsTheEmbeddedDerbyDatabaseUnderDerbyHome() {
        DatabaseSettings s = DatabaseSettings.of("", "", "", "", 0, NO_PROPERTIES);
        assertEquals("jdbc:derby:renkou;create=true", s.url());
        assertEquals("org.apache.derby.jdbc.EmbeddedDriver", s.driver());
        assertNull(s.user());
        assertNull(s.password());
        assertEquals(4, s.poolSize());
        assertEquals("jdbc:derby:renkou;create=true", s.jdbcProperties().getProperty(DataSourceFactory.JDBC_URL));
    }

    @Test
    void frameworkPropertiesFillWhatTheConfigurationLeavesEmpty() {
        Map<String, String> fw = Map.of("renkou.db.url", "postgresql://db.example:5432/renkou",
                "renkou.db.user", "renkou", "renkou.db.pool.size", "8");
        DatabaseSettings s = DatabaseSettings.of("", "", "", "", 0, fw::get);
        assertEquals("jdbc:postgresql://db.example:5432/renkou", s.url());
        assertEquals("org.postgresql.Driver", s.driver());
        assertEquals("renkou", s.user());
        assertEquals(8, s.poolSize());
    }

    @Test
    void configurationWinsOverFrameworkProperties() {
        Map<String, String> fw = Map.of("renkou.db.url", "jdbc:derby:elsewhere", "renkou.db.pool.size", "8");
        DatabaseSettings s = DatabaseSettings.of("jdbc:derby:/srv/renkou/db;create=true", "", "", "", 2, fw::get);
        assertEquals("jdbc:derby:/srv/renkou/db;create=true", s.url());
        assertEquals(2, s.poolSize());
    }

    @Test
    void passwordIsReadFromItsFileAndNeverShown(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("db-password");
        Files.writeString(file, "s3cret\n", StandardCharsets.UTF_8);
        DatabaseSettings s = DatabaseSettings.of("jdbc:postgresql://h/db", "", "renkou", file.toString(), 0,
                NO_PROPERTIES);
        assertEquals("s3cret", s.password());
        Properties jdbc = s.jdbcProperties();
        assertEquals("s3cret", jdbc.getProperty(DataSourceFactory.JDBC_PASSWORD));
        assertEquals("renkou", jdbc.getProperty(DataSourceFactory.JDBC_USER));
        assertFalse(s.toString().contains("s3cret"), s.toString());
        assertFalse(s.serviceProperties("main").toString().contains("s3cret"));
        assertEquals("main", s.serviceProperties("main").get(DataSources.NAME));
    }

    @Test
    void unusableSettingsAreRefusedWithASentence() {
        IllegalArgumentException noDriver = assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.of("jdbc:h2:mem:x", "", "", "", 0, NO_PROPERTIES));
        assertTrue(noDriver.getMessage().contains("org.renkou.db"), noDriver.getMessage());
        assertEquals("org.h2.Driver",
                DatabaseSettings.of("jdbc:h2:mem:x", "org.h2.Driver", "", "", 0, NO_PROPERTIES).driver());
        assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.of("", "", "", "/no/such/password-file", 0, NO_PROPERTIES));
        assertThrows(IllegalArgumentException.class,
                () -> DatabaseSettings.of("", "", "", "", 0, Map.of("renkou.db.pool.size", "zero")::get));
    }

    /** The unit is built on the DataSource it is handed, with the configured read pool, not a URL of its own. */
    @Test
    void unitIsBuiltOnTheGivenDataSource(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("configured");
        org.apache.derby.jdbc.EmbeddedDataSource ds = new org.apache.derby.jdbc.EmbeddedDataSource();
        ds.setDatabaseName(db.toString());
        ds.setCreateDatabase("create");
        Map<String, Object> props = PersistenceUnits.unitProperties(ds, 3, Dialect.DERBY, false);
        assertEquals("3", props.get("eclipselink.connection-pool.read.max"));
        assertEquals("Derby", props.get("eclipselink.target-database"));
        EntityManagerFactory emf = Persistence.createEntityManagerFactory("renkou.core", props);
        try {
            emf.createEntityManager().close(); // logs in: opens the database through ds
        } finally {
            emf.close();
        }
        assertTrue(Files.isRegularFile(db.resolve("service.properties")), "database created where configured");
        assertTrue(DataSource.class.isInstance(props.get("javax.persistence.nonJtaDataSource")));
    }

    /** A PostgreSQL URL: its dialect, a HikariCP pool of 10 unless configured, the password from the environment. */
    @Test
    void postgresqlIsPooledWithItsOwnDefaults() {
        DatabaseSettings s = DatabaseSettings.of("postgresql://db:5432/renkou", "", "renkou", "", 0, NO_PROPERTIES,
                Map.of("RENKOU_DB_PASSWORD", "from-env")::get);
        assertEquals(Dialect.POSTGRESQL, s.dialect());
        assertTrue(s.pooled());
        assertEquals(10, s.poolSize());
        assertEquals("from-env", s.password());
        assertEquals("postgresql", s.serviceProperties("main").get(DataSources.DIALECT));
        assertFalse(s.toString().contains("from-env"));
        Map<String, Object> units = PersistenceUnits.unitProperties(null, 10, s.dialect(), s.pooled());
        assertEquals("PostgreSQL", units.get("eclipselink.target-database"));
        assertEquals("false", units.get("eclipselink.connection-pool.force-internal-pool"));
        assertEquals("false", units.get("eclipselink.cache.shared.default"), "other nodes change the rows");
        assertFalse(DatabaseSettings.of("", "", "", "", 0, NO_PROPERTIES).pooled(), "embedded Derby: EclipseLink pools");
    }

    /** The health detail and the metrics name the database; a user, a password or parameters never show. */
    @Test
    void locationNamesTheDatabaseWithoutCredentials() {
        assertEquals("db1.county.example:5432/renkou",
                DatabaseSettings.location("jdbc:postgresql://renkou:s3cret@db1.county.example:5432/renkou?password=s3cret"
                        + "&sslmode=require"));
        assertEquals("db1:5432,db2:5432/renkou", DatabaseSettings.location("postgresql://db1:5432,db2:5432/renkou"));
        assertEquals("renkou", DatabaseSettings.location(DatabaseSettings.DEFAULT_URL));
        assertEquals("/srv/renkou/data/renkou",
                DatabaseSettings.location("jdbc:derby:/srv/renkou/data/renkou;user=app;password=s3cret"));
        assertEquals("db1:5432/renkou", DatabaseSettings.of("postgresql://db1:5432/renkou?password=x", null, "renkou",
                null, 0, name -> null).serviceProperties(DataSources.MAIN).get(DataSources.LOCATION));
    }
}
