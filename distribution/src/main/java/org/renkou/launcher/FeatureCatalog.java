package org.renkou.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The features of a distribution, read from {@code features/<id>/feature.json} and {@code features/<id>/bundles.txt}
 * (the bundle list Maven resolved for the feature), in an order where every feature comes after those it requires.
 */
public final class FeatureCatalog {
    private static final Set<String> SCOPES = Set.of("compile", "runtime", "provided", "system", "test");

    private final List<Feature> features;

    private FeatureCatalog(List<Feature> features) {
        this.features = features;
    }

    public List<Feature> features() {
        return features;
    }

    public static FeatureCatalog read(Path featuresDir) throws IOException {
        Map<String, Feature> byId = new LinkedHashMap<>();
        try (Stream<Path> dirs = Files.list(featuresDir)) {
            for (Path dir : dirs.sorted().toList()) {
                Path json = dir.resolve("feature.json");
                if (!Files.isRegularFile(json)) {
                    continue;
                }
                Feature f = parse(Files.readString(json, StandardCharsets.UTF_8),
                        Files.readAllLines(dir.resolve("bundles.txt"), StandardCharsets.UTF_8), json.toString());
                if (byId.put(f.id(), f) != null) {
                    throw new IllegalArgumentException("Two features with id " + f.id());
                }
            }
        }
        return new FeatureCatalog(ordered(byId));
    }

    @SuppressWarnings("unchecked")
    static Feature parse(String json, List<String> bundleLines, String where) {
        Map<String, Object> m;
        try {
            m = (Map<String, Object>) MiniJson.parse(json);
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        String id = (String) m.get("id");
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException(where + ": no id");
        }
        List<Feature.Coordinate> bundles = new ArrayList<>();
        for (String line : bundleLines) {
            Feature.Coordinate c = coordinate(line);
            if (c != null) {
                bundles.add(c);
            }
        }
        Map<String, Integer> levels = new HashMap<>();
        ((Map<String, Object>) m.getOrDefault("bundleStartLevels", Map.of()))
                .forEach((k, v) -> levels.put(k, ((Number) v).intValue()));
        Map<String, String> props = new LinkedHashMap<>();
        ((Map<String, Object>) m.getOrDefault("properties", Map.of())).forEach((k, v) -> props.put(k, String.valueOf(v)));
        Map<String, String> name = new LinkedHashMap<>();
        ((Map<String, Object>) m.getOrDefault("name", Map.of())).forEach((k, v) -> name.put(k, String.valueOf(v)));
        return new Feature(id, (String) m.get("version"), (String) m.getOrDefault("kind", "module"), name,
                List.copyOf((List<String>) m.getOrDefault("requires", List.of())),
                ((Number) m.getOrDefault("startLevel", 20.0)).intValue(), levels, props, List.copyOf(bundles));
    }

    /**
     * Reads a line of {@code mvn dependency:list}, {@code group:artifact:jar[:classifier]:version[:scope]} followed
     * by optional remarks; other lines (headers, non-jar artifacts) give {@code null}.
     */
    static Feature.Coordinate coordinate(String line) {
        String t = line.strip();
        if (t.isEmpty()) {
            return null;
        }
        String[] parts = t.split("\\s+", 2)[0].split(":");
        int n = parts.length;
        if (n > 0 && SCOPES.contains(parts[n - 1])) {
            n--;
        }
        if ((n != 4 && n != 5) || !"jar".equals(parts[2])) {
            return null;
        }
        return new Feature.Coordinate(parts[0], parts[1], parts[n - 1]);
    }

    /** Orders features so that each follows what it requires; an unknown requirement or a cycle is an error. */
    static List<Feature> ordered(Map<String, Feature> byId) {
        List<Feature> out = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        for (String id : byId.keySet()) {
            visit(id, byId, done, new LinkedHashSet<>(), out);
        }
        return List.copyOf(out);
    }

    private static void visit(String id, Map<String, Feature> byId, Set<String> done, Set<String> path,
            List<Feature> out) {
        if (done.contains(id)) {
            return;
        }
        if (!path.add(id)) {
            throw new IllegalArgumentException("Features require each other in a circle: " + path + " -> " + id);
        }
        Feature f = byId.get(id);
        for (String r : f.requires()) {
            if (!byId.containsKey(r)) {
                throw new IllegalArgumentException("Feature " + id + " requires feature " + r + ", which is not installed");
            }
            visit(r, byId, done, path, out);
        }
        path.remove(id);
        done.add(id);
        out.add(f);
    }

    /** Every framework property the features set, with {@code ${renkou.*}} placeholders filled in. */
    public Map<String, String> properties(Map<String, String> placeholders) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Feature f : features) {
            f.properties().forEach((k, v) -> {
                String value = v;
                for (Map.Entry<String, String> p : placeholders.entrySet()) {
                    value = value.replace("${" + p.getKey() + "}", p.getValue());
                }
                out.put(k, value);
            });
        }
        return out;
    }

    /**
     * The module catalogue as framework properties, for the module manager inside the framework (which has no JSON
     * reader of its own): {@code renkou.modules} lists the ids in start order; for each id,
     * {@code renkou.module.<id>.} {@code name.zh}, {@code name.en}, {@code kind}, {@code version}, {@code requires},
     * {@code bundles} (file names in {@code system/}), lists comma-separated. (The tables a module owns are not listed:
     * the module manager reads them from the module's migrations.)
     */
    public Map<String, String> moduleProperties() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("renkou.modules", String.join(",", features.stream().map(Feature::id).toList()));
        for (Feature f : features) {
            String p = "renkou.module." + f.id() + ".";
            out.put(p + "name.zh", f.name().getOrDefault("zh", f.id()));
            out.put(p + "name.en", f.name().getOrDefault("en", f.id()));
            out.put(p + "kind", f.kind());
            out.put(p + "version", f.version() == null ? "" : f.version());
            out.put(p + "requires", String.join(",", f.requires()));
            out.put(p + "bundles", String.join(",", f.bundles().stream().map(Feature.Coordinate::fileName).toList()));
        }
        return out;
    }

    /** One bundle to install: where its file is and at which start level. */
    public record BundleFile(Feature feature, Feature.Coordinate coordinate, Path file, int startLevel) {
    }

    /** Every bundle of every feature, once, resolved against the {@code system/} folder. */
    public List<BundleFile> bundles(Path systemDir) {
        Map<String, BundleFile> out = new LinkedHashMap<>();
        for (Feature f : features) {
            for (Feature.Coordinate c : f.bundles()) {
                out.putIfAbsent(c.groupId() + ":" + c.artifactId(),
                        new BundleFile(f, c, systemDir.resolve(c.fileName()), f.startLevelOf(c)));
            }
        }
        return List.copyOf(out.values());
    }
}
