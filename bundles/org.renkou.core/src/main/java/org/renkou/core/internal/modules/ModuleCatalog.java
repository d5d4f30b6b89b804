package org.renkou.core.internal.modules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.renkou.core.api.module.RenkouModules;

/**
 * The modules there are: the distribution's features (which the launcher passes as {@code renkou.module.*}
 * framework properties, from {@code features/<id>/feature.json}) and custom modules from {@code deploy/} (bundles
 * with a {@code Renkou-Module} header).
 */
final class ModuleCatalog {
    static final Pattern MODULE_ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    /** Kinds an administrator may switch; runtime, core and web are the platform itself. */
    static final Set<String> SWITCHABLE = Set.of("province", "module", "custom");

    /** One module as described, before its state is known. */
    record Module(String id, String nameZh, String nameEn, String kind, String version, List<String> requires,
            List<String> bundleFiles, List<String> tables, String origin, Bundle deployed) {

        boolean switchable() {
            return SWITCHABLE.contains(kind);
        }

        /** Whether {@code b} is one of this module's bundles. */
        boolean owns(Bundle b) {
            if (deployed != null) {
                return deployed.getBundleId() == b.getBundleId();
            }
            String location = b.getLocation();
            return bundleFiles.stream().anyMatch(f -> location.endsWith("/" + f));
        }
    }

    private ModuleCatalog() {
    }

    /** The distribution's features, in start order. */
    static Map<String, Module> features(BundleContext ctx) {
        Map<String, Module> out = new LinkedHashMap<>();
        for (String id : list(ctx.getProperty("renkou.modules"))) {
            String p = "renkou.module." + id + ".";
            out.put(id, new Module(id, prop(ctx, p + "name.zh", id), prop(ctx, p + "name.en", id),
                    prop(ctx, p + "kind", "module"), prop(ctx, p + "version", ""), list(ctx.getProperty(p + "requires")),
                    list(ctx.getProperty(p + "bundles")), list(ctx.getProperty(p + "tables")), "feature", null));
        }
        return out;
    }

    /** A custom module as its bundle's headers describe it; {@code null} without a {@code Renkou-Module} header. */
    static Module custom(Bundle b) {
        String id = header(b, RenkouModules.MODULE_HEADER);
        if (id == null) {
            return null;
        }
        List<String> requires = new ArrayList<>(list(header(b, RenkouModules.MODULE_REQUIRES_HEADER)));
        if (requires.isEmpty()) {
            requires.add("core");
        }
        String zh = header(b, RenkouModules.MODULE_NAME_ZH_HEADER);
        String en = header(b, RenkouModules.MODULE_NAME_EN_HEADER);
        return new Module(id, zh == null ? id : zh, en == null ? id : en, "custom", b.getVersion().toString(),
                requires, List.of(), list(header(b, RenkouModules.MODULE_TABLES_HEADER)), "deploy", b);
    }

    static String header(Bundle b, String name) {
        String v = b.getHeaders("").get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String prop(BundleContext ctx, String key, String fallback) {
        String v = ctx.getProperty(key);
        return v == null ? fallback : v;
    }

    static List<String> list(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
