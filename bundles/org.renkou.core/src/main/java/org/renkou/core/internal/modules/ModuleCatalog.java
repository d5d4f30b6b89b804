package org.renkou.core.internal.modules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.renkou.module.api.RenkouModules;

/**
 * The modules there are: the distribution's features (which the launcher passes as {@code renkou.module.*}
 * framework properties, from {@code features/<id>/feature.json}) and custom modules from {@code deploy/} (bundles
 * with a {@code Renkou-Module} header). The tables a module owns are not described here but read from its
 * migrations ({@link OwnedTables}).
 */
final class ModuleCatalog {
    static final Pattern MODULE_ID = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    /** Kinds an administrator may switch; runtime, core and web are the platform itself. */
    static final Set<String> SWITCHABLE = Set.of("province", "module", "custom");

    /** One module as described, before its state is known. */
    record Module(String id, String nameZh, String nameEn, String kind, String version, List<String> requires,
            List<String> bundleFiles, String origin, Bundle deployed) {

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
                    list(ctx.getProperty(p + "bundles")), "feature", null));
        }
        return out;
    }

    /**
     * A custom module as its bundle describes it: the {@code Renkou-Module} header (its id) and either the
     * {@code renkou.module} capability {@code @RenkouModule} writes or the plain {@code Renkou-Module-Name-Zh}…
     * headers; {@code null} without a {@code Renkou-Module} header.
     */
    static Module custom(Bundle b) {
        String id = header(b, RenkouModules.MODULE_HEADER);
        if (id == null) {
            return null;
        }
        Map<String, Object> described = described(b);
        List<String> requires = new ArrayList<>(list(header(b, RenkouModules.MODULE_REQUIRES_HEADER)));
        if (requires.isEmpty() && described.get("requires") instanceof List<?> l) {
            l.forEach(r -> requires.add(r.toString()));
        }
        if (requires.isEmpty()) {
            requires.add("core");
        }
        String zh = Optional.ofNullable(header(b, RenkouModules.MODULE_NAME_ZH_HEADER))
                .orElse((String) described.get("name.zh"));
        String en = Optional.ofNullable(header(b, RenkouModules.MODULE_NAME_EN_HEADER))
                .orElse((String) described.get("name.en"));
        return new Module(id, zh == null ? id : zh, en == null ? id : en, "custom", b.getVersion().toString(),
                requires, List.of(), "deploy", b);
    }

    /** The attributes of the bundle's {@code renkou.module} capability; empty when it has none. */
    private static Map<String, Object> described(Bundle b) {
        BundleRevision rev = b.adapt(BundleRevision.class);
        if (rev == null) {
            return Map.of();
        }
        List<BundleCapability> caps = rev.getDeclaredCapabilities(RenkouModules.MODULE_NAMESPACE);
        return caps.isEmpty() ? Map.of() : caps.get(0).getAttributes();
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
