package org.renkou.association.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.renkou.module.api.testing.ModuleTables;

/**
 * The module's tables are those its migrations create (the core's module manager counts a switched-off module's
 * records by them): every entity's table must be created there, and nothing else.
 */
class MigrationsTest {

    @Test
    void theMigrationsCreateExactlyTheEntitiesTables() {
        Set<String> mapped = new TreeSet<>(); // the entities are split by domain, as the services
        for (String domain : List.of("organisation", "meetings", "activities", "families", "notices", "surveys")) {
            mapped.addAll(ModuleTables.mapped("org.renkou.association.internal.entities." + domain));
        }
        assertEquals(mapped, ModuleTables.created(TestAssociation.MIGRATIONS));
    }

    /** PostgreSQL makes no index for a foreign key by itself (Derby does): the module's scripts make every one. */
    @Test
    void everyForeignKeyHasAnIndexOnPostgresql() {
        assertEquals(List.of(), ModuleTables.unindexedForeignKeys(TestAssociation.MIGRATIONS));
    }
}
