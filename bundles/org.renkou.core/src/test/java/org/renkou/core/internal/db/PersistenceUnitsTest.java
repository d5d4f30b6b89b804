package org.renkou.core.internal.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.persistence.EntityManagerFactory;
import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.jpa.EntityManagerFactoryBuilder;

/** The bookkeeping of units built, withdrawn and failed, with stand-ins for the framework and the JPA provider. */
class PersistenceUnitsTest {
    private final List<AtomicBoolean> registered = new ArrayList<>();
    private final List<AtomicBoolean> open = new ArrayList<>();

    @Test
    void aUnitThatFailedToBuildAndWasWithdrawnIsKeptWhenItIsBuiltAgain() {
        AtomicInteger attempts = new AtomicInteger();
        EntityManagerFactoryBuilder builder = builder(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("database not reachable");
            }
        });
        PersistenceUnits units = units();
        units.addUnit(builder, Map.of(EntityManagerFactoryBuilder.JPA_UNIT_NAME, "renkou.test"));
        units.removeUnit(builder); // its bundle stops: nothing was built, nothing to remember
        units.addUnit(builder, Map.of(EntityManagerFactoryBuilder.JPA_UNIT_NAME, "renkou.test"));
        assertEquals(1, open.size());
        assertTrue(open.get(0).get(), "the unit built the second time is open");
        assertTrue(registered.get(0).get(), "and published");
    }

    @Test
    void aUnitWithdrawnAfterItWasBuiltIsClosedAndUnpublished() {
        EntityManagerFactoryBuilder builder = builder(() -> { });
        PersistenceUnits units = units();
        units.addUnit(builder, Map.of(EntityManagerFactoryBuilder.JPA_UNIT_NAME, "renkou.test"));
        units.removeUnit(builder);
        assertEquals(List.of(false), open.stream().map(AtomicBoolean::get).toList());
        assertEquals(List.of(false), registered.stream().map(AtomicBoolean::get).toList());
    }

    private PersistenceUnits units() {
        DataSource dataSource = proxy(DataSource.class, (m, a) -> null);
        BundleContext context = proxy(BundleContext.class, (m, a) -> {
            if (!m.equals("registerService")) {
                return null;
            }
            AtomicBoolean on = new AtomicBoolean(true);
            registered.add(on);
            return proxy(ServiceRegistration.class, (n, b) -> {
                if (n.equals("unregister")) {
                    on.set(false);
                }
                return null;
            });
        });
        Map.Entry<Map<String, ?>, DataSource> entry = Map.entry(Map.of(), dataSource);
        return new PersistenceUnits(entry, context);
    }

    private EntityManagerFactoryBuilder builder(Runnable beforeBuild) {
        return proxy(EntityManagerFactoryBuilder.class, (m, a) -> {
            if (!m.equals("createEntityManagerFactory")) {
                return null;
            }
            beforeBuild.run();
            AtomicBoolean on = new AtomicBoolean(true);
            open.add(on);
            return proxy(EntityManagerFactory.class, (n, b) -> switch (n) {
                case "isOpen" -> on.get();
                case "close" -> {
                    on.set(false);
                    yield null;
                }
                default -> null;
            });
        });
    }

    private interface Answer {
        Object answer(String method, Object[] args);
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Answer answer) {
        return (T) Proxy.newProxyInstance(PersistenceUnitsTest.class.getClassLoader(), new Class<?>[] {type},
                (p, m, a) -> switch (m.getName()) {
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == a[0];
                    case "toString" -> type.getSimpleName();
                    default -> answer.answer(m.getName(), a);
                });
    }
}
