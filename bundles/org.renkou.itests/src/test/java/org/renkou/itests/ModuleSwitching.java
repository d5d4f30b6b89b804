package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

/**
 * A module switched off and on three times while another thread uses the rest of the platform (issues 14, 15, 16):
 * every switch answers with the new state, while off the module's API answers 404 and its menu entry and script are
 * gone, when on its API is back; not one request to the rest fails.
 */
final class ModuleSwitching {
    private static final List<String> REST = List.of("/api/jurisdictions/440606", "/api/residents?limit=1", "/api/health");

    /** Checked while the module is off, beside its API, menu entry and script (e.g. a public page gone too). */
    interface WhileOff {
        void check() throws Exception;
    }

    private ModuleSwitching() {
    }

    /** @param probe a GET of the module's API: 200 when on, 404 when off */
    static void threeTimesUnderLoad(Http admin, String module, String probe, WhileOff whileOff) throws Exception {
        String script = "/ui/modules/" + module + "/" + module + ".js";
        BackgroundLoad load = BackgroundLoad.start(admin, REST, "load-beside-" + module);
        try (load) {
            for (int cycle = 0; cycle < 3; cycle++) {
                Http.Response off = admin.post("/api/admin/modules/" + module + "/disable");
                assertTrue(off.body().contains("\"state\":\"DISABLED\""), off.body());
                admin.await(probe, r -> r.status() == 404, 30);
                assertFalse(admin.get("/api/ui/menu").body().contains(script), "its menu entry is gone");
                assertEquals(404, admin.get(script).status(), "its pages are gone");
                whileOff.check();
                Http.Response on = admin.post("/api/admin/modules/" + module + "/enable");
                assertTrue(on.body().contains("\"state\":\"ENABLED\""), on.body());
                admin.await(probe, r -> r.status() == 200, 30);
            }
        }
        assertNull(load.failure(), "no request to the rest of the platform failed");
        assertTrue(load.ok() > 10, "the load ran: " + load.ok());
        assertTrue(admin.get("/api/ui/menu").body().contains(script), "the menu entry is back");
    }
}
