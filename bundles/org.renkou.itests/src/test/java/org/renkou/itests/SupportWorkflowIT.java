package org.renkou.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.renkou.itests.Asserts.assertOk;
import static org.renkou.itests.Asserts.assertProblem;
import static org.renkou.itests.Asserts.number;

import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.renkou.core.api.CitizenId;

/**
 * Reward support (奖励扶助) and special support (特别扶助) of the real province bundles through the application
 * workflow (community → street → county, payment), decided on the recorded facts: 户口性质 and the child's state.
 * In each of the three provinces a rural couple aged 60+ with one child is paid by the county; an urban couple and a
 * couple whose registration is not recorded are refused with the scheme's reason; a rural mother whose only child
 * has died gets special support at the rural rate.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SupportWorkflowIT {
    private static final String PORT_PROPERTY = "renkou.itests.support.port";
    /** Province code, scheme prefix, county, street, community of the sample tree. */
    private static final String[][] PROVINCES = {
        {"44", "gd", "440606", "440606901", "440606901001"},
        {"53", "yn", "530102", "530102901", "530102901001"},
        {"23", "hlj", "230102", "230102901", "230102901001"}};

    private final Http admin = new Http(Integer.getInteger(PORT_PROPERTY, -1));

    @Configuration
    public Option[] config() {
        int port = RenkouOptions.freePort();
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        return RenkouOptions.renkouRuntime(RenkouOptions.newHome("support"), port);
    }

    @Before
    public void staff() throws Exception {
        admin.await("/api/benefit-schemes?province=23", r -> r.status() == 200 && r.body().contains("hlj-reward"), 60);
        // the sample tree is loaded after the REST host answers: under load the schemes can come first
        for (String[] p : PROVINCES) {
            admin.await("/api/jurisdictions/" + p[4], r -> r.status() == 200, 60);
        }
        if (admin.get("/api/staff/sw-community-44").status() == 200) {
            return;
        }
        for (String[] p : PROVINCES) {
            createStaff("sw-community-" + p[0], "社区专干", "FAMILY_SERVICES", p[4]);
            createStaff("sw-street-" + p[0], "街道主任", "DIRECTOR", p[3]);
            createStaff("sw-county-" + p[0], "县区专干", "FAMILY_SERVICES", p[2]);
        }
    }

    private void createStaff(String username, String name, String role, String code) throws Exception {
        Http.Response r = admin.postJson("/api/staff", "{\"username\":\"" + username + "\",\"name\":\"" + name
                + "\",\"roles\":[\"" + role + "\"],\"jurisdictionCodes\":[\"" + code + "\"]}");
        assertEquals(r.body(), 201, r.status());
    }

    private static long resident(Http as, String community, String county, String birth, String seq, String name,
            String extra) throws Exception {
        String first17 = county + birth + seq;
        Http.Response r = as.postJson("/api/residents", "{\"idNumber\":\"" + first17 + CitizenId.checkChar(first17)
                + "\",\"name\":\"" + name + "\",\"residenceCode\":\"" + community + "\"" + extra + "}");
        assertEquals(r.body(), 201, r.status());
        return number(r.body(), "id");
    }

    /** A married couple with one child registered; returns {husband, wife, child}. */
    private static long[] family(Http as, String[] p, String birthYear, String seq, String hukou, String childFacts)
            throws Exception {
        String h = hukou == null ? "" : ",\"hukouNature\":\"" + hukou + "\"";
        long husband = resident(as, p[4], p[2], birthYear + "0301", seq + "1", "丈夫" + seq, h);
        long wife = resident(as, p[4], p[2], birthYear + "0502", seq + "2", "妻子" + seq, h);
        long child = resident(as, p[4], p[2], "19900801", seq + "3", "子女" + seq, childFacts);
        assertEquals(201, as.postJson("/api/marriages", "{\"partyAId\":" + husband + ",\"partyBId\":" + wife
                + ",\"marriageDate\":\"1990-01-01\",\"authority\":\"民政局\",\"certificateNumber\":\"M-" + seq
                + "\"}").status());
        Http.Response b = as.postJson("/api/births", "{\"motherId\":" + wife + ",\"fatherId\":" + husband
                + ",\"childId\":" + child + "}");
        assertEquals(b.body(), 201, b.status());
        return new long[] {husband, wife, child};
    }

    private static Http.Response apply(Http as, String scheme, long applicant) throws Exception {
        return as.postJson("/api/benefit-applications", "{\"schemeId\":\"" + scheme + "\",\"applicantId\":"
                + applicant + "}");
    }

    private static Http.Response decide(Http as, long id, String decision, String reason, long version)
            throws Exception {
        return as.postJson("/api/benefit-applications/" + id + "/decision", "{\"decision\":\"" + decision
                + "\",\"reason\":\"" + reason + "\",\"version\":" + version + "}");
    }

    /** Walks an application through the three steps and the county's payment; returns the paid application. */
    private static String walk(String province, long id) throws Exception {
        Http community = new Http(Integer.getInteger(PORT_PROPERTY, -1)).as("sw-community-" + province);
        Http street = community.as("sw-street-" + province);
        Http county = community.as("sw-county-" + province);
        assertOk(decide(community, id, "PASSED", "村级初审，公示无异议", 1), "\"currentStep\":1");
        assertProblem(decide(community, id, "PASSED", "越级", 2), 403, null);
        assertOk(decide(street, id, "PASSED", "乡级审核通过", 2), "\"currentStep\":2");
        assertOk(decide(county, id, "PASSED", "县级审批同意", 3), "\"status\":\"APPROVED\"");
        Http.Response paid = county.postJson("/api/benefit-applications/" + id + "/decision",
                "{\"decision\":\"PAID\",\"paymentReference\":\"FF-" + province + "-" + id + "\",\"version\":4}");
        assertOk(paid, "\"status\":\"PAID\"");
        return paid.body();
    }

    @Test
    public void theCountyPaysRewardSupportToARuralCoupleInEachProvince() throws Exception {
        for (String[] p : PROVINCES) {
            Http community = admin.as("sw-community-" + p[0]);
            String scheme = p[1] + "-reward-support";
            long[] rural = family(community, p, "1958", "01", "RURAL", "");
            for (long parent : new long[] {rural[0], rural[1]}) {
                Http.Response submitted = apply(community, scheme, parent);
                assertEquals(submitted.body(), 201, submitted.status());
                assertOk(submitted, "\"status\":\"IN_REVIEW\"", "\"amount\":80.00", "农村独生子女父母");
                String paid = walk(p[0], number(submitted.body(), "id"));
                assertTrue(paid, paid.contains("\"paymentReference\":\"FF-" + p[0]));
            }
            assertOk(admin.as("sw-county-" + p[0]).get("/api/benefit-applications?status=PAID&scheme=" + scheme),
                    "\"total\":2");

            long[] urban = family(community, p, "1957", "02", "URBAN", "");
            Http.Response refused = apply(community, scheme, urban[0]);
            assertProblem(refused, 409, "applicantId");
            assertTrue(refused.body(), refused.body().contains("该项目限农村计划生育家庭"));
            long[] unknown = family(community, p, "1956", "03", null, "");
            Http.Response unrecorded = apply(community, scheme, unknown[1]);
            assertProblem(unrecorded, 409, "applicantId");
            assertTrue(unrecorded.body(), unrecorded.body().contains("户籍性质（农村/城镇）未登记"));
        }
    }

    @Test
    public void specialSupportFollowsTheChildsRecordedDeath() throws Exception {
        String[] p = PROVINCES[0];
        Http community = admin.as("sw-community-" + p[0]);
        long[] living = family(community, p, "1966", "04", "RURAL", "");
        assertProblem(apply(community, "gd-special-support-death-rural", living[1]), 409, "applicantId");

        long[] bereaved = family(community, p, "1966", "05", "RURAL",
                ",\"vitalStatus\":\"DECEASED\",\"diedOn\":\"2021-04-02\"");
        // the facts are sensitive: not in a plain read, in the audited one
        assertFalse(community.get("/api/residents/" + bereaved[2]).body().contains("DECEASED"));
        Http.Response submitted = apply(community, "gd-special-support-death-rural", bereaved[1]);
        assertEquals(submitted.body(), 201, submitted.status());
        assertOk(submitted, "\"amount\":170.00", "独生子女死亡");
        walk(p[0], number(submitted.body(), "id"));
        // the disability scheme is another case for this family
        assertProblem(apply(community, "gd-special-support-disability-rural", bereaved[1]), 409, "applicantId");

        // implausible facts are refused naming the field
        String first17 = p[2] + "19950101" + "061";
        assertProblem(community.postJson("/api/residents", "{\"idNumber\":\"" + first17 + CitizenId.checkChar(first17)
                + "\",\"name\":\"错\",\"residenceCode\":\"" + p[4]
                + "\",\"vitalStatus\":\"DECEASED\",\"diedOn\":\"1990-01-01\"}"), 400, "diedOn");
        assertProblem(community.postJson("/api/residents", "{\"idNumber\":\"" + first17 + CitizenId.checkChar(first17)
                + "\",\"name\":\"错\",\"residenceCode\":\"" + p[4]
                + "\",\"vitalStatus\":\"DISABLED\",\"disabilityGrade\":7}"), 400, "disabilityGrade");
        assertProblem(community.postJson("/api/residents", "{\"idNumber\":\"" + first17 + CitizenId.checkChar(first17)
                + "\",\"name\":\"错\",\"residenceCode\":\"" + p[4] + "\",\"hukouNature\":\"FARM\"}"), 400, "hukouNature");
    }
}
