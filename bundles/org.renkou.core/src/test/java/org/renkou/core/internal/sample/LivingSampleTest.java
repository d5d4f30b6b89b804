package org.renkou.core.internal.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.CitizenId;
import org.renkou.core.api.exchange.ExchangeQuery;
import org.renkou.core.api.exchange.MessageState;
import org.renkou.core.api.migrant.MigrantQuery;
import org.renkou.core.api.migrant.MigrantStatus;
import org.renkou.core.api.registration.BirthService;
import org.renkou.core.api.registration.MarriageService;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.ResidentQuery;
import org.renkou.core.api.sample.SampleData.Mode;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.db.TestDatabase;
import org.renkou.core.internal.exchange.ExchangeDeadlines;
import org.renkou.core.internal.exchange.ExchangeServiceImpl;
import org.renkou.core.internal.household.HouseholdServiceImpl;
import org.renkou.core.internal.imports.ImportServiceImpl;
import org.renkou.core.internal.jurisdiction.JurisdictionServiceImpl;
import org.renkou.core.internal.migrant.MigrantServiceImpl;
import org.renkou.core.internal.registration.BirthServiceImpl;
import org.renkou.core.internal.registration.MarriageServiceImpl;
import org.renkou.core.internal.resident.ResidentServiceImpl;

/**
 * The living sample (a few hundred people, always the same) through the real services on a real Derby database, without a province module (its certificates
 * and applications are covered by DistributionIT, which runs the launcher with the province bundles).
 */
class LivingSampleTest {
    private TestDatabase db;
    private ResidentServiceImpl residents;
    private LivingSample.Services services;
    private ExchangeServiceImpl exchange;

    @BeforeEach
    void setUp() throws Exception {
        db = new TestDatabase();
        assertTrue(SampleData.loadIfEmpty(JurisdictionServiceImpl.on(db.database)));
        residents = ResidentServiceImpl.on(db.database);
        Clock clock = ChinaTime.clock();
        ExchangeDeadlines deadlines = make(ExchangeDeadlines.class, new Class<?>[] {int.class, int.class, String[].class},
                15, 30, new String[0]);
        exchange = (ExchangeServiceImpl) ExchangeServiceImpl.at(db.database, deadlines, clock);
        services = new LivingSample.Services(residents,
                make(ImportServiceImpl.class, new Class<?>[] {Database.class}, db.database),
                make(MarriageServiceImpl.class, new Class<?>[] {Database.class, Clock.class}, db.database, clock),
                make(BirthServiceImpl.class, new Class<?>[] {Database.class, Clock.class}, db.database, clock),
                null, null, new MigrantServiceImpl(db.database, clock),
                c -> ExchangeServiceImpl.at(db.database, deadlines, c), null);
    }

    /** The services' test constructors are package-private in their own packages. */
    private static <T> T make(Class<T> type, Class<?>[] parameters, Object... args) throws Exception {
        Constructor<T> c = type.getDeclaredConstructor(parameters);
        c.setAccessible(true);
        return c.newInstance(args);
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void aSmallBelievableSampleThroughTheServices() throws Exception {
        LocalDate today = LocalDate.now(ChinaTime.ZONE);
        new LivingSample(services, today).load(false);

        ResidentQuery all = new ResidentQuery();
        all.limit = 500;
        List<ResidentDTO> people = residents.search(Caller.SYSTEM, all).items;
        assertEquals(385, people.size(), "55 written by hand and 324 generated in households, and 6 migrants");
        for (ResidentDTO r : people) {
            assertTrue(r.name.matches("\\p{IsHan}{2,4}"), "a plausible Chinese name: " + r.name);
        }
        assertEquals("陈静", people.stream().map(r -> r.name).filter(n -> n.equals("陈静") || n.equals("张伟")
                || n.equals("王海涛")).findFirst().orElseThrow(), "pinyin order: 陈 before 王 before 张");
        for (ResidentDTO r : people) {
            ResidentDTO full = residents.find(Caller.SYSTEM, r.id).orElseThrow();
            CitizenId id = CitizenId.parse(full.idNumber, "idNumber", today);
            assertEquals("9999", full.idNumber.substring(2, 6), "an address code no place has: " + full.idNumber);
            assertTrue(id.birthDate().isAfter(LocalDate.of(1940, 1, 1)), full.idNumber);
        }
        // nothing sensitive in the sample
        Number sensitive = db.database.tx(em -> (Number) em.createNativeQuery("SELECT COUNT(*) FROM RESIDENT WHERE "
                + "HEALTH_NOTE IS NOT NULL OR DISABILITY_GRADE IS NOT NULL OR DIED_ON IS NOT NULL").getSingleResult());
        assertEquals(0, sensitive.intValue());

        assertEquals(120, HouseholdServiceImpl.on(db.database).search(Caller.SYSTEM, null, null, 0, 100).total);
        assertEquals(116, HouseholdServiceImpl.on(db.database).search(Caller.SYSTEM, "440606901", null, 0, 500).total,
                "100 generated and 16 written by hand in the two communities of 顺德区");
        MarriageService marriages = services.marriages();
        assertEquals(118, marriages.search(Caller.SYSTEM, null, null, 0, 100).total);
        BirthService births = services.births();
        assertEquals(73, births.search(Caller.SYSTEM, null, 0, 100).total);

        MigrantQuery departed = new MigrantQuery();
        departed.status = MigrantStatus.DEPARTED;
        assertEquals(6, services.migrants().search(Caller.SYSTEM, new MigrantQuery()).total);
        assertEquals(2, services.migrants().search(Caller.SYSTEM, departed).total);

        ExchangeQuery overdue = new ExchangeQuery();
        overdue.state = MessageState.OVERDUE;
        assertEquals(1, exchange.search(Caller.SYSTEM, overdue).total, "one message past its due date");
        assertEquals(3, exchange.search(Caller.SYSTEM, new ExchangeQuery()).total);
        ExchangeQuery replied = new ExchangeQuery();
        replied.state = MessageState.REPLIED;
        assertEquals(1, exchange.search(Caller.SYSTEM, replied).total);
    }

    @Test
    void theSwitchValues() {
        assertEquals(Mode.LIVING, SampleData.mode("living"));
        assertEquals(Mode.LIVING, SampleData.mode("TRUE"));
        assertEquals(Mode.JURISDICTIONS, SampleData.mode(null), "a framework without the launcher");
        assertEquals(Mode.JURISDICTIONS, SampleData.mode("jurisdictions"));
        assertEquals(Mode.NONE, SampleData.mode("false"));
        assertEquals(Mode.JURISDICTIONS, SampleData.mode("lots"));
    }
}
