package org.renkou.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.renkou.itests.Asserts.assertOk;
import static org.renkou.itests.Asserts.assertProblem;
import static org.renkou.itests.Asserts.number;
import static org.renkou.itests.Asserts.text;


import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.ProbeBuilder;
import org.ops4j.pax.exam.TestProbeBuilder;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.renkou.core.api.CitizenId;

/**
 * The three province bundles side by side in the real platform, and Guangdong switched off and on through the
 * module manager while another thread keeps asking about a Yunnan jurisdiction: no Yunnan request fails, Guangdong
 * answers 503 "province module not active" while off, and its application is intact when it comes back.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ProvinceIT {
    private static final String PORT_PROPERTY = "renkou.itests.province.port";
    private static final String GD_COMMUNITY = "440606901001";
    private static final String FAMILY = "{\"birthDate\":\"1960-05-01\",\"sex\":\"MALE\",\"rural\":true,"
            + "\"oneChildCertificate\":false,\"children\":[{\"birthDate\":\"2025-03-01\",\"sex\":\"FEMALE\","
            + "\"status\":\"LIVING\"}]}";

    private final Http http = new Http(Integer.getInteger(PORT_PROPERTY, -1));
    private long mother;

    @Configuration
    public Option[] config() {
        int port = RenkouOptions.freePort();
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        return RenkouOptions.renkouRuntime(RenkouOptions.newHome("province"), port);
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader("Import-Package", "*;resolution:=optional");
        return probe;
    }

    @Before
    public void provincesActive() throws Exception {
        http.await("/api/provinces", r -> r.status() == 200 && r.body().contains("\"code\":\"44\"")
                && r.body().contains("\"code\":\"53\"") && r.body().contains("\"code\":\"23\""), 60);
    }

    @Test
    public void eachJurisdictionGetsItsOwnProvincesRules() throws Exception {
        assertOk(http.get("/api/provinces/440606/leave?date=2026-01-01"), "\"kind\":\"MATERNITY\",\"days\":178",
                "第三十条");
        assertOk(http.get("/api/provinces/530102/leave?date=2026-01-01"), "\"kind\":\"MATERNITY\",\"days\":158",
                "\"kind\":\"MARRIAGE\",\"days\":18", "\"confidence\":\"MEDIUM\"");
        assertOk(http.get("/api/provinces/230102/leave?date=2026-01-01"), "\"kind\":\"MATERNITY\",\"days\":180");
        // rules in force on the date asked
        assertOk(http.get("/api/provinces/230102/leave?date=2016-01-01"), "\"kind\":\"MATERNITY\",\"days\":98");
        assertOk(http.postJson("/api/provinces/530102901001/entitlements?date=2026-01-15", FAMILY),
                "\"schemeId\":\"yn-childcare-subsidy\"", "\"eligible\":true", "\"totalAmount\":10800.00",
                "\"schemeId\":\"yn-reward-support\"");
        assertOk(http.get("/api/benefit-schemes?province=23"), "hlj-childcare-subsidy", "hlj-one-child-glory");
        assertFalse(http.get("/api/benefit-schemes?province=53").body().contains("yn-one-child-glory"));
        assertOk(http.get("/api/certificate-types"), "gd-one-child-parents-glory", "hlj-birth-registration");
        // bad input: a malformed date, a family without a birth date
        assertProblem(http.get("/api/provinces/440606/leave?date=2026-13-01"), 400, "date");
        assertProblem(http.postJson("/api/provinces/440606/entitlements", "{\"sex\":\"MALE\"}"), 400, "birthDate");
        assertProblem(http.get("/api/provinces/99/leave"), 503, null);
    }

    @Test
    public void guangdongSwitchesOffAndOnWhileYunnanServes() throws Exception {
        long application = childcareApplication();
        String code = printedCertificate();

        BackgroundLoad load = BackgroundLoad.start("load-beside-guangdong", () -> {
            Http.Response a = http.get("/api/provinces/530102/leave");
            Http.Response b = http.postJson("/api/provinces/530102901001/entitlements", FAMILY);
            return a.status() == 200 && b.status() == 200 && b.body().contains("yn-childcare-subsidy") ? null
                    : a.status() + " " + a.body() + " / " + b.status() + " " + b.body();
        });
        try (load) {
            for (int cycle = 0; cycle < 4; cycle++) {
                Http.Response off = http.post("/api/admin/modules/province-guangdong/disable");
                assertTrue(off.body(), off.body().contains("\"state\":\"DISABLED\""));
                Http.Response gone = http.await("/api/provinces/440606/leave", r -> r.status() == 503, 30);
                assertTrue(gone.contentType(), gone.contentType().startsWith("application/problem+json"));
                assertTrue(gone.body(), gone.body().contains("省级模块未启用"));
                Http.Response en = http.get("/api/provinces/440606/leave");
                assertEquals(503, en.status());
                assertFalse(http.get("/api/benefit-schemes").body().contains("gd-childcare-subsidy"));
                // the application stays readable; a new step needs the province
                assertOk(http.get("/api/benefit-applications/" + application), "\"schemeActive\":false");
                Http.Response step = http.postJson("/api/benefit-applications/" + application + "/decision",
                        "{\"decision\":\"PASSED\",\"reason\":\"核实\",\"version\":1}");
                assertEquals(step.body(), 503, step.status());
                // printed certificates still verify; a new one cannot be numbered by the absent province
                assertOk(http.get("/api/certificates/verify/" + code), "\"result\":\"VALID\"");
                assertProblem(http.postJson("/api/certificates", "{\"type\":\"gd-one-child-parents-glory\","
                        + "\"holderIds\":[" + mother + "],\"issuedOn\":\"2026-01-01\"}"), 400, "type");

                Http.Response on = http.post("/api/admin/modules/province-guangdong/enable");
                assertTrue(on.body(), on.body().contains("\"state\":\"ENABLED\""));
                http.await("/api/provinces/440606/leave", r -> r.status() == 200 && r.body().contains("178"), 30);
            }
        }
        assertNull("no Yunnan request failed", load.failure());
        assertTrue("the load ran: " + load.ok(), load.ok() > 20);
        assertOk(http.get("/api/benefit-applications/" + application), "\"schemeActive\":true",
                "\"schemeId\":\"gd-childcare-subsidy\"", "\"amount\":300.00");
        assertOk(http.get("/api/certificates/verify/" + code), "\"result\":\"VALID\"", "独生子女父母光荣证");
        whatIfListsWhoseAmountChanges();
    }

    /**
     * A hypothetical rule change (not a real figure: the test's own data) raising 育儿补贴 from 2027: the what-if run
     * lists the Guangdong mother before anything is activated; a file with overlapping periods is refused by line.
     */
    private void whatIfListsWhoseAmountChanges() throws Exception {
        String rule = "{\"key\":\"benefit.childcare-subsidy.yearly\",\"value\":4800,\"unit\":\"yuan/child/year\","
                + "\"source\":{\"regulation\":\"测试用假设文件\",\"article\":\"-\"},\"effectiveFrom\":\"%s\","
                + "\"effectiveTo\":null,\"confidence\":\"low\"}";
        String candidate = "{\"province\":\"44\",\"rules\":[\n" + String.format(rule, "2027-01-01") + "]}";
        Http.Response r = http.postJson("/api/provinces/440606/what-if?file=guangdong-2027.json&date=2027-03-01",
                candidate);
        assertOk(r, "\"residentId\":" + mother, "\"change\":\"AMOUNT\"", "\"monthlyAmount\":400.00");
        assertFalse(r.body(), r.body().contains("\"change\":\"LOSES\""));
        assertFalse(http.postJson("/api/provinces/440606/what-if?date=2026-12-01", candidate).body()
                .contains("\"change\""));
        assertOk(http.get("/api/provinces/entitlements?resident=" + mother + "&date=2027-03-01"),
                "\"monthlyAmount\":300.00");
        Http.Response refused = http.postJson("/api/provinces/440606/what-if?file=bad.json", "{\"province\":\"44\","
                + "\"rules\":[\n" + String.format(rule, "2027-01-01") + ",\n" + String.format(rule, "2028-01-01") + "]}");
        assertProblem(refused, 400, "file");
        assertTrue(refused.body(), refused.body().contains("bad.json 第 3 行"));
    }

    /** A Guangdong certificate numbered by the province, printed, reprinted: only the newest paper verifies. */
    private String printedCertificate() throws Exception {
        Http.Response c = http.postJson("/api/certificates", "{\"type\":\"gd-one-child-parents-glory\","
                + "\"holderIds\":[" + mother + "],\"issuedOn\":\"2026-01-01\"}");
        assertOk(c, "\"number\":\"GD-2026-000001\"");
        long id = number(c.body(), "id");
        Http.Response first = http.postJson("/api/certificates/" + id + "/print", "{}");
        String firstCode = text(first.body(), "verificationCode");
        assertProblem(http.postJson("/api/certificates/" + id + "/print", "{}"), 400, "reason");
        Http.Response second = http.postJson("/api/certificates/" + id + "/print", "{\"reason\":\"遗失\"}");
        assertOk(second, "\"printNo\":2", "\"supersededCode\":\"" + firstCode + "\"");
        assertOk(http.get("/api/certificates/verify/" + firstCode), "\"result\":\"SUPERSEDED\"");
        assertOk(http.get("/api/certificates/verify/ZZZZZZZZ"), "\"result\":\"UNKNOWN\"");
        assertProblem(http.get("/api/certificates/verify/bad"), 400, "code");
        // the PDF for the printer, CJK font embedded (rendered and looked at by hand: see docs/province-bundles.md)
        Http.Response pdf = http.postJson("/api/certificates/" + id + "/print.pdf", "{\"reason\":\"打印\"}");
        assertEquals(pdf.body(), 200, pdf.status());
        assertEquals("application/pdf", pdf.contentType());
        assertTrue(pdf.body().startsWith("%PDF") && pdf.body().length() > 5000);
        // the printable page is a print too: the code on it replaces the one before
        Http.Response page = http.postJson("/api/certificates/" + id + "/print.html", "{\"reason\":\"损坏\"}");
        assertOk(page, "<h1>独生子女父母光荣证</h1>", "GD-2026-000001", "广东母亲", "第 4 次打印");
        assertTrue(page.contentType(), page.contentType().startsWith("text/html"));
        String code = page.body().replaceAll("(?s).*核验码 ([A-Z0-9]{8}).*", "$1");
        assertOk(http.get("/api/certificates/verify/" + text(second.body(), "verificationCode")),
                "\"result\":\"SUPERSEDED\"");
        return code;
    }


    /** A Guangdong mother and her child born 2025-03-01 apply for 育儿补贴 through the core's workflow. */
    private long childcareApplication() throws Exception {
        mother = resident("44060619950401002", "广东母亲");
        long child = resident("44060620250301001", "广东孩子");
        assertOk(http.postJson("/api/births", "{\"motherId\":" + mother + ",\"childId\":" + child + "}"));
        Http.Response refused = http.postJson("/api/benefit-applications",
                "{\"schemeId\":\"gd-reward-support\",\"applicantId\":" + mother + "}");
        assertProblem(refused, 409, "applicantId");
        assertTrue(refused.body(), refused.body().contains("未满60周岁"));
        Http.Response r = http.postJson("/api/benefit-applications",
                "{\"schemeId\":\"gd-childcare-subsidy\",\"applicantId\":" + mother + "}");
        assertOk(r, "\"amount\":300.00", "育儿补贴制度实施方案");
        assertOk(http.get("/api/provinces/entitlements?resident=" + mother + "&date=2026-01-15"),
                "\"schemeId\":\"gd-childcare-subsidy\"", "\"totalAmount\":10800.00");
        return number(r.body(), "id");
    }

    private long resident(String first17, String name) throws Exception {
        Http.Response r = http.postJson("/api/residents", "{\"idNumber\":\"" + first17 + CitizenId.checkChar(first17)
                + "\",\"name\":\"" + name + "\",\"residenceCode\":\"" + GD_COMMUNITY + "\"}");
        assertEquals(r.body(), 201, r.status());
        return number(r.body(), "id");
    }



}
