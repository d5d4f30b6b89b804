package org.renkou.core.internal.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.audit.AuditEntryDTO;
import org.renkou.core.api.resident.HukouNature;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.VitalStatus;
import org.renkou.core.internal.audit.AuditServiceImpl;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.jurisdiction.JurisdictionServiceImpl;
import org.renkou.core.internal.sample.SampleData;

/** The benefit facts of a resident (户口性质, living/disabled/deceased): checks, storage, sensitive read, audit. */
class ResidentFactsTest {
    private static final LocalDate BIRTH = LocalDate.of(1990, 1, 1);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private TestDatabase db;
    private ResidentServiceImpl residents;
    private AuditServiceImpl audit;
    private final Caller officer = new Caller("a", Set.of(Role.FAMILY_SERVICES), Set.of(ResidentServiceImplTest.COMMUNITY_A));
    private final Caller auditor = new Caller("s", Set.of(Role.AUDITOR), Set.of("440606901"));

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database));
        residents = ResidentServiceImpl.on(db.database);
        audit = AuditServiceImpl.on(db.database);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private static ResidentDTO facts(VitalStatus status, Integer grade, LocalDate diedOn) {
        ResidentDTO d = new ResidentDTO();
        d.vitalStatus = status;
        d.disabilityGrade = grade;
        d.diedOn = diedOn;
        return d;
    }

    private static String refusedField(ResidentDTO in) {
        RenkouException e = assertThrows(RenkouException.class, () -> ResidentFacts.check(in, BIRTH, TODAY));
        assertEquals(RenkouException.Kind.INVALID, e.kind());
        return e.field();
    }

    @Test
    void implausibleFactsAreRefusedNamingTheField() {
        assertEquals("diedOn", refusedField(facts(VitalStatus.DECEASED, null, null)));
        assertEquals("diedOn", refusedField(facts(VitalStatus.DECEASED, null, BIRTH.minusDays(1))));
        assertEquals("diedOn", refusedField(facts(VitalStatus.DECEASED, null, TODAY.plusDays(1))));
        assertEquals("diedOn", refusedField(facts(VitalStatus.LIVING, null, TODAY)));
        assertEquals("disabilityGrade", refusedField(facts(VitalStatus.DISABLED, 0, null)));
        assertEquals("disabilityGrade", refusedField(facts(VitalStatus.DISABLED, 5, null)));
        assertEquals("disabilityGrade", refusedField(facts(VitalStatus.LIVING, 2, null)));
        assertEquals("vitalStatus", refusedField(facts(null, 2, null)));
        // the day of birth and today are plausible; a disability without a recorded grade too
        assertEquals(BIRTH, ResidentFacts.check(facts(VitalStatus.DECEASED, null, BIRTH), BIRTH, TODAY).diedOn());
        assertEquals(TODAY, ResidentFacts.check(facts(VitalStatus.DECEASED, null, TODAY), BIRTH, TODAY).diedOn());
        assertNull(ResidentFacts.check(facts(VitalStatus.DISABLED, null, null), BIRTH, TODAY).disabilityGrade());
        assertNull(ResidentFacts.check(facts(null, null, null), BIRTH, TODAY).status(), "not sent: keep");
    }

    @Test
    void factsAreStoredReadOnlyAsSensitiveAndAuditedWithoutValues() {
        ResidentDTO in = ResidentServiceImplTest.person("44060620100305002", "王小明", ResidentServiceImplTest.COMMUNITY_A);
        in.hukouNature = HukouNature.RURAL;
        in.vitalStatus = VitalStatus.DISABLED;
        in.disabilityGrade = 2;
        ResidentDTO created = residents.create(officer, in);
        assertEquals(HukouNature.RURAL, created.hukouNature);
        assertNull(created.vitalStatus, "not in a plain read");
        ResidentDTO plain = residents.find(officer, created.id).orElseThrow();
        assertNull(plain.vitalStatus);
        assertNull(plain.disabilityGrade);
        ResidentDTO sensitive = residents.readSensitive(officer, created.id, "特别扶助审核");
        assertEquals(VitalStatus.DISABLED, sensitive.vitalStatus);
        assertEquals(2, sensitive.disabilityGrade);

        // an update from a plain read (no facts sent) keeps them; one that sends them changes them
        plain.phone = "13800000000";
        ResidentDTO kept = residents.update(officer, created.id, plain);
        assertEquals(VitalStatus.DISABLED, residents.readSensitive(officer, created.id, "核对").vitalStatus);
        kept.vitalStatus = VitalStatus.DECEASED;
        kept.diedOn = LocalDate.of(2024, 3, 9);
        residents.update(officer, created.id, kept);
        ResidentDTO after = residents.readSensitive(officer, created.id, "核对");
        assertEquals(VitalStatus.DECEASED, after.vitalStatus);
        assertEquals(LocalDate.of(2024, 3, 9), after.diedOn);
        assertNull(after.disabilityGrade);

        List<AuditEntryDTO> history = audit.history(auditor, "resident", created.id.toString());
        for (AuditEntryDTO a : history) {
            String text = a.changes == null ? "" : a.changes;
            assertFalse(text.contains("DISABLED") || text.contains("DECEASED") || text.contains("2024-03-09")
                    || text.contains("\"disabilityGrade\":"), "no special-family value in the audit: " + text);
        }
        assertTrue(history.stream().anyMatch(a -> a.action == AuditAction.UPDATE && a.changes.contains("已更改")),
                "the change of the facts is on record");
        assertTrue(history.stream().anyMatch(a -> a.action == AuditAction.CREATE && a.changes.contains("RURAL")));
        assertEquals(3, history.stream().filter(a -> a.action == AuditAction.READ_SENSITIVE).count());
    }
}
