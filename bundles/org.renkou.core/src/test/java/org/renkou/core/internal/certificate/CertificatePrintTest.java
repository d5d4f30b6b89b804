package org.renkou.core.internal.certificate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.renkou.core.internal.registration.RegistrationServicesTest.fails;
import static org.renkou.core.internal.resident.ResidentServiceImplTest.person;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Province;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.benefit.BenefitScheme;
import org.renkou.core.api.certificate.CertificateDTO;
import org.renkou.core.api.certificate.CertificatePrintDTO;
import org.renkou.core.api.certificate.CertificateType;
import org.renkou.core.api.certificate.CertificateVerificationDTO.Result;
import org.renkou.core.api.province.Entitlement;
import org.renkou.core.api.province.FamilyFacts;
import org.renkou.core.api.province.FormDefinition;
import org.renkou.core.api.province.LeaveEntitlement;
import org.renkou.core.api.province.RegionalPolicy;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.internal.db.MovableClock;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.jurisdiction.JurisdictionServiceImpl;
import org.renkou.core.internal.province.PolicyRegistryImpl;
import org.renkou.core.internal.resident.ResidentServiceImpl;
import org.renkou.core.internal.sample.SampleData;

/** Certificates as controlled documents: serial numbers per province and year, prints, reprints, verification. */
class CertificatePrintTest {
    private static final String COMMUNITY = "440606901001";
    private final Caller officer = new Caller("a", Set.of(Role.FAMILY_SERVICES), Set.of(COMMUNITY));

    private TestDatabase db;
    private ResidentServiceImpl residents;
    private CertificateServiceImpl certificates;
    private final RegionalPolicy guangdong = new NumberingPolicy();
    private PolicyRegistryImpl registry;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase();
        SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database));
        residents = ResidentServiceImpl.on(db.database);
        CertificateTypes types = new CertificateTypes();
        types.addType(new CertificateType() {
            public String key() {
                return "gd-one-child-parents-glory";
            }

            public String nameZh() {
                return "独生子女父母光荣证";
            }

            public String nameEn() {
                return "Honour certificate for parents of an only child";
            }
        }, Map.of(Province.PROPERTY, "44"));
        registry = PolicyRegistryImpl.on(db.database);
        registry.addPolicy(guangdong, Map.of(Province.PROPERTY, "44"));
        certificates = new CertificateServiceImpl(db.database, types, registry,
                new MovableClock(LocalDate.of(2026, 6, 1)));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private CertificateDTO issue(String number, LocalDate issuedOn, long... holders) {
        CertificateDTO in = new CertificateDTO();
        in.type = "gd-one-child-parents-glory";
        in.number = number;
        in.holderIds = java.util.Arrays.stream(holders).boxed().toList();
        in.issuedOn = issuedOn;
        return certificates.issue(officer, in);
    }

    @Test
    void numbersRunPerProvinceAndYear() {
        ResidentDTO holder = residents.create(officer, person("44060619900101001", "张伟", COMMUNITY));
        assertEquals("GD-2025-000001", issue(null, LocalDate.of(2025, 12, 31), holder.id).number);
        assertEquals("GD-2026-000001", issue(null, LocalDate.of(2026, 1, 2), holder.id).number);
        assertEquals("GD-2026-000002", issue("  ", LocalDate.of(2026, 3, 1), holder.id).number);
        // a number given by hand (an old paper certificate) is kept as given
        assertEquals("粤-旧-17", issue("粤-旧-17", LocalDate.of(2001, 3, 1), holder.id).number);
        registry.removePolicy(guangdong);
        RenkouException e = fails(RenkouException.Kind.UNAVAILABLE, null,
                () -> issue(null, LocalDate.of(2026, 3, 1), holder.id));
        assertTrue(e.messageZh().contains("省级模块未启用"), e.messageZh());
    }

    @Test
    void aReprintNeverLeavesTwoValidPapers() {
        ResidentDTO holder = residents.create(officer, person("44060619900101001", "张伟", COMMUNITY));
        CertificateDTO c = issue(null, LocalDate.of(2026, 1, 2), holder.id);

        CertificatePrintDTO first = certificates.print(officer, c.id, null);
        assertEquals(1, first.printNo);
        assertEquals(Result.VALID, certificates.verify(first.verificationCode).result);
        assertEquals(Result.VALID, certificates.verify(first.verificationCode.toLowerCase()).result);

        fails(RenkouException.Kind.INVALID, "reason", () -> certificates.print(officer, c.id, " "));
        CertificatePrintDTO second = certificates.print(officer, c.id, "原证遗失");
        assertEquals(2, second.printNo);
        assertEquals(first.verificationCode, second.supersededCode);
        assertNotEquals(first.verificationCode, second.verificationCode);
        assertEquals(Result.SUPERSEDED, certificates.verify(first.verificationCode).result);
        assertEquals(Result.VALID, certificates.verify(second.verificationCode).result);
        assertEquals(c.number, certificates.verify(second.verificationCode).number);

        CertificateDTO revoke = new CertificateDTO();
        revoke.reason = "作废";
        revoke.version = certificates.find(officer, c.id).orElseThrow().version;
        certificates.revoke(officer, c.id, revoke);
        assertEquals(Result.REVOKED, certificates.verify(second.verificationCode).result);
        fails(RenkouException.Kind.CONFLICT, "status", () -> certificates.print(officer, c.id, "再补"));

        assertEquals(Result.UNKNOWN, certificates.verify("ABCDEFGH").result);
        fails(RenkouException.Kind.INVALID, "code", () -> certificates.verify("0O1I"));
        assertEquals(List.of("ISSUED", "PRINTED", "REPRINTED", "REVOKED"),
                certificates.history(officer, c.id).stream().map(h -> h.event).toList());
        Caller stranger = new Caller("b", Set.of(Role.FAMILY_SERVICES), Set.of("440606901002"));
        fails(RenkouException.Kind.NOT_FOUND, "id", () -> certificates.print(stranger, c.id, "x"));
    }

    /** Numbers {@code GD-<year>-<000001>}, as the Guangdong bundle does. */
    private static final class NumberingPolicy implements RegionalPolicy {
        public String provinceCode() {
            return "44";
        }

        public String nameZh() {
            return "广东省";
        }

        public String nameEn() {
            return "Guangdong";
        }

        public List<BenefitScheme> benefitSchemes() {
            return List.of();
        }

        public List<Entitlement> entitlements(FamilyFacts family, LocalDate date) {
            return List.of();
        }

        public List<LeaveEntitlement> leaveEntitlements(LocalDate date) {
            return List.of();
        }

        public List<FormDefinition> forms() {
            return List.of();
        }

        public String certificateNumber(String formKey, int year, long sequence) {
            return "GD-" + year + "-" + String.format("%06d", sequence);
        }

        public RegionalPolicy withCandidate(String fileName, String content) {
            return this;
        }
    }
}
