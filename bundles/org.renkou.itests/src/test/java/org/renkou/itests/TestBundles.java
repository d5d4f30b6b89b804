package org.renkou.itests;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Bundles made on the spot for hot-deploy tests, and the fixture module dropped into {@code deploy/}. */
public final class TestBundles {
    /** What a well-behaved custom module declares (see RenkouModules). */
    public static final String REQUIRES_CORE_API = "renkou.api;filter:=\"(&(renkou.api=core)(version>=1.1)(!(version>=2)))\"";

    private TestBundles() {
    }

    /** An empty bundle with the given headers (name, value, name, value…), moved into place whole. */
    public static void write(Path jar, String symbolicName, String... headers) throws IOException {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", "1.0.0");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            a.putValue(headers[i], headers[i + 1]);
        }
        Path tmp = jar.resolveSibling(jar.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); JarOutputStream j = new JarOutputStream(out, m)) {
            j.flush();
        }
        Files.move(tmp, jar); // appear whole, never half-written
    }

    /** Copies the fixture module ("notes", bundles/org.renkou.itests.fixture) into {@code deploy}. */
    public static void deployFixture(Path deploy) throws IOException {
        Path fixture = Path.of(System.getProperty("renkou.itests.fixture",
                "../org.renkou.itests.fixture/target/org.renkou.itests.fixture-0.1.0-SNAPSHOT.jar"));
        Path tmp = deploy.resolve("notes.jar.tmp");
        Files.copy(fixture, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, deploy.resolve("notes.jar"), StandardCopyOption.REPLACE_EXISTING);
    }
}
