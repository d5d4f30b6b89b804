package org.renkou.core.internal.modules;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.service.condition.Condition;
import org.renkou.core.api.Caller;
import org.renkou.core.api.HealthIndicator;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.module.ModuleBundleDTO;
import org.renkou.core.api.module.ModuleDTO;
import org.renkou.core.api.module.ModulePlanDTO;
import org.renkou.core.api.module.ModuleService;
import org.renkou.core.api.module.ModuleState;
import org.renkou.core.internal.audit.AuditLog;
import org.renkou.core.internal.db.CoreDatabase;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.modules.ModuleCatalog.Module;
import org.renkou.core.internal.db.QuietShutdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module manager (模块管理). A module is on when the administrator chose so (table MODULE_STATE; no row = on)
 * and every module it requires is on; "on" means the {@code Condition} service
 * {@code osgi.condition.id=renkou.module.<id>} is registered, which the module's components wait for. Switching
 * registers or unregisters that one service: DS activates or deactivates the module's components, no bundle is
 * stopped, started or refreshed.
 *
 * <p>The parts: {@link ModuleRegistry} (what is known), {@link SwitchPlanner} (what a switch would do),
 * {@link FailureReasons} (why a module does not run), {@link DeployGate} (bundles dropped into {@code deploy/}).
 */
@Component(service = {ModuleService.class, HealthIndicator.class, ModuleManager.class}, immediate = true)
public class ModuleManager implements ModuleService, HealthIndicator, BundleListener {
    static final String TYPE = "module";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleManager.class);

    private final BundleContext ctx;
    private final Database db;
    private final ModuleRegistry registry;
    private final SwitchPlanner planner;
    private final FailureReasons failures;
    private final DeployGate gate;
    /** {@link #detail()} is polled by every health request: kept until a bundle or a switch changes it. */
    private volatile String detail;
    private volatile boolean stopping;
    /** Set on the poller thread once {@link #start()} has admitted the deployed bundles and applied the states. */
    private volatile boolean started;
    private volatile Thread pollerThread;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "renkou-modules");
        t.setDaemon(true);
        pollerThread = t;
        return t;
    });

    @Activate
    public ModuleManager(BundleContext ctx, @Reference CoreDatabase database,
            @Reference ServiceComponentRuntime scr) {
        this.ctx = ctx;
        this.db = database.database();
        this.registry = new ModuleRegistry(ctx);
        this.planner = new SwitchPlanner(registry, scr, db);
        this.failures = new FailureReasons(registry, scr);
        this.gate = new DeployGate(registry);
        // the platform's own parts are always on; switchable ones wait for their chosen state from the database
        registry.features().values().stream().filter(m -> !m.switchable())
                .forEach(m -> registry.setCondition(m.id(), true));
        ctx.addBundleListener(this);
        db.whenReady().thenRunAsync(this::start, poller);
        db.whenReady().thenRun(() -> CompletableFuture.delayedExecutor(20, TimeUnit.SECONDS).execute(this::warnIfNotStarted));
    }

    /** A start that has not applied the modules' states 20 s after the database came up says where it waits. */
    private void warnIfNotStarted() {
        Thread t = pollerThread;
        if (!started && !stopping() && t != null) {
            StringBuilder where = new StringBuilder();
            for (StackTraceElement e : t.getStackTrace()) {
                where.append("\n    at ").append(e);
            }
            LOG.warn("Module states not applied 20 s after the database came up; {} is {}:{}", t.getName(),
                    t.getState(), where);
        }
    }

    @Deactivate
    void deactivate() {
        stopping = true;
        ctx.removeBundleListener(this);
        // a switch under way ends before the conditions go; it does not wait for a stopping bundle (see apply)
        QuietShutdown.stop(poller, "renkou-modules", 5);
        registry.clearConditions();
    }

    /**
     * Whether conditions must be left alone: registering one makes SCR activate a module's components on this
     * thread, which must not race the framework's stop thread deactivating the same bundles.
     */
    private boolean stopping() {
        return stopping || ctx.getBundle(0).getState() == Bundle.STOPPING;
    }

    private void start() {
        // the chosen states first: a deployed module is never listed with a made-up state (on, changed by nobody)
        try {
            registry.choose(readStates());
        } catch (RuntimeException e) {
            LOG.warn("Module states could not be read: {}", e.toString());
        }
        for (Bundle b : ctx.getBundles()) {
            if (gate.isDeployed(b) && b.getState() != Bundle.UNINSTALLED) {
                admit(b);
            }
        }
        long t0 = System.nanoTime();
        reload();
        started = true;
        LOG.info("模块状态已应用 / module states applied in {} ms", (System.nanoTime() - t0) / 1_000_000);
        long seconds = Long.parseLong(Optional.ofNullable(ctx.getProperty("renkou.modules.pollSeconds")).orElse("10"));
        // several nodes may share the database: pick up their switches
        poller.scheduleWithFixedDelay(this::reload, seconds, seconds, TimeUnit.SECONDS);
    }

    /** Reads the chosen states and applies them. */
    synchronized void reload() {
        try {
            registry.choose(readStates());
            apply();
        } catch (RuntimeException e) {
            LOG.warn("Module states could not be read: {}", e.toString());
        }
    }

    private List<ModuleStateEntity> readStates() {
        return db.read(em -> em.createNamedQuery(ModuleStateEntity.ALL, ModuleStateEntity.class).getResultList());
    }

    private synchronized void apply() {
        detail = null;
        if (stopping()) {
            return;
        }
        Map<String, Module> all = registry.modules();
        for (Module m : all.values()) {
            registry.setCondition(m.id(), registry.effectivelyOn(m, all, new LinkedHashSet<>()));
        }
    }

    private synchronized void admit(Bundle b) {
        gate.admit(b);
    }

    // ---- deploy/ ----

    @Override
    public void bundleChanged(BundleEvent event) {
        detail = null;
        Bundle b = event.getBundle();
        if (!gate.isDeployed(b)) {
            return;
        }
        if (event.getType() == BundleEvent.INSTALLED || event.getType() == BundleEvent.UPDATED) {
            // before start() has run, start() admits it with the rest (and with the chosen states read)
            poller.execute(() -> {
                if (started) {
                    admit(b);
                    apply();
                }
            });
        } else if (event.getType() == BundleEvent.UNINSTALLED) {
            gate.removed(b);
            poller.execute(this::apply);
        }
    }

    // ---- ModuleService ----

    @Override
    public List<ModuleDTO> list() {
        Map<String, Module> all = registry.modules();
        return all.values().stream().map(m -> toDTO(m, all)).collect(Collectors.toList());
    }

    @Override
    public Optional<ModuleDTO> find(String id) {
        Map<String, Module> all = registry.modules();
        return Optional.ofNullable(all.get(id)).map(m -> toDTO(m, all));
    }

    @Override
    public ModulePlanDTO plan(String id, boolean enable, boolean cascade) {
        return planner.plan(id, enable, cascade);
    }

    @Override
    public ModuleDTO enable(Caller caller, String id, boolean cascade) {
        return switchTo(caller, id, true, cascade);
    }

    @Override
    public ModuleDTO disable(Caller caller, String id, boolean cascade) {
        return switchTo(caller, id, false, cascade);
    }

    private ModuleDTO switchTo(Caller caller, String id, boolean on, boolean cascade) {
        caller.requirePlatformAdmin("启用或停用模块", "switch modules");
        synchronized (this) {
            ModulePlanDTO plan = plan(id, on, cascade);
            if (!plan.allowed) {
                throw RenkouException.conflict("id", plan.reasonZh, plan.reasonEn);
            }
            db.tx(em -> {
                for (String m : plan.modules) {
                    ModuleStateEntity s = em.find(ModuleStateEntity.class, m);
                    boolean before = s == null || s.enabled;
                    if (s == null) {
                        s = new ModuleStateEntity();
                        s.moduleId = m;
                        em.persist(s);
                    }
                    s.enabled = on;
                    s.changedBy = caller.username();
                    s.changedAt = LocalDateTime.now(ZoneOffset.UTC);
                    AuditLog.write(em, caller, AuditAction.MODULE, TYPE, m, null,
                            "{\"enabled\":[" + before + "," + on + "]}", m.equals(id) ? null : "cascade from " + id);
                }
                return null;
            });
            reload();
        }
        return find(id).orElseThrow();
    }

    private ModuleDTO toDTO(Module m, Map<String, Module> all) {
        ModuleDTO d = new ModuleDTO();
        d.id = m.id();
        d.nameZh = m.nameZh();
        d.nameEn = m.nameEn();
        d.version = m.version();
        d.kind = m.kind();
        d.switchable = m.switchable();
        d.enabled = registry.chosenOn(m);
        d.requires.addAll(m.requires());
        d.requiredBy.addAll(all.values().stream().filter(o -> o.requires().contains(m.id())).map(Module::id).toList());
        d.tables.addAll(registry.tablesOf(m));
        d.origin = m.origin();
        ModuleStateEntity s = registry.chosen(m.id());
        if (s != null) {
            d.changedBy = s.changedBy;
            d.changedAt = s.changedAt.toInstant(ZoneOffset.UTC);
        }
        for (Bundle b : registry.bundlesOf(m)) {
            ModuleBundleDTO bd = new ModuleBundleDTO();
            bd.id = b.getBundleId();
            bd.symbolicName = b.getSymbolicName();
            bd.version = b.getVersion().toString();
            bd.state = FailureReasons.stateName(b.getState());
            d.bundles.add(bd);
        }
        String[] why = failures.failure(m, all);
        if (why != null) {
            d.state = ModuleState.FAILED;
            d.reasonZh = why[0];
            d.reasonEn = why[1];
        } else {
            d.state = registry.isOn(m.id()) ? ModuleState.ENABLED : ModuleState.DISABLED;
        }
        return d;
    }

    // ---- HealthIndicator ----

    @Override
    public String name() {
        return "modules";
    }

    @Override
    public State state() {
        return State.UP;
    }

    /** The failed modules in words (empty when all is well); a failed module does not take the platform down. */
    @Override
    public String detail() {
        String d = detail;
        if (d == null) {
            d = failures.detail();
            detail = d;
        }
        return d;
    }

    Map<String, Boolean> conditionStates() {
        Map<String, Boolean> out = new HashMap<>();
        registry.modules().keySet().forEach(id -> out.put(id, registry.isOn(id)));
        return out;
    }
}
