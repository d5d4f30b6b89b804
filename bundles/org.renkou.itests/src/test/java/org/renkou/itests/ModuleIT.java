package org.renkou.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The module manager on the real platform: a custom module ("notes", the fixture bundle) dropped into deploy/ is
 * checked and started; switching it off and on by REST and by the Gogo shell never fails a request to the rest of
 * the platform, never restarts or refreshes another bundle, and keeps the module's data; dependencies are
 * refused or cascaded in words; bad bundles are refused with a reason.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ModuleIT {
    private static final String PORT_PROPERTY = "renkou.itests.modules.port";
    private static final String HOME_PROPERTY = "renkou.itests.modules.home";

    @Inject
    private BundleContext context;

    @Inject
    private CommandProcessor shell;

    private final Http http = new Http(Integer.getInteger(PORT_PROPERTY, -1));

    @Configuration
    public Option[] config() throws Exception {
        int port = RenkouOptions.freePort();
        Path home = RenkouOptions.newHome("modules");
        TestBundles.deployFixture(home.resolve("deploy"));
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        System.setProperty(HOME_PROPERTY, home.toString());
        return RenkouOptions.renkouRuntime(home, port);
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader("Import-Package", "*;resolution:=optional");
        return probe;
    }

    private Path deploy() {
        return Path.of(System.getProperty(HOME_PROPERTY)).resolve("deploy");
    }

    private void awaitNotesOn() throws Exception {
        http.await("/api/modules/notes", r -> r.body().contains("\"state\":\"ENABLED\""), 60);
        http.await("/api/fixture/notes", r -> r.status() == 200, 30);
    }

    @Test
    public void switchingNeverDisturbsTheRestAndKeepsTheData() throws Exception {
        awaitNotesOn();
        assertEquals(200, http.postJson("/api/fixture/notes", "{\"text\":\"第一条便签\"}").status());
        Map<Long, Long> before = otherBundles();

        BackgroundLoad load = BackgroundLoad.start(http, List.of("/api/jurisdictions/440606", "/api/residents?limit=1",
                "/api/health", "/api/modules", "/ui/index.html"), "load-beside-notes");
        try (load) {
            for (int cycle = 0; cycle < 8; cycle++) {
                Http.Response off = http.post("/api/admin/modules/notes/disable");
                assertTrue(off.body(), off.body().contains("\"state\":\"DISABLED\""));
                http.await("/api/fixture/notes", r -> r.status() == 404, 30);
                Http.Response on = http.post("/api/admin/modules/notes/enable");
                assertTrue(on.body(), on.body().contains("\"state\":\"ENABLED\""));
                http.await("/api/fixture/notes", r -> r.status() == 200, 30);
            }
        }
        assertEquals("no request to the rest of the platform failed", null, load.failure());
        assertTrue("the load ran: " + load.ok(), load.ok() > 50);
        assertEquals("no other bundle was restarted, refreshed or updated", before, otherBundles());
        assertTrue(http.get("/api/fixture/notes").body().contains("第一条便签"));
        Http.Response audit = http.get("/api/audit?action=MODULE&entityId=notes&limit=1");
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("\"total\":(\\d+)").matcher(audit.body());
        assertTrue(audit.body(), total.find() && Integer.parseInt(total.group(1)) >= 16);
    }

    @Test
    public void planSaysWhatDisappearsAndDependentsAreRefusedOrCascaded() throws Exception {
        awaitNotesOn();
        TestBundles.write(deploy().resolve("notes-plus.jar"), "org.renkou.itests.notesplus", "Renkou-Module",
                "notes-plus", "Renkou-Module-Name-Zh", "便签增强", "Renkou-Module-Requires", "notes",
                "Require-Capability", TestBundles.REQUIRES_CORE_API);
        http.await("/api/modules/notes-plus", r -> r.body().contains("\"state\":\"ENABLED\""), 30);

        Http.Response plan = http.get("/api/admin/modules/notes/plan?action=disable&cascade=true");
        assertTrue(plan.body(), plan.body().contains("\"allowed\":true") && plan.body().contains("菜单 便签")
                && plan.body().contains("\"modules\":[\"notes-plus\",\"notes\"]") && plan.body().contains("FIXTURE_NOTE"));

        Http.Response refused = http.post("/api/admin/modules/notes/disable");
        assertEquals(refused.body(), 409, refused.status());
        assertTrue(refused.body(), refused.body().contains("“便签增强”需要“测试便签”"));

        assertTrue(http.post("/api/admin/modules/notes/disable?cascade=true").body()
                .contains("\"state\":\"DISABLED\""));
        http.await("/api/modules/notes-plus", r -> r.body().contains("\"state\":\"DISABLED\""), 10);

        Http.Response needs = http.post("/api/admin/modules/notes-plus/enable");
        assertEquals(needs.body(), 409, needs.status());
        assertTrue(needs.body(), needs.body().contains("请先启用“测试便签”"));
        assertTrue(http.post("/api/admin/modules/notes-plus/enable?cascade=true").body()
                .contains("\"state\":\"ENABLED\""));
        awaitNotesOn();

        Http.Response core = http.post("/api/admin/modules/core/disable");
        assertEquals(409, core.status());
        assertTrue(core.body(), core.body().contains("平台本身"));

        assertEquals(201, http.postJson("/api/staff", "{\"username\":\"officer-m\",\"name\":\"某\","
                + "\"roles\":[\"FAMILY_SERVICES\"],\"jurisdictionCodes\":[\"440606901001\"]}").status());
        assertEquals(403, http.as("officer-m").post("/api/admin/modules/notes/disable").status());
    }

    @Test
    public void badBundlesAreRefusedWithAReasonAndThePlatformRuns() throws Exception {
        http.await("/api/health", r -> r.status() == 200, 60);
        TestBundles.write(deploy().resolve("clash.jar"), "org.renkou.itests.clash", "Renkou-Module", "clash",
                "Require-Capability", TestBundles.REQUIRES_CORE_API, "Export-Package", "org.renkou.core.api;version=9");
        TestBundles.write(deploy().resolve("future.jar"), "org.renkou.itests.future", "Renkou-Module", "future",
                "Require-Capability", "renkou.api;filter:=\"(&(renkou.api=core)(version>=9))\"");
        TestBundles.write(deploy().resolve("plain.jar"), "org.renkou.itests.plain");
        TestBundles.write(deploy().resolve("undeclared.jar"), "org.renkou.itests.undeclared", "Renkou-Module",
                "undeclared");

        assertTrue(http.await("/api/modules/clash", r -> r.body().contains("FAILED"), 30).body().contains("冲突"));
        Http.Response future = http.await("/api/modules/future", r -> r.body().contains("FAILED"), 30);
        assertTrue(future.body(), future.body().contains("无法解析") && future.body().contains("renkou.api"));
        assertTrue(http.await("/api/modules/undeclared", r -> r.body().contains("FAILED"), 30).body()
                .contains("未声明所需的 Renkou API"));
        Http.Response health = http.await("/api/health", r -> r.body().contains("org.renkou.itests.plain"), 30);
        http.await("/api/health", r -> r.body().contains("缺少 Renkou-Module"), 30);
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName().startsWith("org.renkou.itests.") && !b.getSymbolicName().endsWith("fixture")
                    && !b.getSymbolicName().endsWith("notesplus")) {
                assertFalse(b.getSymbolicName() + " must not run", b.getState() == Bundle.ACTIVE);
            }
        }
        assertEquals(health.body(), 200, http.get("/api/jurisdictions/440606").status());
    }

    @Test
    public void theShellSwitchesModulesToo() throws Exception {
        awaitNotesOn();
        String off = run("renkou:disable notes cascade");
        assertTrue(off, off.contains("停用“测试便签”") && off.contains("DISABLED"));
        http.await("/api/fixture/notes", r -> r.status() == 404, 30);
        http.await("/api/health", r -> r.body().contains("{\"id\":\"notes\",\"state\":\"DISABLED\"}"), 10);
        String on = run("renkou:enable notes");
        assertTrue(on, on.contains("ENABLED"));
        awaitNotesOn();
        assertTrue(run("renkou:modules"), run("renkou:modules").contains("notes"));
    }

    /**
     * One door for every page: {@code /api/ui/menu} answers the core's entries and the modules' alike, only those the
     * caller's roles allow (checked on the server), in menu order; a module's entry goes with the module.
     */
    @Test
    public void theMenuAnswersOnlyWhatTheCallerMayOpen() throws Exception {
        awaitNotesOn();
        assertEquals(201, http.postJson("/api/staff", "{\"username\":\"officer-menu\",\"name\":\"某\","
                + "\"roles\":[\"FAMILY_SERVICES\"],\"jurisdictionCodes\":[\"440606901001\"]}").status());
        List<String> admin = menuIds(http);
        List<String> officer = menuIds(http.as("officer-menu"));
        List<String> office = List.of("dashboard", "tree", "residents", "imports", "households", "registrations", "certificates",
                "benefits", "migrants", "exchange", "policy", "statistics");
        assertEquals(admin.toString(), office, admin.subList(0, office.size()));
        assertEquals(admin.toString(), List.of("audit", "staff", "modules"), admin.subList(office.size(), office.size() + 3));
        assertTrue(admin.toString(), admin.contains("notes"));
        assertEquals(officer.toString(), office, officer.subList(0, office.size()));
        assertFalse(officer.toString(), officer.contains("staff") || officer.contains("audit") || officer.contains("modules"));
        assertTrue(officer.toString(), officer.contains("notes"));
        assertTrue(http.get("/api/ui/menu").body().contains("\"script\":\"/ui/modules/notes/notes.js\""));

        assertTrue(http.post("/api/admin/modules/notes/disable?cascade=true").body().contains("\"state\":\"DISABLED\""));
        http.await("/api/ui/menu", r -> !r.body().contains("\"id\":\"notes\""), 10);
        assertFalse(menuIds(http.as("officer-menu")).contains("notes"));
        assertTrue("the core's entries stay", menuIds(http.as("officer-menu")).containsAll(office));
        // on again, with notes-plus if another test left it (it needs notes and went off with it)
        String again = http.get("/api/modules/notes-plus").status() == 200 ? "notes-plus/enable?cascade=true" : "notes/enable";
        assertTrue(http.post("/api/admin/modules/" + again).body().contains("\"state\":\"ENABLED\""));
        http.await("/api/ui/menu", r -> r.body().contains("\"id\":\"notes\""), 10);
        awaitNotesOn();
    }

    /** The entries' ids, in the order the menu answers them. */
    private static List<String> menuIds(Http client) throws Exception {
        Http.Response menu = client.get("/api/ui/menu");
        assertEquals(menu.body(), 200, menu.status());
        List<String> ids = new java.util.ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(menu.body());
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private String run(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
        CommandSession session = shell.createSession(System.in, ps, ps);
        try {
            Object result = session.execute(command);
            return out.toString(StandardCharsets.UTF_8) + (result == null ? "" : result.toString());
        } finally {
            session.close();
        }
    }

    /** Id → last-modified of every bundle except the switched modules' and the test probe. */
    private Map<Long, Long> otherBundles() {
        Map<Long, Long> out = new HashMap<>();
        for (Bundle b : context.getBundles()) {
            String n = b.getSymbolicName();
            if (n != null && !n.startsWith("org.renkou.itests") && !n.contains("probe")) {
                out.put(b.getBundleId(), b.getLastModified() * 10 + b.getState());
            }
        }
        return out;
    }
}
