package org.renkou.core.internal.jurisdiction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;

import javax.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.HealthIndicator;
import org.renkou.core.api.JurisdictionLevel;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.sample.SampleData;

class JurisdictionServiceImplTest {
    private TestDatabase db;
    private JurisdictionServiceImpl service;

    @BeforeEach
    void setUp() {
        db = new TestDatabase();
        service = new JurisdictionServiceImpl(db.database);
        service.create(j("440000", "广东省", JurisdictionLevel.PROVINCE, null));
        service.create(j("440600", "佛山市", JurisdictionLevel.CITY, "440000"));
        service.create(j("440606", "顺德区", JurisdictionLevel.COUNTY, "440600"));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void createsAndReadsTheTree() {
        JurisdictionDTO street = service.create(j("440606901", " 测试街道 ", JurisdictionLevel.STREET, "440606"));
        assertEquals("测试街道", street.name, "names are trimmed");
        assertEquals(Long.valueOf(1), street.version);
        assertEquals(List.of("440000"), service.children(null).stream().map(d -> d.code).toList());
        assertEquals(Integer.valueOf(1), service.find("440606").orElseThrow().childCount);
        assertEquals("440606901", service.children("440606").get(0).code);
        assertEquals(4, service.count());
        assertTrue(service.find("999999").isEmpty());
    }

    @Test
    void acceptsTheRealLevelSkips() {
        service.create(j("441900", "东莞市", JurisdictionLevel.CITY, "440000"));
        service.create(j("441900003", "示例镇", JurisdictionLevel.STREET, "441900"));
        service.create(j("420000", "湖北省", JurisdictionLevel.PROVINCE, null));
        service.create(j("429004", "仙桃市", JurisdictionLevel.COUNTY, "420000"));
        assertEquals(7, service.count());
    }

    @Test
    void rejectsBadInputNamingTheField() {
        assertInvalid("code", j(null, "x", JurisdictionLevel.STREET, "440606"));
        assertInvalid("name", j("440606902", "  ", JurisdictionLevel.STREET, "440606"));
        assertInvalid("name", j("440606902", "长".repeat(101), JurisdictionLevel.STREET, "440606"));
        assertInvalid("level", j("440606902", "x", null, "440606"));
        assertInvalid("code", j("4406069", "x", JurisdictionLevel.STREET, "440606"));
        assertInvalid("parentCode", j("440606902", "x", JurisdictionLevel.STREET, null));
        assertInvalid("parentCode", j("450000", "x", JurisdictionLevel.PROVINCE, "440000"));
        assertInvalid("parentCode", j("440606902", "x", JurisdictionLevel.STREET, "440699"));
        assertInvalid("parentCode", j("440606902001", "x", JurisdictionLevel.COMMUNITY, "440606"));
        assertInvalid("code", j("440607902", "x", JurisdictionLevel.STREET, "440606"));
        RenkouException empty = assertThrows(RenkouException.class, () -> service.create(null));
        assertEquals(RenkouException.Kind.INVALID, empty.kind());
        assertEquals(3, service.count(), "nothing half-made");
    }

    @Test
    void refusesDuplicatesWithConflict() {
        RenkouException code = assertThrows(RenkouException.class,
                () -> service.create(j("440606", "另一个区", JurisdictionLevel.COUNTY, "440600")));
        assertEquals(RenkouException.Kind.CONFLICT, code.kind());
        assertEquals("code", code.field());
        RenkouException name = assertThrows(RenkouException.class,
                () -> service.create(j("440607", "顺德区", JurisdictionLevel.COUNTY, "440600")));
        assertEquals("name", name.field());
        RenkouException province = assertThrows(RenkouException.class,
                () -> service.create(j("450000", "广东省", JurisdictionLevel.PROVINCE, null)));
        assertEquals("name", province.field());
    }

    @Test
    void databaseConstraintsBackTheChecks() {
        // Bypass the service: the schema itself refuses a second row with the same code.
        RenkouException e = assertThrows(RenkouException.class, () -> db.database.tx(em -> {
            em.createNativeQuery("INSERT INTO JURISDICTION (CODE, NAME, LEVEL_NAME, PARENT_CODE, VERSION, CREATED_AT) "
                    + "VALUES ('440600', '重复', 'CITY', '440000', 1, CURRENT_TIMESTAMP)").executeUpdate();
            return null;
        }));
        assertEquals(RenkouException.Kind.CONFLICT, e.kind());
    }

    @Test
    void migrationsRunOnceAndAreRecorded() throws Exception {
        EntityManager em = db.emf.createEntityManager();
        try {
            em.getTransaction().begin();
            Connection c = em.unwrap(Connection.class);
            assertEquals(List.of(), TestDatabase.migrations().migrate(c), "already current");
            em.getTransaction().commit();
            Number applied = (Number) em.createNativeQuery(
                    "SELECT COUNT(*) FROM RENKOU_SCHEMA_VERSION WHERE COMPONENT = 'core'").getSingleResult();
            assertEquals(TestDatabase.migrations().size(), applied.intValue());
        } finally {
            em.close();
        }
        assertEquals(HealthIndicator.State.UP, db.database.state());
    }

    @Test
    void sampleDataLoadsIntoAnEmptyDatabaseOnly() throws Exception {
        try (TestDatabase empty = new TestDatabase()) {
            JurisdictionServiceImpl s = new JurisdictionServiceImpl(empty.database);
            SampleData.loadIfEmpty(s);
            long n = s.count();
            assertEquals(SampleData.read().size(), n);
            assertTrue(n >= 20);
            SampleData.loadIfEmpty(s);
            assertEquals(n, s.count());
        }
    }

    private void assertInvalid(String field, JurisdictionDTO d) {
        RenkouException e = assertThrows(RenkouException.class, () -> service.create(d));
        assertEquals(RenkouException.Kind.INVALID, e.kind(), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(!e.messageZh().isBlank() && !e.messageEn().isBlank());
    }

    static JurisdictionDTO j(String code, String name, JurisdictionLevel level, String parent) {
        JurisdictionDTO d = new JurisdictionDTO();
        d.code = code;
        d.name = name;
        d.level = level;
        d.parentCode = parent;
        return d;
    }
}
