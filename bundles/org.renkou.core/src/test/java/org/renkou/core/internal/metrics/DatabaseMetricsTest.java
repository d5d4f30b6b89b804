package org.renkou.core.internal.metrics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.Map;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.metrics.MetricsWriter;
import org.renkou.core.internal.db.DataSources;

class DatabaseMetricsTest {

    /** A HikariCP pool (as on PostgreSQL; here over an in-memory Derby) reports its connections in use and size. */
    @Test
    void aPoolReportsConnectionsInUseIdleAndWaiting() throws Exception {
        EmbeddedDataSource driver = new EmbeddedDataSource();
        driver.setDatabaseName("memory:poolmetrics");
        driver.setCreateDatabase("create");
        HikariConfig c = new HikariConfig();
        c.setDataSource(driver);
        c.setMaximumPoolSize(3);
        c.setMinimumIdle(1);
        try (HikariDataSource pool = new HikariDataSource(c); Connection held = pool.getConnection()) {
            String text = scrape(new DatabaseMetrics(Map.entry(Map.of(DataSources.DIALECT, "postgresql",
                    DataSources.LOCATION, "db1:5432/renkou"), pool)));
            assertTrue(text.contains("renkou_database_info{dialect=\"postgresql\",location=\"db1:5432/renkou\"} 1\n")
                    && text.contains("\nrenkou_db_pool_active_connections 1\n")
                    && text.contains("\nrenkou_db_pool_max_connections 3\n")
                    && text.contains("\nrenkou_db_pool_pending_threads 0\n"), text);
        }
    }

    /** Embedded Derby: which database, and no pool figures (EclipseLink pools internally). */
    @Test
    void derbyNamesItselfAndHasNoPoolFigures() {
        String text = scrape(new DatabaseMetrics(Map.entry(Map.of(DataSources.DIALECT, "derby",
                DataSources.LOCATION, "renkou"), new EmbeddedDataSource())));
        assertTrue(text.contains("renkou_database_info{dialect=\"derby\",location=\"renkou\"} 1\n"), text);
        assertFalse(text.contains("renkou_db_pool"), text);
    }

    private static String scrape(DatabaseMetrics m) {
        StringBuilder out = new StringBuilder();
        m.write(new MetricsWriter(out));
        return out.toString();
    }
}
