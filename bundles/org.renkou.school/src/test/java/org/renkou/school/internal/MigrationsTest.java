package org.renkou.school.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.renkou.module.api.testing.ModuleTables;

/**
 * The module's tables are those its migrations create (the core's module manager counts a switched-off module's
 * records by them): every entity's table must be created there, and nothing else.
 */
class MigrationsTest {

    @Test
    void theMigrationsCreateExactlyTheEntitiesTables() {
        assertEquals(ModuleTables.mapped("org.renkou.school.internal.entities"), ModuleTables.created(TestSchool.MIGRATIONS));
    }
}
