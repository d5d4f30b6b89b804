package org.renkou.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ops4j.pax.exam.TestContainer;
import org.ops4j.pax.exam.spi.PaxExamRuntime;

/**
 * The contraceptive warehouse module on the real platform over HTTP: receiving → transfer → issue to a person →
 * follow-up → stock-take → scrapping → quarterly reports, the ledger reconciling after each step, bad input
 * answered with problem+json naming the field, and the module switched off (its API 404, the rest of the platform
 * undisturbed) and on again with its data intact.
 */
class WarehouseIT {
    private static TestContainer container;
    private static Http admin;

    @BeforeAll
    static void start() throws Exception {
        Path home = RenkouOptions.newHome("warehouse");
        int port = RenkouOptions.freePort();
        container = PaxExamRuntime.createContainer(
                PaxExamRuntime.createServerSystem(RenkouOptions.renkouRuntime(home, port)));
        container.start();
        admin = new Http(port);
        admin.await("/api/warehouse/products", r -> r.status() == 200, 60);
        staff("wh-county", "WAREHOUSE_KEEPER", "440606");
        staff("wh-street", "WAREHOUSE_KEEPER", "440606901");
        staff("wh-community", "WAREHOUSE_KEEPER", "440606901001");
        staff("wh-community2", "WAREHOUSE_KEEPER", "440606901002");
        staff("dir-street", "DIRECTOR", "440606901");
        staff("dir-county", "DIRECTOR", "440606");
        staff("officer", "FAMILY_SERVICES", "440606901001");
    }

    @AfterAll
    static void stop() {
        if (container != null) {
            Containers.stop(container, "WarehouseIT", false);
        }
    }

    private static void staff(String user, String roles, String code) throws Exception {
        Http.Response r = admin.postJson("/api/staff", "{\"username\":\"" + user + "\",\"name\":\"测试" + user
                + "\",\"roles\":[\"" + roles + "\"],\"jurisdictionCodes\":[\"" + code + "\"]}");
        assertEquals(201, r.status(), r.body());
    }

    private static long id(Http.Response r) {
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    private static long version(Http.Response r) {
        Matcher m = Pattern.compile("\"version\":(\\d+)").matcher(r.body());
        assertTrue(m.find(), r.body());
        return Long.parseLong(m.group(1));
    }

    private static void assertProblem(Http.Response r, int status, String field) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        if (field != null) {
            assertTrue(r.body().contains("\"field\":\"" + field + "\""), r.body());
        }
    }

    private static void assertReconciles() throws Exception {
        Http.Response r = admin.get("/api/warehouse/reconcile");
        assertTrue(r.body().contains("\"ok\":true"), r.body());
    }

    static String checks(String damp) {
        return "\"checklist\":{\"receivingUnit\":true,\"invoiceSeal\":true,\"invoiceDate\":true,\"itemNumber\":true,"
                + "\"name\":true,\"specification\":true,\"dose\":true,\"unit\":true,\"quantity\":true,\"packaging\":true},"
                + "\"quality\":{\"noDiscoloration\":true,\"noDamp\":" + damp + ",\"noClumping\":true,\"noMelting\":true,"
                + "\"noMould\":true,\"noOdour\":true,\"noSediment\":true,\"noContamination\":true,\"labelled\":true}";
    }

    @Test
    void walksTheProceduresAndReconcilesAfterEachStep() throws Exception {
        Http county = admin.as("wh-county");
        Http street = admin.as("wh-street");
        Http community = admin.as("wh-community");
        long product = id(county.postJson("/api/warehouse/products", "{\"name\":\"避孕套\",\"type\":\"外用药具\","
                + "\"specification\":\"中号 10只/盒\",\"unit\":\"盒\",\"approvalNumber\":\"国械注准20150000001\","
                + "\"manufacturer\":\"某乳胶厂\"}"));
        Http director = admin.as("dir-county");
        long district = id(director.postJson("/api/warehouse/stores", "{\"name\":\"顺德区药具库\",\"jurisdictionCode\":\"440606\"}"));
        long streetStore = id(director.postJson("/api/warehouse/stores", "{\"name\":\"街道药具库\",\"jurisdictionCode\":\"440606901\"}"));
        long communityStore = id(director.postJson("/api/warehouse/stores", "{\"name\":\"一社区\",\"jurisdictionCode\":\"440606901001\"}"));
        long otherCommunity = id(director.postJson("/api/warehouse/stores", "{\"name\":\"二社区\",\"jurisdictionCode\":\"440606901002\"}"));

        // receiving: one good lot, one that fails the quality check
        String lot = "{\"productId\":" + product + ",\"batchNumber\":\"L2026A\",\"producedOn\":\"2026-01-10\","
                + "\"expiresOn\":\"2029-01-09\",\"quantity\":600,\"supplier\":\"市药具站\",\"invoiceNumber\":\"F1\",";
        Http.Response good = county.postJson("/api/warehouse/stores/" + district + "/receipts", lot + checks("true") + "}");
        assertEquals(201, good.status(), good.body());
        long lotId = id(good);
        Http.Response damp = county.postJson("/api/warehouse/stores/" + district + "/receipts",
                lot.replace("L2026A", "L2026B") + checks("false") + "}");
        assertTrue(damp.body().contains("\"blocked\":true"), damp.body());
        assertProblem(county.postJson("/api/warehouse/stores/" + district + "/receipts",
                lot + "\"checklist\":{}, \"quality\":{}}"), 400, "checklist.receivingUnit");
        assertReconciles();

        // transfers down the levels; not sideways, not outside one's jurisdiction
        assertEquals(200, county.postJson("/api/warehouse/transfers", "{\"fromStoreId\":" + district + ",\"toStoreId\":"
                + streetStore + ",\"lotId\":" + lotId + ",\"quantity\":300}").status());
        assertEquals(200, street.postJson("/api/warehouse/transfers", "{\"fromStoreId\":" + streetStore
                + ",\"toStoreId\":" + communityStore + ",\"lotId\":" + lotId + ",\"quantity\":100}").status());
        assertProblem(community.postJson("/api/warehouse/transfers", "{\"fromStoreId\":" + communityStore
                + ",\"toStoreId\":" + otherCommunity + ",\"lotId\":" + lotId + ",\"quantity\":1}"), 403, "toStoreId");
        assertReconciles();

        // free issue to a person, on their card, with informed choice
        Http.Response person = admin.as("officer").postJson("/api/residents", "{\"idNumber\":\""
                + ResidentIT.idNumber("44060619900101002") + "\",\"name\":\"李芳\",\"residenceCode\":\"440606901001\"}");
        assertEquals(201, person.status(), person.body());
        long resident = id(person);
        String issue = "{\"productId\":" + product + ",\"quantity\":3,\"residentId\":" + resident
                + ",\"months\":3,\"method\":\"避孕套\",\"informedChoice\":true}";
        Http.Response issued = community.postJson("/api/warehouse/stores/" + communityStore + "/issues", issue);
        assertEquals(200, issued.status(), issued.body());
        assertProblem(community.postJson("/api/warehouse/stores/" + communityStore + "/issues",
                issue.replace("\"quantity\":3", "\"quantity\":-3")), 400, "quantity");
        assertProblem(community.postJson("/api/warehouse/stores/" + communityStore + "/issues",
                issue.replace("\"quantity\":3", "\"quantity\":500")), 409, "quantity");
        assertProblem(community.postJson("/api/warehouse/stores/" + communityStore + "/issues",
                issue.replace("true", "false")), 400, "informedChoice");
        assertProblem(admin.as("wh-community2").postJson("/api/warehouse/stores/" + communityStore + "/issues", issue),
                404, "storeId");
        assertProblem(community.postJson("/api/warehouse/stores/" + communityStore + "/issues", "{\"nonsense\":1}"),
                400, null);
        assertReconciles();

        // follow-up, card read (audited), trace
        assertEquals(200, community.postJson("/api/warehouse/cards/" + resident + "/follow-ups",
                "{\"storeId\":" + communityStore + ",\"channel\":\"FACE_TO_FACE\",\"outcome\":\"CONTINUING\"}").status());
        assertProblem(admin.as("officer").get("/api/warehouse/cards/" + resident + "?reason=x"), 403, null);
        Http.Response card = community.get("/api/warehouse/cards/" + resident + "?reason=%E9%9A%8F%E8%AE%BF");
        assertTrue(card.body().contains("\"kind\":\"ISSUE\"") && card.body().contains("\"kind\":\"FOLLOW_UP\""),
                card.body());
        assertTrue(admin.get("/api/audit?action=READ_SENSITIVE&entityId=" + resident).body()
                .contains("ContraceptiveCard"));
        assertTrue(admin.as("dir-street").get("/api/warehouse/lots/" + lotId + "/trace?reason=check").body()
                .contains("\"residentId\":" + resident));

        // stock-take: the difference is adjusted only once another person approves
        Http.Response take = community.postJson("/api/warehouse/stores/" + communityStore + "/stock-takes",
                "{\"quarter\":\"2026Q4\",\"lines\":[{\"lotId\":" + lotId + ",\"counted\":96,\"explanation\":\"1盒破损\"}]}");
        assertEquals(200, take.status(), take.body());
        assertProblem(community.postJson("/api/warehouse/stock-takes/" + id(take) + "/decision",
                "{\"approve\":true,\"version\":" + version(take) + "}"), 403, null);
        assertEquals(200, admin.as("dir-street").postJson("/api/warehouse/stock-takes/" + id(take) + "/decision",
                "{\"approve\":true,\"version\":" + version(take) + "}").status());
        assertTrue(community.get("/api/warehouse/stores/" + communityStore + "/stock").body().contains("\"quantity\":96"));
        assertReconciles();

        // scrapping: submitted by the street, approved by the county
        Http.Response scrap = street.postJson("/api/warehouse/stores/" + streetStore + "/scraps",
                "{\"lotId\":" + lotId + ",\"quantity\":10,\"reason\":\"包装受潮\"}");
        assertEquals(200, scrap.status(), scrap.body());
        assertProblem(admin.as("dir-street").postJson("/api/warehouse/scraps/" + id(scrap) + "/decision",
                "{\"approve\":true,\"version\":" + version(scrap) + "}"), 403, null);
        assertTrue(director.postJson("/api/warehouse/scraps/" + id(scrap) + "/decision",
                "{\"approve\":true,\"version\":" + version(scrap) + "}").body().contains("\"status\":\"APPROVED\""));
        assertReconciles();
        // each step left one entry in the core's audit log, written in the step's own transaction
        String scrapLog = admin.get("/api/audit?entityType=ContraceptiveScrap&entityId=" + id(scrap)).body();
        assertEquals(1, scrapLog.split("\"action\":\"CREATE\"", -1).length - 1, scrapLog);
        assertEquals(1, scrapLog.split("\"action\":\"UPDATE\"", -1).length - 1, scrapLog);
        assertTrue(scrapLog.contains("包装受潮") && scrapLog.contains("SUBMITTED → APPROVED"), scrapLog);

        // quarterly reports, JSON and CSV
        String quarter = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getYear() + "Q"
                + ((java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).getMonthValue() - 1) / 3 + 1);
        Http.Response stock = director.get("/api/warehouse/reports/stock?jurisdiction=440606&quarter=" + quarter);
        assertTrue(stock.body().contains("\"scrapped\":10"), stock.body());
        Http.Response csv = director.get("/api/warehouse/reports/users?jurisdiction=440606&quarter=" + quarter
                + "&format=csv");
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.body().contains("使用避孕药具人数统计表"), csv.body());
        assertProblem(admin.as("wh-community").get("/api/warehouse/reports/stock?jurisdiction=440606&quarter="
                + quarter), 400, "jurisdiction");
        assertTrue(director.get("/api/warehouse/reminders").body().contains("\"kind\":\"DUE\""));
        assertEquals(200, director.get("/api/warehouse/stores/" + streetStore + "/demand-plan?expectedNewUsers=5")
                .status());
    }

    @Test
    void switchesOffAndOnKeepingItsDataAndTheRestRunning() throws Exception {
        assertEquals(201, admin.as("wh-county").postJson("/api/warehouse/products", "{\"name\":\"开关测试品\","
                + "\"type\":\"口服\",\"specification\":\"1\",\"unit\":\"板\",\"approvalNumber\":\"TEST-SWITCH\","
                + "\"manufacturer\":\"测试\"}").status());
        String plan = admin.get("/api/admin/modules/warehouse/plan?action=disable").body();
        assertTrue(plan.contains("WH_LEDGER"), plan);
        // the module's tables come from its migrations: the one its V3 added is counted too, and so are its reports
        assertTrue(plan.contains("\"WH_REPORT_SIGN_OFF\":") && plan.contains("报表 使用避孕药具人数统计表")
                && plan.contains("定时任务 每日数据库备份"), plan);
        assertTrue(admin.get("/api/modules/warehouse").body().contains("WH_REPORT_SIGN_OFF"));
        // its pages: a menu entry naming the module's script and route, the script served by the module itself
        String menu = admin.get("/api/ui/menu").body();
        assertTrue(menu.contains("\"script\":\"/ui/modules/warehouse/warehouse.js\"") && menu.contains("\"route\":\"warehouse\"")
                && menu.contains("\"module\":\"warehouse\""), menu);
        Http.Response script = admin.get("/ui/modules/warehouse/warehouse.js");
        assertEquals(200, script.status());
        assertTrue(script.body().contains("R.register('warehouse'"), "the module registers its pages");

        ModuleSwitching.threeTimesUnderLoad(admin, "warehouse", "/api/warehouse/stores", () -> { });
        assertTrue(admin.get("/api/warehouse/products").body().contains("开关测试品"), "the data is still there");
        assertReconciles();
    }

    @Test
    void theCoreNeverImportsWarehousePackages() throws IOException {
        Path system = RenkouOptions.distribution().resolve("system");
        int checked = 0;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(system, "org.renkou.*.jar")) {
            for (Path jar : jars) {
                if (jar.getFileName().toString().contains("warehouse")) {
                    continue;
                }
                try (JarFile j = new JarFile(jar.toFile())) {
                    String imports = j.getManifest().getMainAttributes().getValue("Import-Package");
                    assertFalse(imports != null && imports.contains("org.renkou.warehouse"), jar + ": " + imports);
                    checked++;
                }
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw e;
        }
        assertTrue(checked >= 3, "checked " + checked + " bundles");
    }
}
