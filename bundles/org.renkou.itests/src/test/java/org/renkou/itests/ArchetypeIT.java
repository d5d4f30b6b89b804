package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The module archetype as a provincial IT team uses it: {@code mvn archetype:generate} makes a module project, Maven
 * builds it (its unit test included) against the API bundles only, the jar dropped into {@code deploy/} of the
 * running distribution starts, and its page (menu entry, script) and API appear; switched off they vanish, switched
 * on they return with the data. The province archetype likewise: its policy serves the province's jurisdictions
 * while its module is on. Maven runs against a temporary local repository (never ~/.m2) holding this
 * reactor's API bundles and archetype; third-party artifacts come from ~/.m2 as a file:// mirror, so no network.
 */
class ArchetypeIT {
    private static final String ID = "arch-demo";
    private static final Path ROOT = Path.of(System.getProperty("renkou.itests.root", "../.."));
    private static final String VERSION = System.getProperty("renkou.itests.version", "0.1.0-SNAPSHOT");

    @Test
    void aGeneratedModuleBuildsDeploysAndSwitches() throws Exception {
        Path work = RenkouOptions.newHome("archetype");
        Path jar = generateAndBuild(work, "org.renkou.archetype.module", "org.example.archdemo", "ItemServiceTest",
                "-DmoduleId=" + ID, "-DmoduleNameZh=原型示例", "-DmoduleNameEn=Archetype demo");

        Path home = RenkouOptions.newHome("archetype-home");
        int port = RenkouOptions.freePort();
        Http admin = new Http(port);
        Process p = RenkouProcess.launchTrusted(home, Integer.toString(port));
        try {
            admin.await("/api/health", r -> r.status() == 200, 60);
            deploy(jar, home);

            admin.await("/api/modules/" + ID, r -> r.body().contains("\"state\":\"ENABLED\""), 60);
            admin.await("/api/" + ID + "/items", r -> r.status() == 200, 60);
            assertEquals(201, admin.postJson("/api/" + ID + "/items",
                    "{\"text\":\"原型记录\",\"jurisdictionCode\":\"440606901001\"}").status());
            Http.Response blank = admin.postJson("/api/" + ID + "/items", "{\"text\":\" \",\"jurisdictionCode\":\"440606\"}");
            assertEquals(400, blank.status(), "the generated rules answer bad input: " + blank.body());
            assertPageShown(admin);

            for (int cycle = 0; cycle < 2; cycle++) {
                Http.Response off = admin.post("/api/admin/modules/" + ID + "/disable");
                assertTrue(off.body().contains("\"state\":\"DISABLED\""), off.body());
                admin.await("/api/" + ID + "/items", r -> r.status() == 404, 30);
                assertFalse(admin.get("/api/ui/menu").body().contains("\"id\":\"" + ID + "\""),
                        "its menu entry is gone");
                assertEquals(404, admin.get("/ui/modules/" + ID + "/" + ID + ".js").status(), "its page is gone");

                Http.Response on = admin.post("/api/admin/modules/" + ID + "/enable");
                assertTrue(on.body().contains("\"state\":\"ENABLED\""), on.body());
                Http.Response items = admin.await("/api/" + ID + "/items", r -> r.status() == 200, 30);
                assertTrue(items.body().contains("原型记录"), "the data is kept: " + items.body());
                assertPageShown(admin);
            }
            Http.Response audit = admin.get("/api/audit?entityType=ARCH_DEMO_ITEM&limit=5");
            assertTrue(audit.body().contains("ARCH_DEMO_ITEM"), "the addition was audited: " + audit.body());
        } finally {
            RenkouProcess.stop(p);
        }
    }

    @Test
    void aGeneratedProvinceBundleBuildsDeploysAndSwitches() throws Exception {
        Path work = RenkouOptions.newHome("archetype-province");
        Path jar = generateAndBuild(work, "org.renkou.archetype.province", "org.example.hunan", "ProvincePolicyTest",
                "-DprovinceCode=43", "-DprovinceFolder=hunan", "-DprovinceNameZh=湖南省", "-DprovinceNameEn=Hunan",
                "-DprovincePrefix=hn");

        Path home = RenkouOptions.newHome("archetype-province-home");
        int port = RenkouOptions.freePort();
        Http admin = new Http(port);
        Process p = RenkouProcess.launchTrusted(home, Integer.toString(port));
        try {
            admin.await("/api/health", r -> r.status() == 200, 60);
            assertEquals(503, admin.get("/api/provinces/43/leave?date=2026-01-01").status(), "no policy yet");
            deploy(jar, home);
            admin.await("/api/modules/province-hunan", r -> r.body().contains("\"state\":\"ENABLED\""), 60);
            admin.await("/api/provinces", r -> r.body().contains("\"code\":\"43\""), 60);
            // the national rules, packed into the bundle, apply where the province sets none
            admin.await("/api/provinces/43/leave?date=2026-01-01", r -> r.status() == 200
                    && r.body().contains("\"kind\":\"MATERNITY\""), 30);

            assertTrue(admin.post("/api/admin/modules/province-hunan/disable").body()
                    .contains("\"state\":\"DISABLED\""));
            admin.await("/api/provinces/43/leave?date=2026-01-01", r -> r.status() == 503, 30);
            assertTrue(admin.post("/api/admin/modules/province-hunan/enable").body()
                    .contains("\"state\":\"ENABLED\""));
            admin.await("/api/provinces/43/leave?date=2026-01-01", r -> r.status() == 200, 30);
        } finally {
            RenkouProcess.stop(p);
        }
    }

    /** The menu entry (the typed @MenuEntry model of /api/ui/menu) and the script the module serves. */
    private static void assertPageShown(Http admin) throws Exception {
        Http.Response menu = admin.await("/api/ui/menu", r -> r.body().contains("\"id\":\"" + ID + "\""), 30);
        assertTrue(menu.body().contains("\"script\":\"/ui/modules/" + ID + "/" + ID + ".js\"")
                && menu.body().contains("\"route\":\"" + ID + "\"") && menu.body().contains("原型示例"),
                menu.body());
        Http.Response script = admin.get("/ui/modules/" + ID + "/" + ID + ".js");
        assertEquals(200, script.status());
        assertTrue(script.body().contains("R.register('" + ID + "'"), "the page registers its route");
    }

    /** Generates a project from {@code archetype} and builds it with its unit test; answers the bundle. */
    private static Path generateAndBuild(Path work, String archetype, String artifactId, String test,
            String... properties) throws Exception {
        Path repo = work.resolve("repository");
        Path settings = work.resolve("settings.xml");
        Files.writeString(settings, "<settings><mirrors><mirror><id>m2</id><mirrorOf>*</mirrorOf><url>"
                + Path.of(System.getProperty("user.home"), ".m2", "repository").toUri()
                + "</url></mirror></mirrors></settings>");
        // what `mvn install` would have put there, by hand: the parent, the API bundles, the kit, the archetypes
        put(repo, "renkou-parent", "pom", ROOT.resolve("pom.xml"));
        for (String bundle : List.of("org.renkou.core.api", "org.renkou.module.api", "org.renkou.province.kit",
                archetype)) {
            Path dir = ROOT.resolve("bundles").resolve(bundle);
            put(repo, bundle, "pom", dir.resolve("pom.xml"));
            put(repo, bundle, "jar", dir.resolve("target").resolve(bundle + "-" + VERSION + ".jar"));
        }
        Path generated = work.resolve("generated");
        Files.createDirectories(generated);
        List<String> generate = new ArrayList<>(List.of(
                "org.apache.maven.plugins:maven-archetype-plugin:3.3.1:generate", "-DarchetypeGroupId=org.renkou",
                "-DarchetypeArtifactId=" + archetype, "-DarchetypeVersion=" + VERSION, "-DarchetypeCatalog=local",
                "-DgroupId=org.example", "-DartifactId=" + artifactId, "-Dversion=1.0.0", "-Dpackage=" + artifactId));
        generate.addAll(List.of(properties));
        maven("generate", generated, work, repo, settings, generate.toArray(String[]::new));
        Path project = generated.resolve(artifactId);
        maven("package", project, work, repo, settings, "package");
        Path report = project.resolve("target/surefire-reports/" + artifactId + ".internal." + test + ".txt");
        assertTrue(Files.readString(report).contains("Failures: 0, Errors: 0"), "the generated unit test ran");
        return project.resolve("target/" + artifactId + "-1.0.0.jar");
    }

    private static void deploy(Path jar, Path home) throws IOException {
        Path partial = home.resolve(jar.getFileName() + ".part");
        Files.copy(jar, partial);
        Files.move(partial, home.resolve("deploy").resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void put(Path repo, String artifactId, String type, Path file) throws IOException {
        Path dir = repo.resolve("org/renkou").resolve(artifactId).resolve(VERSION);
        Files.createDirectories(dir);
        Files.copy(file, dir.resolve(artifactId + "-" + VERSION + "." + type), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs Maven in batch mode in {@code dir} (output in maven-<step>.txt); fails with its end unless it succeeds. */
    private static void maven(String step, Path dir, Path work, Path repo, Path settings, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("maven.home", "/usr/share/maven"), "bin", "mvn").toString(), "-B",
                "-s", settings.toString(), "-Dmaven.repo.local=" + repo));
        command.addAll(List.of(args));
        Path log = work.resolve("maven-" + step + ".txt");
        Process mvn = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(mvn.waitFor(5, TimeUnit.MINUTES), "Maven did not finish within 5 minutes");
        String out = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, mvn.exitValue(),
                String.join(" ", command) + "\n" + out.substring(Math.max(0, out.length() - 4000)));
    }
}
