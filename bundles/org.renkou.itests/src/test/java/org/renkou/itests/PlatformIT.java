package org.renkou.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import java.util.Hashtable;
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
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;
import org.renkou.core.api.Caller;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.audit.AuditQuery;
import org.renkou.core.api.audit.AuditService;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.api.jurisdiction.JurisdictionService;

/**
 * The platform as the features make it, inside a real Felix: every bundle active, the core service working on a
 * real Derby database, and the REST API answering over real HTTP, bad input included.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PlatformIT {
    /** Set on the host when the configuration is built; read in the framework, which runs in the same JVM. */
    private static final String PORT_PROPERTY = "renkou.itests.platform.port";

    @Inject
    private BundleContext context;

    @Inject
    private JurisdictionService jurisdictions;

    @Inject
    private ConfigurationAdmin configAdmin;

    @Inject
    private AuditService audit;

    private final Http http = new Http(Integer.getInteger(PORT_PROPERTY, -1));

    @Configuration
    public Option[] config() {
        int port = RenkouOptions.freePort();
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        return RenkouOptions.renkouRuntime(RenkouOptions.newHome("platform"), port);
    }

    /** The probe needs only what runs inside the framework; host-side helpers stay optional imports. */
    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader("Import-Package", "*;resolution:=optional");
        return probe;
    }

    @Test
    public void everyBundleOfEveryFeatureIsActive() {
        List<String> notActive = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            BundleRevision r = b.adapt(BundleRevision.class);
            boolean fragment = r != null && (r.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
            boolean lazy = b.getState() == Bundle.STARTING && b.getHeaders("").get("Bundle-ActivationPolicy") != null;
            if (!fragment && !lazy && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        assertTrue("Bundles not active: " + notActive, notActive.isEmpty());
        assertTrue(context.getBundles().length > 45);
    }

    /** The sample-data command through Gogo itself, as a user would type it in the shell. */
    @Test
    public void gogoGeneratesASampleCounty() throws Exception {
        http.await("/api/jurisdictions/230102", r -> r.status() == 200, 30);
        ServiceTracker<CommandProcessor, CommandProcessor> gogo =
                new ServiceTracker<>(context, CommandProcessor.class, null);
        gogo.open();
        try {
            CommandProcessor processor = gogo.waitForService(10_000);
            PrintStream print = new PrintStream(new ByteArrayOutputStream(), true, "UTF-8");
            CommandSession session = processor.createSession(new ByteArrayInputStream(new byte[0]), print, print);
            Object result = session.execute("renkou:generate 230102 300");
            assertTrue(String.valueOf(result), String.valueOf(result).contains("DONE")
                    && String.valueOf(result).contains("300 imported"));
            assertTrue(http.get("/api/jurisdictions?parent=230102").body().contains("示例"));
        } finally {
            gogo.close();
        }
    }

    @Test
    public void sampleTreeIsLoadedAndServiceAddsChildren() throws Exception {
        http.await("/api/jurisdictions/440606901001001", r -> r.status() == 200, 30);
        assertTrue(jurisdictions.count() >= 20);
        JurisdictionDTO d = new JurisdictionDTO();
        d.code = "440606901003";
        d.name = "服务测试社区";
        d.level = JurisdictionLevel.COMMUNITY;
        d.parentCode = "440606901";
        JurisdictionDTO created = jurisdictions.create(d);
        assertEquals(Long.valueOf(1), created.version);
        assertEquals("服务测试社区", jurisdictions.find("440606901003").orElseThrow().name);
        assertTrue(jurisdictions.children("440606901").stream().anyMatch(j -> j.code.equals("440606901003")));
    }

    @Test
    public void configurationChangesAreAudited() throws Exception {
        org.osgi.service.cm.Configuration c = configAdmin.getConfiguration("org.renkou.itests.audited", null);
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("reminderDays", 7);
        c.update(props);
        c.delete();
        AuditQuery q = new AuditQuery();
        q.action = AuditAction.CONFIG;
        q.entityId = "org.renkou.itests.audited";
        long end = System.currentTimeMillis() + 20_000;
        long found = 0;
        while (System.currentTimeMillis() < end && (found = audit.search(Caller.SYSTEM, q).total) < 2) {
            Thread.sleep(100);
        }
        assertEquals("one entry for the update, one for the delete", 2, found);
        assertTrue(audit.search(Caller.SYSTEM, q).items.get(0).changes.contains("deleted"));
    }

    @Test
    public void healthListsBundlesAndDatabase() throws Exception {
        Http.Response r = http.await("/api/health", x -> x.status() == 200 && x.body().contains("\"UP\""), 30);
        assertTrue(r.contentType(), r.contentType().startsWith("application/json"));
        assertTrue(r.body(), r.body().matches(
                "(?s).*\"symbolicName\":\"org\\.renkou\\.core\",\"version\":\"[^\"]+\",\"state\":\"ACTIVE\".*"));
        assertTrue(r.body(), r.body().contains("{\"name\":\"database\",\"state\":\"UP\""));
        assertTrue(r.body(), r.body().contains("\"status\":\"UP\""));
    }

    @Test
    public void restCreatesAndReadsJurisdictions() throws Exception {
        http.await("/api/jurisdictions/440606", r -> r.status() == 200, 30);
        Http.Response created = http.postJson("/api/jurisdictions",
                "{\"code\":\"440606902\",\"name\":\"接口测试街道\",\"level\":\"STREET\",\"parentCode\":\"440606\"}");
        assertEquals(created.body(), 201, created.status());
        Http.Response one = http.get("/api/jurisdictions/440606902");
        assertEquals(200, one.status());
        assertTrue(one.body(), one.body().contains("\"name\":\"接口测试街道\""));
        Http.Response children = http.get("/api/jurisdictions?parent=440606");
        assertTrue(children.body(), children.body().contains("440606902"));
        Http.Response roots = http.get("/api/jurisdictions");
        assertTrue(roots.body(), roots.body().contains("\"code\":\"530000\"") && !roots.body().contains("440606"));
    }

    /** Only administrators add jurisdictions, and only within their reach (anyone logged in could, before). */
    @Test
    public void onlyAdministratorsAddJurisdictionsWithinTheirReach() throws Exception {
        http.await("/api/jurisdictions/440606", r -> r.status() == 200, 30);
        for (String[] s : new String[][] {{"jur-officer", "FAMILY_SERVICES", "440606"}, {"jur-admin", "ADMIN", "440606"}}) {
            Http.Response r = http.postJson("/api/staff", "{\"username\":\"" + s[0] + "\",\"name\":\"区划测试\","
                    + "\"roles\":[\"" + s[1] + "\"],\"jurisdictionCodes\":[\"" + s[2] + "\"]}");
            assertEquals(r.body(), 201, r.status());
        }
        String street = "{\"code\":\"440606914\",\"name\":\"权限测试街道\",\"level\":\"STREET\",\"parentCode\":\"440606\"}";
        assertProblem(http.as("jur-officer").postJson("/api/jurisdictions", street), 403, null);
        assertProblem(http.as("jur-admin").postJson("/api/jurisdictions", "{\"code\":\"530102904\",\"name\":\"外地街道\","
                + "\"level\":\"STREET\",\"parentCode\":\"530102\"}"), 400, "parentCode");
        assertProblem(http.as("jur-admin").postJson("/api/jurisdictions", "{\"code\":\"460000\",\"name\":\"海南省\","
                + "\"level\":\"PROVINCE\"}"), 403, null);
        assertEquals(404, http.get("/api/jurisdictions/530102904").status());
        Http.Response created = http.as("jur-admin").postJson("/api/jurisdictions", street);
        assertEquals(created.body(), 201, created.status());
    }

    @Test
    public void badInputAnswersProblemJsonNamingTheField() throws Exception {
        http.await("/api/jurisdictions/440606", r -> r.status() == 200, 30);
        assertProblem(http.postJson("/api/jurisdictions",
                "{\"code\":\"440606903\",\"level\":\"STREET\",\"parentCode\":\"440606\"}"), 400, "name");
        assertProblem(http.postJson("/api/jurisdictions",
                "{\"code\":\"440699903\",\"name\":\"无上级\",\"level\":\"STREET\",\"parentCode\":\"440699\"}"), 400, "parentCode");
        assertProblem(http.postJson("/api/jurisdictions",
                "{\"code\":\"440606901\",\"name\":\"重复\",\"level\":\"STREET\",\"parentCode\":\"440606\"}"), 409, "code");
        assertProblem(http.postJson("/api/jurisdictions",
                "{\"code\":\"440606904\",\"name\":\"示例街道\",\"level\":\"STREET\",\"parentCode\":\"440606\"}"), 409, "name");
        assertProblem(http.postJson("/api/jurisdictions",
                "{\"code\":\"4406069\",\"name\":\"短\",\"level\":\"STREET\",\"parentCode\":\"440606\"}"), 400, "code");
        assertProblem(http.postJson("/api/jurisdictions",
                "{\"code\":\"440606905\",\"name\":\"错级\",\"level\":\"TOWN\",\"parentCode\":\"440606\"}"), 400, "level");
        assertProblem(http.postJson("/api/jurisdictions",
                "{\"code\":\"440606906\",\"name\":\"错字段\",\"level\":\"STREET\",\"parent\":\"440606\"}"), 400, "parent");
        Http.Response malformed = http.postJson("/api/jurisdictions", "{\"code\":\"4406");
        assertProblem(malformed, 400, null);
        assertTrue(malformed.body(), malformed.body().contains("JSON"));
        assertProblem(http.send("POST", "/api/jurisdictions", "text/plain", "hello"), 415, null);
        assertProblem(http.get("/api/jurisdictions/999999"), 404, "code");
        assertProblem(http.get("/api/no-such-thing"), 404, null);
        // nothing half-made: the rejected codes do not exist
        assertEquals(404, http.get("/api/jurisdictions/440606903").status());
        assertEquals(404, http.get("/api/jurisdictions/440606904").status());
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertEquals(r.body(), status, r.status());
        assertTrue(r.contentType(), r.contentType().startsWith("application/problem+json"));
        assertTrue(r.body(), r.body().contains("\"status\":" + status));
        assertTrue(r.body(), !r.body().contains("Exception") && !r.body().contains("\tat "));
        if (field != null) {
            assertTrue(r.body(), r.body().contains("\"field\":\"" + field + "\""));
        }
    }
}
