package org.renkou.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every foreign key of the core's schema has an index that starts with its columns, on PostgreSQL too. Derby makes
 * one for each foreign key itself, PostgreSQL does not: without it a household's members or a snapshot's cells are
 * a scan of the whole table, and deleting a parent row scans the child (the import crawled at ~480 rows/s for want
 * of the one on RESIDENT.HOUSEHOLD_ID). Read from the scripts PostgreSQL runs, in order, drops included.
 */
class ForeignKeyIndexesTest {
    private static final Pattern CREATE_TABLE = Pattern.compile("(?is)CREATE\\s+TABLE\\s+(\\w+)\\s*\\((.*)\\)\\s*$");
    private static final Pattern FOREIGN_KEY = Pattern.compile("(?i)FOREIGN\\s+KEY\\s*\\(([^)]*)\\)");
    private static final Pattern KEY = Pattern.compile("(?i)(?:PRIMARY\\s+KEY|UNIQUE)\\s*\\(([^)]*)\\)");
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "(?i)CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?(\\w+)\\s+ON\\s+(\\w+)\\s*\\(([^)]*)\\)");
    private static final Pattern DROP_INDEX = Pattern.compile("(?i)DROP\\s+INDEX\\s+(?:IF\\s+EXISTS\\s+)?(\\w+)");
    private static final Pattern ALTER_ADD = Pattern.compile(
            "(?i)ALTER\\s+TABLE\\s+(\\w+)\\s+ADD\\s+(?:CONSTRAINT\\s+\\w+\\s+)?(FOREIGN\\s+KEY|PRIMARY\\s+KEY|UNIQUE)\\s*\\(([^)]*)\\)");

    @Test
    void everyForeignKeyHasAnIndexOnPostgresql() throws Exception {
        SchemaMigrations m = new SchemaMigrations("core", SchemaMigrations.inFolder(Path.of("target/classes/db/core")));
        List<String[]> foreignKeys = new ArrayList<>(); // table, columns
        List<String[]> keys = new ArrayList<>();        // table, columns (primary keys and unique constraints)
        Map<String, String[]> indexes = new HashMap<>(); // name -> table, columns
        for (SchemaMigrations.Script s : m.scriptsFor(Dialect.POSTGRESQL)) {
            for (String statement : s.sql().replaceAll("--[^\\n]*", "").split(";")) {
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
            boolean covered = covering.stream().anyMatch(i -> i[0].equals(fk[0]) && (i[1] + ",").startsWith(fk[1] + ","));
            if (!covered) {
                unindexed.add(fk[0] + "(" + fk[1] + ")");
            }
        }
        assertTrue(foreignKeys.size() > 30, "the scripts were read: " + foreignKeys.size() + " foreign keys");
        assertEquals(List.of(), unindexed, "foreign keys without an index on PostgreSQL");
    }

    private static String columns(String list) {
        return String.join(",", Arrays.stream(list.split(","))
                .map(c -> c.strip().split("\\s+")[0].toUpperCase(Locale.ROOT)).toList());
    }
}
