package org.renkou.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.LocalDate;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.renkou.core.api.CitizenId;
import org.renkou.core.api.Province;
import org.renkou.core.api.benefit.BenefitScheme;
import org.renkou.core.api.certificate.CertificateType;

/**
 * The scoping matrix: for every REST endpoint that reads a record by id, an officer of community A asking for a
 * record of community B is refused (403 or 404, problem+json, nothing about the record in the answer) on read and
 * on change, and every refusal is in the audit log as {@code DENIED}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ScopingMatrixIT {
    private static final String PORT_PROPERTY = "renkou.itests.scoping.port";
    private static final String COMMUNITY_A = "440606901001";
    private static final String COMMUNITY_B = "440606901002";

    @Inject
    private BundleContext context;

    private final Http admin = new Http(Integer.getInteger(PORT_PROPERTY, -1));
    private final Http officerA = admin.as("scope-a");
    private final Http officerB = admin.as("scope-b");

    @Configuration
    public Option[] config() {
        int port = RenkouOptions.freePort();
        System.setProperty(PORT_PROPERTY, Integer.toString(port));
        return RenkouOptions.renkouRuntime(RenkouOptions.newHome("scoping"), port);
    }

    @ProbeBuilder
    public TestProbeBuilder probe(TestProbeBuilder probe) {
        probe.setHeader("Import-Package", "*;resolution:=optional");
        return probe;
    }

    @Test
    public void communityACannotReachCommunityBRecords() throws Exception {
        Dictionary<String, Object> gd = new Hashtable<>();
        gd.put(Province.PROPERTY, "44");
        ServiceRegistration<?> scheme = context.registerService(BenefitScheme.class, new BenefitsIT.TestScheme(), gd);
        ServiceRegistration<?> type = context.registerService(CertificateType.class, new BenefitsIT.GloryCertificate(), gd);
        try {
            admin.await("/api/jurisdictions/" + COMMUNITY_B, r -> r.status() == 200, 30);
            staff("scope-a", COMMUNITY_A);
            staff("scope-b", COMMUNITY_B);

            // records of community B, made by its own officer
            long man = id(officerB.postJson("/api/residents", resident("44060619880808001", "赵强")));
            long woman = id(officerB.postJson("/api/residents", resident("44060619900101002", "钱丽")));
            long elder = id(officerB.postJson("/api/residents", resident("44060619500101003", "孙老")));
            Map<String, Long> records = new LinkedHashMap<>();
            records.put("residents", man);
            records.put("households", id(officerB.postJson("/api/households", "{\"number\":\"B-1\",\"residenceCode\":\""
                    + COMMUNITY_B + "\",\"members\":[{\"residentId\":" + man + ",\"relation\":\"HEAD\"}]}")));
            records.put("marriages", id(officerB.postJson("/api/marriages", "{\"partyAId\":" + man + ",\"partyBId\":"
                    + woman + ",\"marriageDate\":\"2015-05-01\",\"authority\":\"顺德区民政局\",\"certificateNumber\":\"S-1\"}")));
            records.put("births", id(officerB.postJson("/api/births", "{\"motherId\":" + woman + ",\"fatherId\":" + man
                    + ",\"childName\":\"赵一\",\"childSex\":\"FEMALE\",\"childBirthDate\":\"2016-08-01\"}")));
            records.put("certificates", id(officerB.postJson("/api/certificates", "{\"type\":\"one-child-parents-glory\","
                    + "\"number\":\"S-GD-1\",\"holderIds\":[" + man + "," + woman + "],\"issuedOn\":\"2017-01-01\"}")));
            records.put("benefit-applications", id(officerB.postJson("/api/benefit-applications",
                    "{\"schemeId\":\"it-reward\",\"applicantId\":" + elder + "}")));
            String first17 = "53010219920202004";
            records.put("migrants", id(officerB.postJson("/api/migrants", "{\"idNumber\":\"" + first17
                    + CitizenId.checkChar(first17) + "\",\"name\":\"周梅\",\"residenceCode\":\"" + COMMUNITY_B
                    + "\",\"registrationCode\":\"530102901001\",\"arrivalDate\":\"" + LocalDate.now().minusDays(3)
                    + "\",\"certificates\":[]}")));

            for (Map.Entry<String, Long> e : records.entrySet()) {
                String path = "/api/" + e.getKey() + "/" + e.getValue();
                Http.Response own = officerB.get(path);
                assertEquals(path, 200, own.status());
                assertRefused(path, officerA.get(path));
                // a change with a well-formed body, as B would send it (applications change by decision, below)
                if (!e.getKey().equals("benefit-applications")) {
                    assertRefused(path, officerA.putJson(path, own.body().replace("\"reason\":null", "\"reason\":\"越权\"")));
                }
            }
            String manIdNumber = "44060619880808001" + CitizenId.checkChar("44060619880808001");
            assertEquals(200, officerB.get("/api/residents/by-id-number/" + manIdNumber).status());
            assertRefused("by-id-number", officerA.get("/api/residents/by-id-number/" + manIdNumber));
            assertRefused("sensitive", officerA.postJson("/api/residents/" + man + "/sensitive", "{\"reason\":\"试探\"}"));
            assertRefused("decision", officerA.postJson("/api/benefit-applications/" + records.get("benefit-applications")
                    + "/decision", "{\"decision\":\"PASSED\",\"reason\":\"越权\",\"version\":1}"));

            // statistics of B's community, as figures or as a download
            for (String path : new String[] {"population?", "activity?", "report?format=xlsx&"}) {
                assertRefused(path, officerA.get("/api/statistics/" + path + "jurisdiction=" + COMMUNITY_B));
            }

            // the lists of community A do not show B's records either
            assertTrue(!officerA.get("/api/residents?limit=500").body().contains("赵强"));
            assertTrue(!officerA.get("/api/migrants?limit=500").body().contains("周梅"));

            String denied = admin.get("/api/audit?actor=scope-a&action=DENIED&limit=500").body();
            assertTrue("the lookup by ID number is audited: " + denied, denied.contains("lookup by ID number"));
            for (String entityType : new String[] {"resident", "household", "marriage", "birth", "certificate",
                    "benefit-application", "migrant"}) {
                long recordId = records.get(entityType.equals("resident") ? "residents" : entityType + "s");
                assertTrue(entityType + " refusal audited: " + denied, Pattern.compile("\"entityType\":\"" + entityType
                        + "\",\"entityId\":\"" + recordId + "\"").matcher(denied).find());
            }
            assertTrue("statistics refusal audited: " + denied, denied.contains("\"entityType\":\"statistics\",\"entityId\":\""
                    + COMMUNITY_B + "\""));
        } finally {
            scheme.unregister();
            type.unregister();
        }
    }

    private void staff(String username, String code) throws Exception {
        Http.Response r = admin.postJson("/api/staff", "{\"username\":\"" + username + "\",\"name\":\"" + username
                + "\",\"roles\":[\"FAMILY_SERVICES\"],\"jurisdictionCodes\":[\"" + code + "\"]}");
        assertEquals(r.body(), 201, r.status());
    }

    private static String resident(String first17, String name) {
        return "{\"idNumber\":\"" + first17 + CitizenId.checkChar(first17) + "\",\"name\":\"" + name
                + "\",\"residenceCode\":\"" + COMMUNITY_B + "\"}";
    }

    private static long id(Http.Response r) {
        assertTrue(r.status() + " " + r.body(), r.status() == 201 || r.status() == 200);
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(r.body());
        assertTrue(r.body(), m.find());
        return Long.parseLong(m.group(1));
    }

    private static void assertRefused(String what, Http.Response r) {
        assertTrue(what + ": " + r.status() + " " + r.body(), r.status() == 403 || r.status() == 404);
        assertTrue(what + ": " + r.contentType(), r.contentType().startsWith("application/problem+json"));
        assertTrue(what + " leaks: " + r.body(), !r.body().contains("赵强") && !r.body().contains("周梅"));
    }
}
