package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.spi.PaxExamRuntime;

/**
 * Data written through the API survives a restart of the framework: Pax Exam boots the platform, a jurisdiction is
 * created over HTTP, the framework stops (Derby shuts down with its bundle), and a second framework on the same
 * home folder (on PostgreSQL: the same database) serves it again — without loading the sample tree a second time.
 */
class RestartIT {

    @Test
    void dataSurvivesFrameworkRestart() throws Exception {
        Path home = RenkouOptions.newHome("restart");
        int port = RenkouOptions.freePort();
        Http http = new Http(port);

        TestContainer first = start(home, port);
        try {
            // the last row of the sample tree: stopping before the sample data is loaded would lose part of it
            http.await("/api/jurisdictions/230102901001", r -> r.status() == 200, 60);
            Http.Response created = http.postJson("/api/jurisdictions",
                    "{\"code\":\"440606950\",\"name\":\"重启测试街道\",\"level\":\"STREET\",\"parentCode\":\"440606\"}");
            assertEquals(201, created.status(), created.body());
        } finally {
            Containers.stop(first, "RestartIT-data-first", true);
        }
        if (!RenkouOptions.onPostgresql()) {
            assertTrue(home.resolve("data/renkou/service.properties").toFile().isFile(), "Derby database on disk");
        }

        TestContainer second = start(home, port);
        try {
            Http.Response again = http.await("/api/jurisdictions/440606950", r -> r.status() == 200, 60);
            assertTrue(again.body().contains("重启测试街道"), again.body());
            Http.Response provinces = http.get("/api/jurisdictions");
            assertEquals(3, provinces.body().split("\"level\":\"PROVINCE\"", -1).length - 1, provinces.body());
        } finally {
            Containers.stop(second, "RestartIT-data-second", false);
        }
    }

    /**
     * Which modules are off is kept in the database, not the framework cache: a module switched off stays off in a
     * new framework (Pax Exam starts each with an empty cache), and its data is there when it is switched on again.
     */
    @Test
    void moduleStateSurvivesRestartAndAWipedCache() throws Exception {
        Path home = RenkouOptions.newHome("module-restart");
        TestBundles.deployFixture(home.resolve("deploy"));
        int port = RenkouOptions.freePort();
        Http http = new Http(port);

        TestContainer first = start(home, port);
        try {
            http.await("/api/fixture/notes", r -> r.status() == 200, 60);
            assertEquals(200, http.postJson("/api/fixture/notes", "{\"text\":\"重启前\"}").status());
            Http.Response off = http.post("/api/admin/modules/notes/disable");
            assertTrue(off.body().contains("\"state\":\"DISABLED\""), off.body());
        } finally {
            Containers.stop(first, "RestartIT-modules-first", true);
        }

        TestContainer second = start(home, port);
        try {
            Http.Response notes = http.await("/api/modules/notes", r -> r.status() == 200, 60);
            assertTrue(notes.body().contains("\"state\":\"DISABLED\"") && notes.body().contains("\"changedBy\":\"system\""),
                    notes.body());
            assertEquals(404, http.get("/api/fixture/notes").status());
            Http.Response on = http.post("/api/admin/modules/notes/enable");
            assertEquals(200, on.status(), on.body());
            Http.Response data = http.await("/api/fixture/notes", r -> r.status() == 200, 60);
            assertTrue(data.body().contains("重启前"), data.body());
        } finally {
            Containers.stop(second, "RestartIT-modules-second", false);
        }
    }

    private static TestContainer start(Path home, int port) throws java.io.IOException {
        TestContainer c = PaxExamRuntime.createContainer(
                PaxExamRuntime.createServerSystem(RenkouOptions.renkouRuntime(home, port)));
        c.start();
        return c;
    }
}
