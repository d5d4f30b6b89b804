package org.renkou.itests;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips a PostgreSQL test where the server binaries are missing, saying so; with
 * {@code -Drenkou.it.requirePostgres=true} (set by {@code .ci/run}, which installs them) their absence fails instead.
 */
final class PostgresAssumptions {
    private PostgresAssumptions() {
    }

    static void assumeAvailable() {
        String why = PostgresServer.unavailable();
        if (why != null && Boolean.getBoolean("renkou.it.requirePostgres")) {
            throw new AssertionError("PostgreSQL required (renkou.it.requirePostgres): " + why);
        }
        Assumptions.assumeTrue(why == null, () -> "skipped: " + why);
    }
}
