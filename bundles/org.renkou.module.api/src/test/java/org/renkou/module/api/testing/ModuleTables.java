package org.renkou.module.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.persistence.CollectionTable;
import javax.persistence.Table;

/**
 * A module's tables, seen two ways, for its migrations test: those its migrations create, and those its entities
 * map (with their collection tables). The core's module manager counts a switched-off module's records by the
 * first, so the two must agree — nothing is listed by hand.
 */
public final class ModuleTables {
    private static final Pattern CREATE = Pattern.compile("(?i)^CREATE\\s+TABLE\\s+([A-Z0-9_]+)");

    private ModuleTables() {
    }

    /** The tables the scripts in {@code migrations} create. */
    public static Set<String> created(Path migrations) {
        Set<String> created = new TreeSet<>();
        for (String sql : TestModuleDatabase.statements(migrations)) {
            Matcher m = CREATE.matcher(sql);
            if (m.find()) {
                created.add(m.group(1).toUpperCase(Locale.ROOT));
            }
        }
        return created;
    }

    /** The tables of the {@code *Entity} classes of {@code entitiesPackage}, read from {@code target/classes}. */
    public static Set<String> mapped(String entitiesPackage) {
        Set<String> tables = new TreeSet<>();
        Path folder = Path.of("target/classes", entitiesPackage.split("\\."));
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith("Entity.class")) {
                    Class<?> entity = Class.forName(entitiesPackage + "." + name.replace(".class", ""));
                    Table t = entity.getAnnotation(Table.class);
                    if (t != null) {
                        tables.add(t.name().toUpperCase(Locale.ROOT));
                    }
                    for (Field field : entity.getDeclaredFields()) { // e.g. the questions of an exam paper
                        CollectionTable ct = field.getAnnotation(CollectionTable.class);
                        if (ct != null) {
                            tables.add(ct.name().toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return tables;
    }
}
