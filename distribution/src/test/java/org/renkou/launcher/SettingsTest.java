package org.renkou.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SettingsTest {
    private static final Path DIST = Path.of("/opt/renkou");

    @Test
    void defaultsLiveBesideTheDistribution() {
        Settings s = Settings.from(DIST, Map.of(), Map.of());
        assertEquals(DIST, s.home());
        assertEquals(DIST.resolve("data"), s.data());
        assertEquals(DIST.resolve("files"), s.files());
        assertEquals(8080, s.port());
        assertEquals("127.0.0.1", s.host());
        assertEquals("living", s.sampleData());
        assertEquals(DIST.resolve("deploy"), s.deploy());
    }

    @Test
    void environmentAndSystemPropertiesOverride() {
        Settings s = Settings.from(DIST, Map.of("RENKOU_HOME", "/srv/a", "RENKOU_PORT", " 9090 ",
                "RENKOU_SAMPLE_DATA", "false", "RENKOU_HOST", "0.0.0.0"), Map.of("renkou.port", "9191"));
        assertEquals(Path.of("/srv/a"), s.home());
        assertEquals(Path.of("/srv/a/data"), s.data());
        assertEquals(Path.of("/srv/a/files"), s.files());
        assertEquals(Path.of("/mnt/renkou"), Settings.from(DIST, Map.of("RENKOU_FILES", "/mnt/renkou/"), Map.of())
                .files(), "the shared folder of several nodes");
        assertEquals(9191, s.port(), "a system property wins over the environment");
        assertEquals("0.0.0.0", s.host());
        assertEquals("false", s.sampleData());
        assertEquals("jurisdictions", Settings.from(DIST, Map.of("RENKOU_SAMPLE_DATA", "Jurisdictions"), Map.of())
                .sampleData());
        assertEquals("living", Settings.from(DIST, Map.of("RENKOU_SAMPLE_DATA", "true"), Map.of()).sampleData());
        assertThrows(Settings.InvalidSetting.class,
                () -> Settings.from(DIST, Map.of("RENKOU_SAMPLE_DATA", "some"), Map.of()));
        assertEquals("9191", s.placeholders().get("renkou.port"));
    }

    @Test
    void databaseComesFromTheEnvironmentAsFrameworkProperties() {
        assertTrue(Settings.from(DIST, Map.of(), Map.of()).database().isEmpty(), "no setting: embedded Derby");
        Settings s = Settings.from(DIST, Map.of("RENKOU_DB", " postgresql://db:5432/renkou ", "RENKOU_DB_USER",
                "renkou", "RENKOU_DB_PASSWORD_FILE", "/etc/renkou/db-password", "RENKOU_DB_REPLICA",
                "postgresql://standby:5432/renkou", "RENKOU_DB_REPLICA_MAX_LAG", "10"), Map.of("renkou.db.user", "ops"));
        assertEquals(Map.of("renkou.db.url", "postgresql://db:5432/renkou", "renkou.db.user", "ops",
                "renkou.db.password.file", "/etc/renkou/db-password", "renkou.db.replica.url",
                "postgresql://standby:5432/renkou", "renkou.db.replica.max.lag.seconds", "10"), s.database());
    }

    @Test
    void trustedProxiesBecomeAFrameworkProperty() {
        assertEquals(null, Settings.from(DIST, Map.of(), Map.of()).trustedProxies(), "none: X-Forwarded-For ignored");
        Settings s = Settings.from(DIST, Map.of("RENKOU_TRUSTED_PROXIES", " 127.0.0.1,10.0.0.0/8 "), Map.of());
        assertEquals("127.0.0.1,10.0.0.0/8", s.trustedProxies());
        assertEquals("10.1.2.3", Settings.from(DIST, Map.of("RENKOU_TRUSTED_PROXIES", "127.0.0.1"),
                Map.of("renkou.trustedProxies", "10.1.2.3")).trustedProxies(), "a system property wins");
    }

    @Test
    void badPortIsASentence() {
        for (String bad : new String[] {"eighty", "0", "65536", "-1"}) {
            Settings.InvalidSetting e = assertThrows(Settings.InvalidSetting.class,
                    () -> Settings.from(DIST, Map.of("RENKOU_PORT", bad), Map.of()));
            assertTrue(e.getMessage().contains("RENKOU_PORT=" + bad), e.getMessage());
        }
    }
}
