package org.renkou.core.internal.province;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Role;
import org.renkou.core.api.province.FamilyFacts;
import org.renkou.core.api.province.FamilyFacts.ChildStatus;
import org.renkou.core.api.resident.HukouNature;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.VitalStatus;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.jurisdiction.JurisdictionServiceImpl;
import org.renkou.core.internal.registration.BirthEntity;
import org.renkou.core.internal.resident.ResidentServiceImpl;
import org.renkou.core.internal.resident.ResidentServiceImplTest;
import org.renkou.core.internal.sample.SampleData;

/** The facts the schemes (and so the benefit workflow) decide on come from the recorded resident facts. */
class FamilyFactsFromRecordsTest {
    private TestDatabase db;
    private ResidentServiceImpl residents;
    private PolicyRegistryImpl registry;
    private final Caller officer = new Caller("a", Set.of(Role.FAMILY_SERVICES), Set.of(ResidentServiceImplTest.COMMUNITY_A));

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database));
        residents = ResidentServiceImpl.on(db.database);
        registry = PolicyRegistryImpl.on(db.database);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    private ResidentDTO person(String first17, String name, HukouNature hukou, VitalStatus status, Integer grade,
            LocalDate diedOn) {
        ResidentDTO d = ResidentServiceImplTest.person(first17, name, ResidentServiceImplTest.COMMUNITY_A);
        d.hukouNature = hukou;
        d.vitalStatus = status;
        d.disabilityGrade = grade;
        d.diedOn = diedOn;
        return residents.create(officer, d);
    }

    private void birth(long mother, ResidentDTO child) {
        db.database.tx(em -> {
            BirthEntity b = new BirthEntity();
            b.motherId = mother;
            b.childId = child == null ? null : child.id;
            b.childName = child == null ? "未入户" : child.name;
            b.childSex = child == null ? org.renkou.core.api.Sex.FEMALE : child.sex;
            b.childBirthDate = child == null ? LocalDate.of(2000, 1, 1) : child.birthDate;
            b.birthOrder = 1;
            b.registeredOn = b.childBirthDate;
            b.createdAt = LocalDateTime.now();
            b.updatedAt = b.createdAt;
            em.persist(b);
            return null;
        });
    }

    @Test
    void ruralRegistrationAndTheChildsStateReachTheFacts() {
        ResidentDTO mother = person("44060619650101002", "农村母亲", HukouNature.RURAL, null, null, null);
        ResidentDTO child = person("44060619900101003", "孩子", null, VitalStatus.DECEASED, null, LocalDate.of(2020, 5, 1));
        birth(mother.id, child);
        FamilyFacts f = registry.familyFacts(mother.id);
        assertEquals(Boolean.TRUE, f.rural());
        assertEquals(ChildStatus.DECEASED, f.children().get(0).status());

        ResidentDTO urban = person("44060619650101010", "城镇母亲", HukouNature.URBAN, null, null, null);
        birth(urban.id, person("44060619900101029", "二级", null, VitalStatus.DISABLED, 2, null));
        assertEquals(Boolean.FALSE, registry.familyFacts(urban.id).rural());
        assertEquals(ChildStatus.DISABLED, registry.familyFacts(urban.id).children().get(0).status());

        // grade 4 is below the schemes' 伤残三级以上; not recorded hukou stays unknown; no child record: living
        ResidentDTO unknown = person("44060619650101037", "未登记", null, null, null, null);
        birth(unknown.id, person("44060619900101045", "四级", null, VitalStatus.DISABLED, 4, null));
        birth(unknown.id, null);
        FamilyFacts u = registry.familyFacts(unknown.id);
        assertNull(u.rural());
        assertEquals(ChildStatus.LIVING, u.children().get(0).status());
        assertEquals(ChildStatus.LIVING, u.children().get(1).status());
    }
}
