package org.renkou.web.internal.menu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.Role;

/**
 * The core's menu entries as bnd wrote them (OSGI-INF): unique ids, known roles, and a script in this bundle that
 * registers each entry's route — so an entry never opens a page nobody registers.
 */
class CorePagesTest {
    private static final Path OSGI_INF = Path.of("target/classes/OSGI-INF");
    private static final Path STATIC = Path.of("src/main/resources/static");
    private static final Pattern PROPERTY = Pattern.compile(
            "<property name=\"renkou\\.contribution\\.([a-z.]+)\" type=\"\\w+\"(?: value=\"([^\"]*)\"/>|>([^<]*)</property>)");

    private static List<Map<String, String>> entries() throws IOException {
        try (Stream<Path> files = Files.list(OSGI_INF)) {
            return files.filter(f -> f.getFileName().toString().startsWith(CorePages.class.getPackageName()))
                    .map(CorePagesTest::properties).filter(p -> "menu".equals(p.get("kind")))
                    .collect(Collectors.toList());
        }
    }

    private static Map<String, String> properties(Path xml) {
        try {
            Map<String, String> out = new HashMap<>();
            Matcher m = PROPERTY.matcher(Files.readString(xml));
            while (m.find()) {
                out.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3).trim());
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyEntryOpensAPageItsScriptRegisters() throws IOException {
        List<Map<String, String>> entries = entries();
        assertEquals(14, entries.size(), entries.toString());
        Set<String> ids = new HashSet<>();
        Set<String> roles = EnumSet.allOf(Role.class).stream().map(Role::name).collect(Collectors.toSet());
        for (Map<String, String> e : entries) {
            assertTrue(ids.add(e.get("id")), "unique id " + e);
            String script = e.get("script");
            assertTrue(script.startsWith(CorePages.SCRIPTS), script);
            Path file = STATIC.resolve(script.substring(CorePages.SCRIPTS.length()));
            assertTrue(Files.isRegularFile(file), file.toString());
            String js = Files.readString(file);
            assertTrue(js.contains(" " + e.get("route") + ": ") || js.contains("'" + e.get("route") + "': "),
                    file + " registers route " + e.get("route"));
            for (String role : e.getOrDefault("roles", "").split("\\s+")) {
                assertTrue(role.isEmpty() || roles.contains(role), "role " + role + " of " + e.get("id"));
            }
        }
        assertFalse(Files.readString(STATIC.resolve("index.html")).contains("pages-"),
                "page scripts load through the menu, not the page");
    }
}
