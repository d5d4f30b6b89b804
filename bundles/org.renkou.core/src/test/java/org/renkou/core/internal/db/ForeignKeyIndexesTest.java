package org.renkou.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.renkou.module.api.testing.ModuleTables;

/**
 * Every foreign key of the core's schema has an index that starts with its columns, on PostgreSQL too. Derby makes
 * one for each foreign key itself, PostgreSQL does not: without it a household's members or a snapshot's cells are
 * a scan of the whole table, and deleting a parent row scans the child (the import crawled at ~480 rows/s for want
 * of the one on RESIDENT.HOUSEHOLD_ID). Read from the scripts PostgreSQL runs, in order, drops included — the same
 * check the modules' migrations tests make with the module test kit.
 */
class ForeignKeyIndexesTest {

    @Test
    void everyForeignKeyHasAnIndexOnPostgresql() {
        Path core = Path.of("target/classes/db/core");
        assertTrue(ModuleTables.foreignKeys(core) > 30, "the scripts were read");
        assertEquals(List.of(), ModuleTables.unindexedForeignKeys(core), "foreign keys without an index on PostgreSQL");
    }
}
