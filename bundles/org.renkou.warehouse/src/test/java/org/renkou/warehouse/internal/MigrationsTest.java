package org.renkou.warehouse.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.persistence.Table;

import org.junit.jupiter.api.Test;

/**
 * The module's tables are those its migrations create (the core's module manager counts a switched-off module's
 * records by them, nothing is listed by hand): every entity's table must be created there, and nothing else.
 */
class MigrationsTest {
    private static final Pattern CREATE = Pattern.compile("(?i)^CREATE\\s+TABLE\\s+([A-Z0-9_]+)");

    @Test
    void theMigrationsCreateExactlyTheEntitiesTables() throws Exception {
        Set<String> created = new TreeSet<>();
        for (String sql : TestModuleDatabase.statements(TestWarehouse.MIGRATIONS)) {
            Matcher m = CREATE.matcher(sql);
            if (m.find()) {
                created.add(m.group(1).toUpperCase(Locale.ROOT));
            }
        }
        assertEquals(entityTables(), created);
    }

    private static Set<String> entityTables() throws IOException, ClassNotFoundException {
        Set<String> tables = new TreeSet<>();
        Path folder = Path.of("target/classes/org/renkou/warehouse/internal/entities");
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith("Entity.class")) {
                    Table t = Class.forName("org.renkou.warehouse.internal.entities." + name.replace(".class", ""))
                            .getAnnotation(Table.class);
                    if (t != null) {
                        tables.add(t.name().toUpperCase(Locale.ROOT));
                    }
                }
            }
        }
        return tables;
    }
}
