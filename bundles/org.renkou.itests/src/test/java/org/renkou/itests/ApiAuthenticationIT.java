package org.renkou.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;

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
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/**
 * No request is answered by a JAX-RS application without its authentication filter ({@code CallerFilter}). At a
 * start the filter registered after the resources (its {@code Callers} waits for the staff and session services),
 * and an application built from the resources alone answered for about a second: 401 to a logged-in session, and
 * an unknown caller was let through to resources that do not ask for one. Here {@code Callers} is disabled and
 * enabled again (the filter goes and comes the same way) and a module is switched (plain rebuilds), while a
 * session and an unknown caller hammer the API: the session is never answered 401 (503 while the filter is
 * missing), the unknown caller never 2xx, and once health says UP again the session is served at once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ApiAuthenticationIT {
    private static final String PORT_PROPERTY = "renkou.itests.apiauth.port";
    private static final String CALLERS = "org.renkou.rest.internal.Callers";

    @Inject
    private BundleContext context;

    @Inject
    private ServiceComponentRuntime scr;

    private final Http http = new Http(Integer.getInteger(PORT_PROPERTY, -1));

    @Configuration
    public Option[] config() throws Exception {
        int port = RenkouOptions.freePort();
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        return RenkouOptions.renkouRuntime(RenkouOptions.newHome("apiauth"), port);
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader("Import-Package", "*;resolution:=optional");
        return probe;
    }

    @Test
    public void noRequestIsServedWithoutTheAuthenticationFilter() throws Exception {
        awaitUp();
        http.await("/api/jurisdictions/440606", r -> r.status() == 200, 60); // the sample tree comes after UP
        // header trust is on in the tests: no header acts as the system administrator, who creates the staff member
        Http.Response staff = http.postJson("/api/staff", "{\"username\":\"guard\",\"name\":\"守卫\","
                + "\"roles\":[\"FAMILY_SERVICES\"],\"jurisdictionCodes\":[\"440606\"],\"password\":\"Start-2026a\"}");
        assertEquals(staff.body(), 201, staff.status());
        assertEquals(204, http.login("guard", "Start-2026a").postJson("/api/auth/password",
                "{\"oldPassword\":\"Start-2026a\",\"newPassword\":\"Guard-2026auth\"}").status());
        Http session = http.login("guard", "Guard-2026auth");
        Http unknown = http.as("nobody-such"); // 401 from the filter; the resource itself asks for no caller
        String authenticated = "/api/residents?limit=1";
        String open = "/api/jurisdictions/440606";
        assertEquals(200, session.get(authenticated).status());
        assertEquals(401, unknown.get(open).status());

        AtomicInteger closed = new AtomicInteger(); // 503s: the API out while the filter is missing
        BackgroundLoad load = BackgroundLoad.start("session-across-rebuilds", () -> {
            Http.Response s = session.get(authenticated);
            Http.Response u = unknown.get(open);
            if (s.status() == 503) {
                closed.incrementAndGet();
            }
            if (s.status() != 200 && s.status() != 503) {
                return "session " + authenticated + " -> " + s.status() + " " + s.body();
            }
            return u.status() == 401 || u.status() == 503 ? null : "unknown caller " + open + " -> " + u.status();
        });
        try (load) {
            for (int cycle = 0; cycle < 2; cycle++) {
                assertTrue(http.post("/api/admin/modules/school/disable").body().contains("\"state\":\"DISABLED\""));
                http.await("/api/school/schools", r -> r.status() == 404, 30);
                assertTrue(http.post("/api/admin/modules/school/enable").body().contains("\"state\":\"ENABLED\""));
                http.await("/api/school/schools", r -> r.status() == 200, 30);
            }
            for (int cycle = 0; cycle < 3; cycle++) {
                ComponentDescriptionDTO callers = scr.getComponentDescriptionDTO(bundle("org.renkou.rest"), CALLERS);
                scr.disableComponent(callers).getValue();
                // the old whiteboard rebuilt without the filter here and served that application
                session.await(authenticated, r -> r.status() != 200, 30);
                Thread.sleep(1_000);
                scr.enableComponent(callers).getValue();
                awaitUp();
                assertEquals("a session is served as soon as health says UP (and meanwhile: " + load.failure() + ")",
                        200, session.get(authenticated).status());
            }
        }
        assertNull(load.failure(), load.failure());
        assertTrue("the API was out while the filter was missing: " + closed.get(), closed.get() > 0);
        assertTrue("the load ran: " + load.ok(), load.ok() > 20);
    }

    private void awaitUp() throws InterruptedException {
        http.await("/api/health", r -> r.status() == 200 && r.body().contains("\"status\":\"UP\""), 120);
    }

    private Bundle bundle(String symbolicName) {
        return Arrays.stream(context.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow(() -> new AssertionError("no bundle " + symbolicName));
    }
}
