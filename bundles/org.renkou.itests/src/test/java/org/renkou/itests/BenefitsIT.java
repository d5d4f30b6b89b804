package org.renkou.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.renkou.itests.Asserts.assertOk;
import static org.renkou.itests.Asserts.assertProblem;
import static org.renkou.itests.Asserts.number;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;

import javax.inject.Inject;

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
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.renkou.core.api.CitizenId;
import org.renkou.core.api.Province;
import org.renkou.core.api.benefit.AmountPeriod;
import org.renkou.core.api.benefit.ApprovalStep;
import org.renkou.core.api.benefit.BenefitScheme;
import org.renkou.core.api.benefit.Eligibility;
import org.renkou.core.api.benefit.ReviewLevel;
import org.renkou.core.api.certificate.CertificateType;
import org.renkou.core.api.household.HouseholdDTO;
import org.renkou.core.api.resident.ResidentDTO;

/**
 * Registrations, certificates and benefit applications over HTTP in the real platform. The probe registers a
 * {@link BenefitScheme} (notices of 0 days, so the chain can be walked at once) and a {@link CertificateType}, as a
 * province bundle would; three staff members (community, street, county) walk an application through the chain.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BenefitsIT {
    private static final String PORT_PROPERTY = "renkou.itests.benefits.port";
    private static final String COMMUNITY = "440606901001";
    private static final String OTHER_COMMUNITY = "440606901002";

    @Inject
    private BundleContext context;

    private final Http admin = new Http(Integer.getInteger(PORT_PROPERTY, -1));
    private final Http community = admin.as("it-community");
    private final Http street = admin.as("it-street");
    private final Http county = admin.as("it-county");
    private final Http other = admin.as("it-other");

    @Configuration
    public Option[] config() {
        int port = RenkouOptions.freePort();
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        return RenkouOptions.renkouRuntime(RenkouOptions.newHome("benefits"), port);
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader("Import-Package", "*;resolution:=optional");
        return probe;
    }

    /** A province's reward support as a test stands in for it: 60 and over, 80 yuan a month, three steps. */
    public static final class TestScheme implements BenefitScheme {
        @Override
        public String id() {
            return "it-reward";
        }

        @Override
        public String provinceCode() {
            return "44";
        }

        @Override
        public String nameZh() {
            return "集成测试奖励扶助";
        }

        @Override
        public String nameEn() {
            return "Integration test reward support";
        }

        @Override
        public List<ApprovalStep> approvalChain() {
            return List.of(new ApprovalStep(ReviewLevel.COMMUNITY, 0), new ApprovalStep(ReviewLevel.STREET, 0),
                    new ApprovalStep(ReviewLevel.COUNTY, 0));
        }

        @Override
        public Eligibility eligibility(ResidentDTO r, HouseholdDTO household, LocalDate date) {
            return Period.between(r.birthDate, date).getYears() >= 60 ? Eligibility.yes("年满60周岁", "aged 60 or over")
                    : Eligibility.no("未满60周岁", "under 60");
        }

        @Override
        public BigDecimal amount(LocalDate date) {
            return new BigDecimal("80.00");
        }

        @Override
        public AmountPeriod amountPeriod() {
            return AmountPeriod.MONTHLY;
        }
    }

    public static final class GloryCertificate implements CertificateType {
        @Override
        public String key() {
            return "one-child-parents-glory";
        }

        @Override
        public String nameZh() {
            return "独生子女父母光荣证";
        }

        @Override
        public String nameEn() {
            return "Honour certificate for parents of an only child";
        }
    }

    @Before
    public void staff() throws Exception {
        admin.await("/api/jurisdictions/" + COMMUNITY, r -> r.status() == 200, 30);
        if (admin.get("/api/staff/it-community").status() == 200) {
            return;
        }
        createStaff("it-community", "社区专干", "FAMILY_SERVICES", COMMUNITY);
        createStaff("it-street", "街道主任", "DIRECTOR", "440606901");
        createStaff("it-county", "区专干", "FAMILY_SERVICES", "440606");
        createStaff("it-other", "二社区专干", "FAMILY_SERVICES", OTHER_COMMUNITY);
    }

    private void createStaff(String username, String name, String role, String code) throws Exception {
        Http.Response r = admin.postJson("/api/staff", "{\"username\":\"" + username + "\",\"name\":\"" + name
                + "\",\"roles\":[\"" + role + "\"],\"jurisdictionCodes\":[\"" + code + "\"]}");
        assertEquals(r.body(), 201, r.status());
    }

    private long resident(String first17, String name) throws Exception {
        Http.Response r = community.postJson("/api/residents", "{\"idNumber\":\"" + first17
                + CitizenId.checkChar(first17) + "\",\"name\":\"" + name + "\",\"residenceCode\":\"" + COMMUNITY + "\"}");
        assertEquals(r.body(), 201, r.status());
        return number(r.body(), "id");
    }

    private static Dictionary<String, Object> province(String code) {
        Dictionary<String, Object> p = new Hashtable<>();
        p.put(Province.PROPERTY, code);
        return p;
    }


    private static Http.Response decide(Http as, long id, String decision, String reason, long version)
            throws Exception {
        return as.postJson("/api/benefit-applications/" + id + "/decision", "{\"decision\":\"" + decision
                + "\",\"reason\":\"" + reason + "\",\"version\":" + version + "}");
    }



    @Test
    public void applicationWalksTheChainWithThreeStaffMembers() throws Exception {
        ServiceRegistration<BenefitScheme> reg = context.registerService(BenefitScheme.class, new TestScheme(),
                province("44"));
        try {
            assertOk(admin.get("/api/benefit-schemes?province=44"), "\"id\":\"it-reward\"", "\"amount\":80.00");
            long applicant = resident("44060619550101001", "老陈");
            long young = resident("44060619900101011", "小陈");

            assertProblem(community.postJson("/api/benefit-applications",
                    "{\"schemeId\":\"it-reward\",\"applicantId\":" + young + "}"), 409, "applicantId");
            assertProblem(community.postJson("/api/benefit-applications", "{\"applicantId\":" + applicant + "}"),
                    400, "schemeId");
            Http.Response submitted = community.postJson("/api/benefit-applications",
                    "{\"schemeId\":\"it-reward\",\"applicantId\":" + applicant + "}");
            assertEquals(submitted.body(), 201, submitted.status());
            assertOk(submitted, "\"status\":\"IN_REVIEW\"", "\"currentStep\":0", "\"amountPeriod\":\"MONTHLY\"");
            long id = number(submitted.body(), "id");
            String path = "/api/benefit-applications/" + id;

            // an objection during the notice blocks the step until it is resolved
            Http.Response objection = community.postJson(path + "/objections",
                    "{\"objector\":\"村民甲\",\"content\":\"申请人另有子女\"}");
            assertEquals(objection.body(), 201, objection.status());
            long objectionId = number(objection.body(), "id");
            assertProblem(decide(community, id, "PASSED", "公示无异议", 1), 409, "decision");
            assertProblem(community.postJson(path + "/objections/" + objectionId + "/resolution",
                    "{\"status\":\"DISMISSED\",\"version\":1}"), 400, "resolution");
            assertOk(community.postJson(path + "/objections/" + objectionId + "/resolution",
                    "{\"status\":\"DISMISSED\",\"resolution\":\"经核实，子女已死亡\",\"version\":1}"),
                    "\"status\":\"DISMISSED\"");

            // another community: the application does not exist for them, and the attempt is audited
            assertProblem(other.get(path), 404, "id");
            assertProblem(decide(other, id, "PASSED", "越权", 1), 404, "id");
            assertTrue(admin.get("/api/audit?entityType=benefit-application&entityId=" + id + "&action=DENIED")
                    .body().contains("\"actor\":\"it-other\""));

            assertProblem(decide(community, id, "PASSED", "公示无异议", 7), 409, "version");
            assertOk(decide(community, id, "PASSED", "公示无异议", 1), "\"currentStep\":1");
            // the community may not decide the street's step
            assertProblem(decide(community, id, "PASSED", "越级", 2), 403, null);
            assertOk(decide(street, id, "PASSED", "街道审核通过", 2), "\"currentStep\":2");
            assertOk(decide(county, id, "PASSED", "同意", 3), "\"status\":\"APPROVED\"");
            assertOk(county.postJson(path + "/decision",
                    "{\"decision\":\"PAID\",\"paymentReference\":\"FF-01\",\"version\":4}"), "\"status\":\"PAID\"");

            Http.Response steps = street.get(path + "/steps");
            assertOk(steps);
            String s = steps.body();
            assertTrue(s, s.indexOf("SUBMITTED") < s.indexOf("\"it-street\"") && s.indexOf("\"it-county\"") > 0);
            assertEquals(s, 5, s.split("\"decision\":").length - 1);
            assertOk(street.get(path + "/objections"), "\"resolvedBy\":\"it-community\"");
            assertOk(county.get("/api/benefit-applications?status=PAID&jurisdiction=440606901"), "\"total\":1");

            // rejection with a reason at the first step
            long second = number(community.postJson("/api/benefit-applications",
                    "{\"schemeId\":\"it-reward\",\"applicantId\":" + resident("44060619500101021", "老林") + "}")
                    .body(), "id");
            assertProblem(decide(community, second, "REJECTED", "", 1), 400, "reason");
            assertOk(decide(community, second, "REJECTED", "户籍不在本村", 1), "\"status\":\"REJECTED\"");
            assertOk(community.get("/api/benefit-applications/" + second + "/steps"), "户籍不在本村");
            assertProblem(decide(community, second, "PASSED", "再审", 2), 409, "status");

            // the province module stops: reads work, new steps answer 503, nothing changes
            long third = number(community.postJson("/api/benefit-applications",
                    "{\"schemeId\":\"it-reward\",\"applicantId\":" + resident("44060619450101031", "老黄") + "}")
                    .body(), "id");
            reg.unregister();
            reg = null;
            assertFalse(admin.get("/api/benefit-schemes").body().contains("it-reward"));
            Http.Response inactive = decide(community, third, "PASSED", "无异议", 1);
            assertProblem(inactive, 503, null);
            assertTrue(inactive.body(), inactive.body().contains("省级模块未启用"));
            assertOk(community.get("/api/benefit-applications/" + third), "\"schemeActive\":false", "\"version\":1",
                    "集成测试奖励扶助");
            assertOk(community.get(path), "\"status\":\"PAID\"");

            reg = context.registerService(BenefitScheme.class, new TestScheme(), province("44"));
            assertOk(decide(community, third, "PASSED", "无异议", 1), "\"currentStep\":1", "\"schemeActive\":true");
        } finally {
            if (reg != null) {
                reg.unregister();
            }
        }
    }

    @Test
    public void marriagesBirthsAndCertificatesOverHttp() throws Exception {
        long man = resident("44060619880101051", "周强");
        long woman = resident("44060619900101062", "吴敏");

        Http.Response m = community.postJson("/api/marriages", "{\"partyAId\":" + man + ",\"partyBId\":" + woman
                + ",\"marriageDate\":\"2015-05-01\",\"authority\":\"顺德区民政局\",\"certificateNumber\":\"J-1\"}");
        assertEquals(m.body(), 201, m.status());
        long marriage = number(m.body(), "id");
        assertProblem(community.postJson("/api/marriages", "{\"partyAId\":" + man + ",\"partyBId\":" + woman
                + ",\"marriageDate\":\"2016-05-01\",\"authority\":\"顺德区民政局\",\"certificateNumber\":\"J-2\"}"),
                409, "partyAId");
        assertProblem(community.postJson("/api/marriages", "{\"partyAId\":" + man + ",\"marriageDate\":\"2016-05-01\"}"),
                400, "authority");
        assertProblem(other.get("/api/marriages/" + marriage), 404, "id");
        assertOk(community.get("/api/marriages?resident=" + man), "\"total\":1");

        Http.Response b = community.postJson("/api/births", "{\"motherId\":" + woman + ",\"fatherId\":" + man
                + ",\"childName\":\"周一\",\"childSex\":\"FEMALE\",\"childBirthDate\":\"2016-08-01\"}");
        assertEquals(b.body(), 201, b.status());
        assertOk(b, "\"birthOrder\":1");
        assertOk(community.postJson("/api/births", "{\"motherId\":" + woman
                + ",\"childName\":\"周二\",\"childSex\":\"MALE\",\"childBirthDate\":\"2019-08-01\"}"), "\"birthOrder\":2");
        assertProblem(community.postJson("/api/births", "{\"motherId\":" + man
                + ",\"childName\":\"错\",\"childSex\":\"MALE\",\"childBirthDate\":\"2019-08-01\"}"), 400, "motherId");
        assertProblem(community.postJson("/api/births", "{\"motherId\":" + woman + ",\"childSex\":\"X\"}"), 400,
                "childSex");

        ServiceRegistration<CertificateType> type = context.registerService(CertificateType.class,
                new GloryCertificate(), province("44"));
        try {
            assertOk(admin.get("/api/certificate-types"), "\"key\":\"one-child-parents-glory\"", "独生子女父母光荣证");
            String cert = "{\"type\":\"one-child-parents-glory\",\"number\":\"GD-1\",\"holderIds\":[" + man + ","
                    + woman + "],\"issuedOn\":\"2017-01-01\"}";
            assertProblem(other.postJson("/api/certificates", cert), 404, "holderIds[0]");
            Http.Response c = community.postJson("/api/certificates", cert);
            assertEquals(c.body(), 201, c.status());
            long id = number(c.body(), "id");
            assertProblem(community.postJson("/api/certificates", cert), 409, "number");
            assertProblem(community.postJson("/api/certificates/" + id + "/revoke", "{\"version\":1}"), 400, "reason");
            assertOk(community.postJson("/api/certificates/" + id + "/revoke",
                    "{\"reason\":\"持证人申请注销\",\"version\":1}"), "\"status\":\"REVOKED\"");
            assertProblem(community.postJson("/api/certificates/" + id + "/revoke",
                    "{\"reason\":\"再次\",\"version\":1}"), 409, "version");
            assertOk(community.get("/api/certificates/" + id + "/history"), "\"event\":\"ISSUED\"",
                    "\"event\":\"REVOKED\"", "持证人申请注销");
            assertOk(community.get("/api/certificates?holder=" + woman + "&status=REVOKED"), "\"total\":1");
            assertProblem(community.get("/api/certificates?status=LOST"), 400, "status");
        } finally {
            type.unregister();
        }
    }
}
