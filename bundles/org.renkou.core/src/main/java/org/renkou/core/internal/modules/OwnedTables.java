package org.renkou.core.internal.modules;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.renkou.core.internal.db.SchemaMigrations;
import org.renkou.module.api.RenkouModules;

/**
 * The tables a module owns: those its migrations ({@code db/<id>/V*.sql} in its bundles) create and do not drop
 * again. Read from the scripts themselves, so the switch plan can never under-count a module whose list was kept
 * by hand (as {@code WH_REPORT_SIGN_OFF} once was).
 */
final class OwnedTables {
    private static final Pattern STATEMENT = Pattern.compile(
            "(?im)^\\s*(CREATE|DROP)\\s+TABLE\\s+(?:IF\\s+(?:NOT\\s+)?EXISTS\\s+)?\"?([A-Za-z][A-Za-z0-9_]*)\"?");

    /** Per bundle id: the bundle's last modification and the tables found then (a bundle's scripts change on update). */
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long lastModified, List<String> tables) {
    }

    /** The tables module {@code id} owns, over all of {@code bundles}, in the order they were created. */
    List<String> of(String id, List<Bundle> bundles) {
        Set<String> out = new LinkedHashSet<>();
        for (Bundle b : bundles) {
            String key = b.getBundleId() + "/" + id;
            Cached c = cache.get(key);
            if (c == null || c.lastModified() != b.getLastModified()) {
                c = new Cached(b.getLastModified(), read(b, RenkouModules.migrationsFolder(id)));
                cache.put(key, c);
            }
            out.addAll(c.tables());
        }
        return List.copyOf(out);
    }

    private static List<String> read(Bundle b, String folder) {
        List<String> texts = new ArrayList<>();
        try {
            for (SchemaMigrations.Script script : SchemaMigrations.inBundle(b, folder)) {
                texts.add(script.sql());
            }
        } catch (RuntimeException e) {
            // uninstalled meanwhile, or a script the module's migration fails on and reports: nothing to count here
            return List.of();
        }
        return tables(texts);
    }

    /** The tables created and not dropped again by {@code scripts}, in order; names upper-case as Derby keeps them. */
    static List<String> tables(List<String> scripts) {
        Set<String> out = new LinkedHashSet<>();
        for (String script : scripts) {
            Matcher m = STATEMENT.matcher(script);
            while (m.find()) {
                String table = m.group(2).toUpperCase(java.util.Locale.ROOT);
                if (m.group(1).equalsIgnoreCase("CREATE")) {
                    out.add(table);
                } else {
                    out.remove(table);
                }
            }
        }
        return List.copyOf(out);
    }
}
