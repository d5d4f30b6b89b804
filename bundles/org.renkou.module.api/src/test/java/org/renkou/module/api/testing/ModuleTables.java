package org.renkou.module.api.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.persistence.CollectionTable;
import javax.persistence.Table;

/**
 * A module's tables, seen two ways, for its migrations test: those its migrations create, and those its entities
 * map (with their collection tables). The core's module manager counts a switched-off module's records by the
 * first, so the two must agree — nothing is listed by hand. And its foreign keys as PostgreSQL sees them, which,
 * unlike Derby, makes no index for a foreign key by itself.
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

    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)CREATE\\s+TABLE\\s+(\\w+)\\s*\\((.*)\\)\\s*$");
    private static final Pattern FOREIGN_KEY = Pattern.compile("(?i)FOREIGN\\s+KEY\\s*\\(([^)]*)\\)");
    private static final Pattern KEY = Pattern.compile("(?i)(?:PRIMARY\\s+KEY|UNIQUE)\\s*\\(([^)]*)\\)");
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "(?i)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s+ON\\s+(\\w+)\\s*\\(([^)]*)\\)");
    private static final Pattern DROP_INDEX = Pattern.compile("(?i)DROP\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)");
    private static final Pattern ALTER_ADD = Pattern.compile("(?i)ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+"
            + "(?:CONSTRAINT\\s+\\w+\\s+)?(FOREIGN\\s+KEY|PRIMARY\\s+KEY|UNIQUE)\\s*\\(([^)]*)\\)");

    /**
     * The foreign keys ({@code TABLE(COLUMNS)}) that no index, primary key or unique constraint starts with, in the
     * scripts PostgreSQL runs: those of {@code migrations}, a {@code postgresql/} script taking its version's place,
     * in version order, dropped indexes gone. Should be empty: without the index a parent's children are a scan.
     */
    public static List<String> unindexedForeignKeys(Path migrations) {
        List<String[]> foreignKeys = new ArrayList<>(); // table, columns
        List<String[]> keys = new ArrayList<>();        // primary keys and unique constraints
        Map<String, String[]> indexes = new HashMap<>(); // by name, so that a drop removes it
        for (Path script : postgresqlScripts(migrations)) {
            String sql;
            try {
                sql = Files.readString(script);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (String statement : sql.replaceAll("--[^\\n]*", "").split(";")) {
                Matcher t = CREATE_TABLE.matcher(statement.strip());
                if (t.find()) {
                    String table = t.group(1).toUpperCase(Locale.ROOT);
                    for (Matcher f = FOREIGN_KEY.matcher(t.group(2)); f.find();) {
                        foreignKeys.add(new String[] {table, columns(f.group(1))});
                    }
                    for (Matcher k = KEY.matcher(t.group(2)); k.find();) {
                        keys.add(new String[] {table, columns(k.group(1))});
                    }
                }
                for (Matcher i = CREATE_INDEX.matcher(statement); i.find();) {
                    indexes.put(i.group(1).toUpperCase(Locale.ROOT),
                            new String[] {i.group(2).toUpperCase(Locale.ROOT), columns(i.group(3))});
                }
                for (Matcher d = DROP_INDEX.matcher(statement); d.find();) {
                    indexes.remove(d.group(1).toUpperCase(Locale.ROOT));
                }
                for (Matcher a = ALTER_ADD.matcher(statement); a.find();) {
                    String[] entry = {a.group(1).toUpperCase(Locale.ROOT), columns(a.group(3))};
                    (a.group(2).toUpperCase(Locale.ROOT).startsWith("FOREIGN") ? foreignKeys : keys).add(entry);
                }
            }
        }
        List<String[]> covering = new ArrayList<>(keys);
        covering.addAll(indexes.values());
        List<String> unindexed = new ArrayList<>();
        for (String[] fk : foreignKeys) {
            if (covering.stream().noneMatch(i -> i[0].equals(fk[0]) && (i[1] + ",").startsWith(fk[1] + ","))) {
                unindexed.add(fk[0] + "(" + fk[1] + ")");
            }
        }
        return unindexed;
    }

    /** The number of foreign keys in the scripts PostgreSQL runs (a test checks the scripts were read at all). */
    public static int foreignKeys(Path migrations) {
        int n = 0;
        for (Path script : postgresqlScripts(migrations)) {
            try {
                for (Matcher f = FOREIGN_KEY.matcher(Files.readString(script)); f.find();) {
                    n++;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return n;
    }

    private static List<Path> postgresqlScripts(Path migrations) {
        Map<Integer, Path> byVersion = new TreeMap<>();
        for (Path folder : List.of(migrations, migrations.resolve("postgresql"))) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).forEach(f -> {
                    String name = f.getFileName().toString();
                    byVersion.put(Integer.parseInt(name.substring(1, name.indexOf("__"))), f); // postgresql/ last
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ArrayList<>(byVersion.values());
    }

    private static String columns(String list) {
        return String.join(",", Arrays.stream(list.split(","))
                .map(c -> c.strip().split("\\s+")[0].toUpperCase(Locale.ROOT)).toList());
    }
}
