package org.renkou.warehouse.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.renkou.core.api.ChinaTime;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Role;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.jurisdiction.JurisdictionDTO;
import org.renkou.core.api.jurisdiction.JurisdictionService;
import org.renkou.core.api.resident.ResidentDTO;
import org.renkou.core.api.resident.ResidentService;
import org.renkou.module.api.testing.TestModuleDatabase;

/**
 * The real {@code renkou.warehouse} persistence unit on a real Derby database on disk (under target/), outside
 * OSGi, migrated by the bundle's own scripts ({@link TestModuleDatabase}); the core services it calls are small
 * fakes (audit entries kept in a list, residents visible by id).
 */
final class TestWarehouse implements AutoCloseable {
    static final Caller DISTRICT_KEEPER = caller("district-keeper", Role.WAREHOUSE_KEEPER, "440606");
    static final Caller STREET_KEEPER = caller("street-keeper", Role.WAREHOUSE_KEEPER, "440606901");
    static final Caller COMMUNITY_KEEPER = caller("community-keeper", Role.WAREHOUSE_KEEPER, "440606901001");
    static final Caller OTHER_COMMUNITY_KEEPER = caller("other-keeper", Role.WAREHOUSE_KEEPER, "440606901002");
    static final Caller STREET_DIRECTOR = caller("street-director", Role.DIRECTOR, "440606901");
    static final Caller COUNTY_DIRECTOR = caller("county-director", Role.DIRECTOR, "440606");

    /** The module's migrations as the build packs them ({@code db/<id>}). */
    static final Path MIGRATIONS = Path.of("target/classes/db/" + Warehouse.ID);

    final Path folder;
    final EntityManagerFactory emf;
    final TestClock clock = new TestClock(LocalDate.of(2026, 7, 15));
    final WarehouseDatabase db;
    final List<String> audit = Collections.synchronizedList(new ArrayList<>());
    final StockService stock;
    final CardService cards;
    final ApprovalService approvals;
    final ReportService reports;

    TestWarehouse() {
        folder = Path.of("target", "test-db", UUID.randomUUID().toString()).toAbsolutePath();
        emf = Persistence.createEntityManagerFactory("renkou.warehouse",
                Map.of("javax.persistence.jdbc.driver", "org.apache.derby.jdbc.EmbeddedDriver",
                        "javax.persistence.jdbc.url", "jdbc:derby:" + folder + ";create=true"));
        db = new WarehouseDatabase(new TestModuleDatabase(emf, MIGRATIONS, audit), clock);
        ResidentService residents = proxy(ResidentService.class, (name, args) -> {
            long id = (Long) args[1];
            // residents 1–99 live in community 440606901001, 100+ in 440606901002
            String code = id < 100 ? "440606901001" : "440606901002";
            if (!((Caller) args[0]).covers(code)) {
                return Optional.empty();
            }
            ResidentDTO r = new ResidentDTO();
            r.id = id;
            r.residenceCode = code;
            return Optional.of(r);
        });
        JurisdictionService jurisdictions = proxy(JurisdictionService.class, (name, args) -> {
            JurisdictionDTO j = new JurisdictionDTO();
            j.code = (String) args[0];
            return Optional.of(j);
        });
        stock = new StockService(db, residents, jurisdictions);
        cards = new CardService(db, residents);
        approvals = new ApprovalService(db);
        reports = new ReportService(db);
    }

    static Caller caller(String name, Role role, String code) {
        return new Caller(name, Set.of(role), Set.of(code));
    }

    interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (p, m, args) -> answer.answer(m.getName(), args));
    }

    @Override
    public void close() {
        emf.close();
    }

    /** A clock the test moves by whole days. */
    static final class TestClock extends Clock {
        private volatile Instant now;

        TestClock(LocalDate today) {
            now = today.atTime(10, 0).atZone(ChinaTime.ZONE).toInstant();
        }

        void plusDays(int days) {
            now = now.plusSeconds(days * 86_400L);
        }

        @Override
        public ZoneId getZone() {
            return ChinaTime.ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
