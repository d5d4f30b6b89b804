package org.renkou.warehouse.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
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
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Stream;

import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import javax.persistence.Persistence;

import org.renkou.core.api.AuditAction;
import org.renkou.core.api.Caller;
import org.renkou.core.api.JurisdictionDTO;
import org.renkou.core.api.JurisdictionService;
import org.renkou.core.api.ResidentDTO;
import org.renkou.core.api.ResidentService;
import org.renkou.core.api.Role;
import org.renkou.core.internal.Database;
import org.renkou.core.internal.SchemaMigrations;
import org.renkou.core.persistence.ModuleDatabase;

/**
 * The real {@code renkou.warehouse} persistence unit on a real Derby database on disk (under target/), outside
 * OSGi, migrated by the bundle's own scripts through the core's Database; the core services it calls are small
 * fakes (audit entries kept in a list, residents visible by id).
 */
final class TestWarehouse implements AutoCloseable {
    static final Caller DISTRICT_KEEPER = caller("district-keeper", Role.WAREHOUSE_KEEPER, "440606");
    static final Caller STREET_KEEPER = caller("street-keeper", Role.WAREHOUSE_KEEPER, "440606901");
    static final Caller COMMUNITY_KEEPER = caller("community-keeper", Role.WAREHOUSE_KEEPER, "440606901001");
    static final Caller OTHER_COMMUNITY_KEEPER = caller("other-keeper", Role.WAREHOUSE_KEEPER, "440606901002");
    static final Caller STREET_DIRECTOR = caller("street-director", Role.DIRECTOR, "440606901");
    static final Caller COUNTY_DIRECTOR = caller("county-director", Role.DIRECTOR, "440606");

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
                Map.of("javax.persistence.jdbc.url", "jdbc:derby:" + folder + ";create=true"));
        Database database = new Database(emf);
        database.initialise(migrations());
        db = new WarehouseDatabase(adapt(database, audit), clock);
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

    static SchemaMigrations migrations() {
        List<SchemaMigrations.Script> scripts = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("target/classes/db/warehouse"))) {
            for (Path f : files.sorted().toList()) {
                scripts.add(SchemaMigrations.load(TestWarehouse.class.getClassLoader(), "db/warehouse",
                        f.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SchemaMigrations("warehouse", scripts);
    }

    /** The core's Database as a module sees it; audit entries kept in {@code audit}, and only from a transaction. */
    private static ModuleDatabase adapt(Database database, List<String> audit) {
        return new ModuleDatabase() {
            @Override
            public void audit(EntityManager em, Caller caller, AuditAction action, String entityType, String entityId,
                    String jurisdictionCode, String changes, String reason) {
                if (!em.getTransaction().isActive()) {
                    throw new IllegalStateException("audit outside a transaction");
                }
                audit.add(action + " " + entityType + " " + entityId + " by " + caller.username());
            }

            @Override
            public <T> T tx(Function<EntityManager, T> work) {
                return database.tx(work);
            }

            @Override
            public <T> T read(Function<EntityManager, T> work) {
                return database.read(work);
            }

            @Override
            public CompletableFuture<Void> whenReady() {
                return database.whenReady();
            }
        };
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
            now = today.atTime(10, 0).atZone(WarehouseDatabase.CHINA).toInstant();
        }

        void plusDays(int days) {
            now = now.plusSeconds(days * 86_400L);
        }

        @Override
        public ZoneId getZone() {
            return WarehouseDatabase.CHINA;
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
