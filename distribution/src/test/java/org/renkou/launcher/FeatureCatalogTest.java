package org.renkou.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureCatalogTest {
    private static final List<String> LIST_OUTPUT = List.of(
            "",
            "The following files have been resolved:",
            "   org.apache.felix:org.apache.felix.scr:jar:2.2.18 -- module org.apache.felix.scr (auto)",
            "   org.osgi:org.osgi.util.promise:jar:1.3.0:compile",
            "   org.renkou:org.renkou.core:jar:0.1.0-SNAPSHOT",
            "   org.example:with-classifier:jar:osgi:1.2:runtime",
            "   org.example:not-a-jar:pom:1.0");

    @Test
    void readsDescriptorAndResolvedBundleList() {
        Feature f = FeatureCatalog.parse("""
                {"id":"runtime","version":"1.0","name":{"zh":"运行环境","en":"Runtime"},"requires":[],
                 "startLevel":2,"bundleStartLevels":{"org.osgi.util.promise":1},
                 "properties":{"felix.fileinstall.dir":"${renkou.home}/deploy","n":3}}""", LIST_OUTPUT, "test");
        assertEquals("runtime", f.id());
        assertEquals("运行环境", f.name().get("zh"));
        assertEquals(List.of(
                new Feature.Coordinate("org.apache.felix", "org.apache.felix.scr", "2.2.18"),
                new Feature.Coordinate("org.osgi", "org.osgi.util.promise", "1.3.0"),
                new Feature.Coordinate("org.renkou", "org.renkou.core", "0.1.0-SNAPSHOT"),
                new Feature.Coordinate("org.example", "with-classifier", "1.2")), f.bundles());
        assertEquals(1, f.startLevelOf(f.bundles().get(1)));
        assertEquals(2, f.startLevelOf(f.bundles().get(0)));
        assertEquals("org.renkou.core-0.1.0-SNAPSHOT.jar", f.bundles().get(2).fileName());
    }

    @Test
    void ordersByRequirementsAndFillsPlaceholders(@TempDir Path dir) throws Exception {
        write(dir, "web", "{\"id\":\"web\",\"requires\":[\"core\"],\"properties\":{\"port\":\"${renkou.port}\"}}");
        write(dir, "core", "{\"id\":\"core\",\"requires\":[\"runtime\"]}");
        write(dir, "runtime", "{\"id\":\"runtime\",\"properties\":{\"dir\":\"${renkou.home}/deploy\"}}");
        FeatureCatalog c = FeatureCatalog.read(dir);
        assertEquals(List.of("runtime", "core", "web"), c.features().stream().map(Feature::id).toList());
        Map<String, String> p = c.properties(Map.of("renkou.port", "9090", "renkou.home", "/srv/renkou"));
        assertEquals("9090", p.get("port"));
        assertEquals("/srv/renkou/deploy", p.get("dir"));
        assertEquals(1, c.bundles(dir.resolve("system")).size(), "a bundle shipped by two features is installed once");
    }

    @Test
    void refusesUnknownRequirementsAndCycles(@TempDir Path dir) throws Exception {
        write(dir, "a", "{\"id\":\"a\",\"requires\":[\"missing\"]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureCatalog.read(dir));
        assertTrue(e.getMessage().contains("requires feature missing"), e.getMessage());

        write(dir, "a", "{\"id\":\"a\",\"requires\":[\"b\"]}");
        write(dir, "b", "{\"id\":\"b\",\"requires\":[\"a\"]}");
        e = assertThrows(IllegalArgumentException.class, () -> FeatureCatalog.read(dir));
        assertTrue(e.getMessage().contains("circle"), e.getMessage());
    }

    @Test
    void malformedDescriptorNamesTheFileAndLine(@TempDir Path dir) throws Exception {
        write(dir, "x", "{\"id\":\"x\",\n\"requires\":[\"a\" \"b\"]}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeatureCatalog.read(dir));
        assertTrue(e.getMessage().contains("feature.json") && e.getMessage().contains("line 2"), e.getMessage());
    }

    private static void write(Path dir, String id, String json) throws Exception {
        Path f = Files.createDirectories(dir.resolve(id));
        Files.writeString(f.resolve("feature.json"), json);
        Files.write(f.resolve("bundles.txt"), List.of("   org.osgi:org.osgi.util.function:jar:1.2.0"));
    }
}
