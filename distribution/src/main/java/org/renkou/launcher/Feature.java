package org.renkou.launcher;

import java.util.List;
import java.util.Map;

/**
 * A feature as its descriptor says: the bundles that make it, what it requires, and the framework properties it
 * sets. Read from {@code features/<id>/feature.json} and {@code bundles.txt}; see {@link FeatureCatalog}.
 */
public record Feature(String id, String version, String kind, Map<String, String> name, List<String> requires,
        int startLevel, Map<String, Integer> bundleStartLevels, Map<String, String> properties, List<Coordinate> bundles) {

    /** A bundle by its Maven coordinates. */
    public record Coordinate(String groupId, String artifactId, String version) {
        /** The file name the distribution stores it under in {@code system/}. */
        public String fileName() {
            return artifactId + "-" + version + ".jar";
        }
    }

    public int startLevelOf(Coordinate c) {
        return bundleStartLevels.getOrDefault(c.artifactId(), startLevel);
    }
}
