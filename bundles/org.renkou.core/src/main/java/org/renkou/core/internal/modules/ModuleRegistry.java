package org.renkou.core.internal.modules;

import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.condition.Condition;
import org.renkou.core.internal.modules.ModuleCatalog.Module;
import org.renkou.module.api.RenkouModules;

/**
 * What the module manager knows at a moment: the modules there are (features and admitted deploy/ bundles), what
 * the administrator chose for each, which deployed bundles were refused and why, and which modules' conditions are
 * registered. Shared by the planner ({@link SwitchPlanner}), the failure reasons ({@link FailureReasons}) and the
 * deploy gate ({@link DeployGate}); only the manager changes the chosen states.
 */
final class ModuleRegistry {
    private final BundleContext ctx;
    private final Map<String, Module> features;
    private final Map<Long, Module> custom = new ConcurrentHashMap<>();
    private final Map<String, DeployCheck.Refusal> refused = new ConcurrentHashMap<>();
    private final Map<String, ServiceRegistration<Condition>> conditions = new ConcurrentHashMap<>();
    private final Map<String, ModuleStateEntity> chosen = new ConcurrentHashMap<>();
    private final OwnedTables tables = new OwnedTables();

    ModuleRegistry(BundleContext ctx) {
        this.ctx = ctx;
        this.features = ModuleCatalog.features(ctx);
    }

    BundleContext context() {
        return ctx;
    }

    /** Every module: features first (start order), then custom modules by id. */
    Map<String, Module> modules() {
        Map<String, Module> all = new LinkedHashMap<>(features);
        custom.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(m -> all.putIfAbsent(m.id(), m));
        return all;
    }

    Map<String, Module> features() {
        return features;
    }

    // ---- deploy/ ----

    void admitted(Bundle b, Module m) {
        custom.put(b.getBundleId(), m);
    }

    void forget(Bundle b) {
        custom.remove(b.getBundleId());
        refused.remove(b.getLocation());
    }

    void refuse(Bundle b, DeployCheck.Refusal r) {
        refused.put(b.getLocation(), r);
    }

    void unrefuse(Bundle b) {
        refused.remove(b.getLocation());
    }

    /** Why the deployed bundle of {@code m} was refused; {@code null} for a feature or an admitted bundle. */
    DeployCheck.Refusal refusal(Module m) {
        return m.deployed() == null ? null : refused.get(m.deployed().getLocation());
    }

    /** Every refusal, including bundles that are no module at all. */
    List<DeployCheck.Refusal> refusals() {
        return new ArrayList<>(refused.values());
    }

    // ---- chosen states ----

    void choose(List<ModuleStateEntity> rows) {
        chosen.clear();
        rows.forEach(r -> chosen.put(r.moduleId, r));
    }

    ModuleStateEntity chosen(String id) {
        return chosen.get(id);
    }

    /** What the administrator chose: the platform's own parts are always on; no row means on. */
    boolean chosenOn(Module m) {
        if (!m.switchable()) {
            return true;
        }
        ModuleStateEntity s = chosen.get(m.id());
        return s == null || s.enabled;
    }

    /**
     * Whether {@code m} and everything it requires are on. {@code path} holds the modules being checked above this
     * one, so a cycle counts as off while a shared requirement (warehouse → core and warehouse → web → core) does not.
     */
    boolean effectivelyOn(Module m, Map<String, Module> all, Set<String> path) {
        if (!chosenOn(m) || refusal(m) != null || !path.add(m.id())) {
            return false;
        }
        try {
            for (String r : m.requires()) {
                Module req = all.get(r);
                if (req == null || !effectivelyOn(req, all, path)) {
                    return false;
                }
            }
            return true;
        } finally {
            path.remove(m.id());
        }
    }

    // ---- conditions ----

    /** Whether module {@code id}'s condition is registered, i.e. its components may run. */
    boolean isOn(String id) {
        return conditions.containsKey(id);
    }

    void setCondition(String id, boolean on) {
        ServiceRegistration<Condition> reg = conditions.get(id);
        if (on && reg == null) {
            Dictionary<String, Object> props = new Hashtable<>();
            props.put(Condition.CONDITION_ID, RenkouModules.CONDITION_PREFIX + id);
            conditions.put(id, ctx.registerService(Condition.class, Condition.INSTANCE, props));
        } else if (!on && reg != null) {
            conditions.remove(id);
            unregisterQuietly(reg);
        }
    }

    void clearConditions() {
        conditions.values().forEach(ModuleRegistry::unregisterQuietly);
        conditions.clear();
    }

    private static void unregisterQuietly(ServiceRegistration<?> r) {
        try {
            r.unregister();
        } catch (IllegalStateException e) {
            // the framework is stopping
        }
    }

    // ---- bundles and tables ----

    List<Bundle> bundlesOf(Module m) {
        List<Bundle> out = new ArrayList<>();
        for (Bundle b : ctx.getBundles()) {
            if (m.owns(b)) {
                out.add(b);
            }
        }
        return out;
    }

    /** The tables {@code m} owns, read from its bundles' migrations. */
    List<String> tablesOf(Module m) {
        return tables.of(m.id(), bundlesOf(m));
    }

    /** A module's Chinese name in quotes, as sentences use it. */
    static String name(Module m) {
        return "“" + m.nameZh() + "”";
    }
}
