package org.renkou.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.jdbc.DataSourceFactory;

class ReplicaSettingsTest {
    private static final DatabaseSettings PRIMARY = new DatabaseSettings(DatabaseSettings.POSTGRESQL,
            "jdbc:postgresql://db1:5432/renkou", "renkou", "s3cret", 10);

    @Test
    void noReplicaUnlessOneIsConfigured() {
        assertNull(ReplicaSettings.of("", 0, name -> null, PRIMARY));
        assertNull(ReplicaSettings.of("", 0, name -> null, DatabaseSettings.of("", "", "", "", 0, name -> null)),
                "Derby, the default, has none");
    }

    @Test
    void frameworkPropertiesGiveTheStandbyWithThePrimarysLogin() {
        Map<String, String> fw = Map.of("renkou.db.replica.url", "postgresql://db2:5432/renkou",
                "renkou.db.replica.max.lag.seconds", "10");
        ReplicaSettings r = ReplicaSettings.of("", 0, fw::get, PRIMARY);
        assertEquals("jdbc:postgresql://db2:5432/renkou", r.url());
        assertEquals(10, r.maxLagSeconds());
        assertEquals("db2:5432/renkou", r.location());
        assertEquals("jdbc:postgresql://db2:5432/renkou", r.jdbcProperties(PRIMARY).getProperty(DataSourceFactory.JDBC_URL));
        assertEquals("s3cret", r.jdbcProperties(PRIMARY).getProperty(DataSourceFactory.JDBC_PASSWORD));
        Map<String, Object> service = r.serviceProperties(PRIMARY);
        assertEquals("replica", service.get(DataSources.NAME));
        assertEquals(10, service.get(ReplicaSettings.MAX_LAG));
        assertFalse(service.toString().contains("s3cret"));
        assertEquals(30, ReplicaSettings.of("postgresql://db2/renkou", 0, name -> null, PRIMARY).maxLagSeconds());
    }

    @Test
    void aReplicaBesideDerbyOrAWrongLagIsASentence() {
        DatabaseSettings derby = DatabaseSettings.of("", "", "", "", 0, name -> null);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReplicaSettings.of("postgresql://db2/renkou", 0, name -> null, derby));
        assertTrue(e.getMessage().contains("needs a PostgreSQL primary"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ReplicaSettings.of("postgresql://db2/renkou", 0,
                Map.of("renkou.db.replica.max.lag.seconds", "soon")::get, PRIMARY));
        assertTrue(e.getMessage().contains("renkou.db.replica.max.lag.seconds=soon"), e.getMessage());
    }
}
