package org.renkou.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One history, per-dialect scripts: a dialect's own script replaces the common one of its version, or adds one. */
class SchemaMigrationsDialectTest {
    private static final SchemaMigrations.Script COMMON_1 = new SchemaMigrations.Script(1, "one", "A");
    private static final SchemaMigrations.Script COMMON_2 = new SchemaMigrations.Script(2, "two", "B CLOB");
    private static final SchemaMigrations.Script PG_2 = new SchemaMigrations.Script(2, "two", "B TEXT", Dialect.POSTGRESQL);
    private static final SchemaMigrations.Script PG_1000 = new SchemaMigrations.Script(1000, "bool", "C", Dialect.POSTGRESQL);

    @Test
    void eachDatabaseGetsItsOwnScriptOrTheCommonOne() {
        SchemaMigrations m = new SchemaMigrations("x", List.of(PG_1000, COMMON_2, PG_2, COMMON_1));
        assertEquals(List.of(COMMON_1, COMMON_2), m.scriptsFor(Dialect.DERBY));
        assertEquals(List.of(COMMON_1, PG_2, PG_1000), m.scriptsFor(Dialect.POSTGRESQL));
        assertEquals(2, m.size());
    }

    @Test
    void aVersionTwiceForOneDialectIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SchemaMigrations("x", List.of(PG_2, PG_2)));
        assertThrows(IllegalArgumentException.class, () -> new SchemaMigrations("x", List.of(COMMON_2, COMMON_2)));
    }

    /**
     * The core's own folder: PostgreSQL has its V9, V1000, V1001, V1002, V1800 (the audit log by year), V1801 (the
     * statistics cells without their foreign key) and V1802 (residents and households by prefecture), Derby the
     * common scripts only.
     */
    @Test
    void theCoreScriptsOnDisk() throws Exception {
        SchemaMigrations m = new SchemaMigrations("core", SchemaMigrations.inFolder(Path.of("target/classes/db/core")));
        List<SchemaMigrations.Script> derby = m.scriptsFor(Dialect.DERBY);
        List<SchemaMigrations.Script> pg = m.scriptsFor(Dialect.POSTGRESQL);
        assertEquals(m.size(), derby.size());
        assertEquals(derby.size() + 6, pg.size());
        assertEquals(Dialect.POSTGRESQL, pg.stream().filter(s -> s.version() == 9).findFirst().orElseThrow().dialect());
        assertEquals(1802, pg.get(pg.size() - 1).version());
    }

    /** A PostgreSQL function's body is one statement, its inner semicolons included. */
    @Test
    void aDollarQuotedBodyIsNotSplit() {
        String script = "CREATE TABLE A (X INT);\n-- a comment\nCREATE FUNCTION F() RETURNS trigger AS $$\nBEGIN\n"
                + "    INSERT INTO A VALUES (1);\n    RETURN NULL;\nEND $$;\nDROP TABLE B;\n"
                + "SELECT '$$x$$';\n";
        List<String> statements = SchemaMigrations.statements(script);
        assertEquals(4, statements.size(), statements.toString());
        assertEquals("CREATE FUNCTION F() RETURNS trigger AS $$\nBEGIN\nINSERT INTO A VALUES (1);\nRETURN NULL;\nEND $$",
                statements.get(1));
        assertEquals("DROP TABLE B", statements.get(2));
    }
}
