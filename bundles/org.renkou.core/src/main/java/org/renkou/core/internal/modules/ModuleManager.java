package org.renkou.core.internal.modules;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleException;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.osgi.service.condition.Condition;
import org.renkou.core.api.AuditAction;
import org.renkou.core.api.Caller;
import org.renkou.core.api.HealthIndicator;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.module.ModuleBundleDTO;
import org.renkou.core.api.module.ModuleDTO;
import org.renkou.core.api.module.ModulePlanDTO;
import org.renkou.core.api.module.ModuleService;
import org.renkou.core.api.module.ModuleState;
import org.renkou.core.api.module.RenkouModules;
import org.renkou.core.internal.AuditLog;
import org.renkou.core.internal.CoreDatabase;
import org.renkou.core.internal.Database;
import org.renkou.core.internal.entities.ModuleStateEntity;
import org.renkou.core.internal.modules.ModuleCatalog.Module;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module manager. A module is on when the administrator chose so (table MODULE_STATE; no row = on) and every
 * module it requires is on; "on" means the {@code Condition} service {@code osgi.condition.id=renkou.module.<id>}
 * is registered, which the module's components wait for. Switching registers or unregisters that one service: DS
 * activates or deactivates the module's components, no bundle is stopped, started or refreshed.
 *
 * <p>Bundles dropped into {@code deploy/} are installed (not started) by FileInstall; this component checks each
 * ({@link DeployCheck}) and starts it, or leaves it stopped with the reason shown in the module list.
 */
@Component(service = {ModuleService.class, HealthIndicator.class, ModuleManager.class}, immediate = true)
public class ModuleManager implements ModuleService, HealthIndicator, BundleListener {
    static final String TYPE = "module";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleManager.class);
    private static final Pattern TABLE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private final BundleContext ctx;
    private final Database db;
    private final ServiceComponentRuntime scr;
    private final Map<String, Module> features;
    private final Map<Long, Module> custom = new ConcurrentHashMap<>();
    private final Map<String, DeployCheck.Refusal> refused = new ConcurrentHashMap<>();
    private final Map<String, ServiceRegistration<Condition>> conditions = new ConcurrentHashMap<>();
    private final Map<String, ModuleStateEntity> chosen = new ConcurrentHashMap<>();
    private final String deployDir;
    /** {@link #detail()} is polled by every health request: kept until a bundle or a switch changes it. */
    private volatile String detail;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "renkou-modules");
        t.setDaemon(true);
        return t;
    });

    @Activate
    public ModuleManager(BundleContext ctx, @Reference CoreDatabase database,
            @Reference ServiceComponentRuntime scr) {
        this.ctx = ctx;
        this.db = database.database();
        this.scr = scr;
        this.features = ModuleCatalog.features(ctx);
        String dir = ctx.getProperty("felix.fileinstall.dir");
        this.deployDir = dir == null ? null : new java.io.File(dir).toURI().toString();
        // the platform's own parts are always on; switchable ones wait for their chosen state from the database
        features.values().stream().filter(m -> !m.switchable()).forEach(m -> setCondition(m.id(), true));
        ctx.addBundleListener(this);
        db.whenReady().thenRunAsync(this::start, poller);
    }

    @Deactivate
    void deactivate() {
        ctx.removeBundleListener(this);
        poller.shutdownNow();
        conditions.values().forEach(ModuleManager::unregisterQuietly);
        conditions.clear();
    }

    private void start() {
        for (Bundle b : ctx.getBundles()) {
            if (isDeployed(b) && b.getState() != Bundle.UNINSTALLED) {
                admit(b);
            }
        }
        reload();
        long seconds = Long.parseLong(Optional.ofNullable(ctx.getProperty("renkou.modules.pollSeconds")).orElse("10"));
        // several nodes may share the database: pick up their switches
        poller.scheduleWithFixedDelay(this::reload, seconds, seconds, TimeUnit.SECONDS);
    }

    /** Reads the chosen states and applies them. */
    synchronized void reload() {
        try {
            List<ModuleStateEntity> rows = db.read(em -> em.createNamedQuery(ModuleStateEntity.ALL,
                    ModuleStateEntity.class).getResultList());
            chosen.clear();
            rows.forEach(r -> chosen.put(r.moduleId, r));
            apply();
        } catch (RuntimeException e) {
            LOG.warn("Module states could not be read: {}", e.toString());
        }
    }

    private synchronized void apply() {
        detail = null;
        Map<String, Module> all = modules();
        for (Module m : all.values()) {
            setCondition(m.id(), effectivelyOn(m, all, new LinkedHashSet<>()));
        }
    }

    private boolean chosenOn(Module m) {
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
    private boolean effectivelyOn(Module m, Map<String, Module> all, Set<String> path) {
        if (!chosenOn(m) || (m.deployed() != null && refused.containsKey(m.deployed().getLocation()))
                || !path.add(m.id())) {
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

    private void setCondition(String id, boolean on) {
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

    private static void unregisterQuietly(ServiceRegistration<?> r) {
        try {
            r.unregister();
        } catch (IllegalStateException e) {
            // the framework is stopping
        }
    }

    /** Every module: features first (start order), then custom modules by id. */
    Map<String, Module> modules() {
        Map<String, Module> all = new LinkedHashMap<>(features);
        custom.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).forEach(m -> all.putIfAbsent(m.id(), m));
        return all;
    }

    // ---- deploy/ ----

    @Override
    public void bundleChanged(BundleEvent event) {
        detail = null;
        Bundle b = event.getBundle();
        if (!isDeployed(b)) {
            return;
        }
        if (event.getType() == BundleEvent.INSTALLED || event.getType() == BundleEvent.UPDATED) {
            if (db.whenReady().isDone()) {
                poller.execute(() -> {
                    admit(b);
                    apply();
                });
            }
        } else if (event.getType() == BundleEvent.UNINSTALLED) {
            custom.remove(b.getBundleId());
            refused.remove(b.getLocation());
            poller.execute(this::apply);
        }
    }

    private boolean isDeployed(Bundle b) {
        return deployDir != null && b.getLocation().startsWith(deployDir);
    }

    /** Checks a deployed bundle and starts it, or records why not. */
    private synchronized void admit(Bundle b) {
        custom.remove(b.getBundleId());
        Set<String> taken = new LinkedHashSet<>(modules().keySet());
        DeployCheck.Refusal refusal = DeployCheck.check(ctx, b, taken);
        if (refusal != null) {
            refused.put(b.getLocation(), refusal);
            LOG.error(refusal.zh() + " / " + refusal.en());
            Module m = ModuleCatalog.custom(b);
            if (m != null && !taken.contains(m.id())) {
                custom.put(b.getBundleId(), m);
            }
            return;
        }
        refused.remove(b.getLocation());
        Module m = ModuleCatalog.custom(b);
        custom.put(b.getBundleId(), m);
        try {
            b.start();
            LOG.info("模块 {} 已部署 / module {} deployed from {}", m.id(), m.id(), b.getLocation());
        } catch (BundleException | IllegalStateException e) {
            refused.put(b.getLocation(), new DeployCheck.Refusal("模块 " + m.id() + " 无法启动：" + e.getMessage(),
                    "Module " + m.id() + " could not start: " + e.getMessage()));
            LOG.error("Module {} could not start: {}", m.id(), e.toString());
        }
    }

    // ---- ModuleService ----

    @Override
    public List<ModuleDTO> list() {
        Map<String, Module> all = modules();
        return all.values().stream().map(m -> toDTO(m, all)).collect(Collectors.toList());
    }

    @Override
    public Optional<ModuleDTO> find(String id) {
        Map<String, Module> all = modules();
        return Optional.ofNullable(all.get(id)).map(m -> toDTO(m, all));
    }

    @Override
    public ModulePlanDTO plan(String id, boolean enable, boolean cascade) {
        Map<String, Module> all = modules();
        Module m = all.get(id);
        if (m == null) {
            throw RenkouException.notFound("id", "没有模块 " + id + "。", "There is no module " + id + ".");
        }
        ModulePlanDTO p = new ModulePlanDTO();
        p.moduleId = id;
        p.action = enable ? "enable" : "disable";
        p.allowed = true;
        if (!m.switchable()) {
            refuse(p, name(m) + "是平台本身的一部分，不能停用或启用。", m.nameEn() + " is part of the platform itself and cannot be switched.");
            return p;
        }
        if (enable) {
            planEnable(p, m, all, cascade);
        } else {
            planDisable(p, m, all, cascade);
        }
        if (p.allowed) {
            describeEffects(p, all, enable);
        }
        return p;
    }

    private void planEnable(ModulePlanDTO p, Module m, Map<String, Module> all, boolean cascade) {
        List<String> order = new ArrayList<>();
        if (!collectRequirements(p, m, all, cascade, order, new LinkedHashSet<>())) {
            return;
        }
        p.modules.addAll(order);
        if (m.deployed() != null && refused.containsKey(m.deployed().getLocation())) {
            DeployCheck.Refusal r = refused.get(m.deployed().getLocation());
            refuse(p, r.zh(), r.en());
        }
    }

    /** Requirements first; false (and the plan refused) when one is off and {@code cascade} is not set. */
    private boolean collectRequirements(ModulePlanDTO p, Module m, Map<String, Module> all, boolean cascade,
            List<String> order, Set<String> path) {
        if (!path.add(m.id())) {
            return true;
        }
        for (String r : m.requires()) {
            Module req = all.get(r);
            if (req == null) {
                refuse(p, name(m) + "需要模块 " + r + "，但平台中没有安装该模块。",
                        m.nameEn() + " requires module " + r + ", which is not installed.");
                return false;
            }
            if (!chosenOn(req)) {
                if (!cascade) {
                    refuse(p, name(m) + "需要" + name(req) + "，请先启用" + name(req) + "（或选择一并启用）。",
                            m.nameEn() + " requires " + req.nameEn() + "; enable it first (or enable both).");
                    return false;
                }
                if (!collectRequirements(p, req, all, true, order, path)) {
                    return false;
                }
            }
        }
        if (!order.contains(m.id())) {
            order.add(m.id());
        }
        return true;
    }

    private void planDisable(ModulePlanDTO p, Module m, Map<String, Module> all, boolean cascade) {
        List<String> dependents = dependentsOf(m.id(), all).stream().filter(d -> chosenOn(all.get(d))).toList();
        if (!dependents.isEmpty() && !cascade) {
            String zh = dependents.stream().map(d -> name(all.get(d))).collect(Collectors.joining("、"));
            String en = dependents.stream().map(d -> all.get(d).nameEn()).collect(Collectors.joining(", "));
            refuse(p, zh + "需要" + name(m) + "；停用" + name(m) + "会使它们一并停止。请先停用它们，或选择一并停用。",
                    en + " require " + m.nameEn() + "; disabling " + m.nameEn()
                            + " would stop them too. Disable them first, or disable all together.");
            return;
        }
        List<String> deepestFirst = new ArrayList<>(dependents);
        java.util.Collections.reverse(deepestFirst);
        p.modules.addAll(deepestFirst);
        p.modules.add(m.id());
    }

    /** Every module that needs {@code id}, directly or through others, deepest last. */
    private static List<String> dependentsOf(String id, Map<String, Module> all) {
        List<String> out = new ArrayList<>();
        for (Module other : all.values()) {
            if (other.requires().contains(id) && !out.contains(other.id())) {
                out.add(other.id());
                for (String d : dependentsOf(other.id(), all)) {
                    if (!out.contains(d)) {
                        out.add(d);
                    }
                }
            }
        }
        return out;
    }

    private void describeEffects(ModulePlanDTO p, Map<String, Module> all, boolean enable) {
        for (String id : p.modules) {
            Module m = all.get(id);
            p.sentencesZh.add((enable ? "启用" : "停用") + name(m) + "。");
            p.sentencesEn.add((enable ? "Enable " : "Disable ") + m.nameEn() + ".");
            for (String[] c : contributions(m)) {
                p.sentencesZh.add("　" + (enable ? "出现" : "消失") + "：" + c[0]);
                p.sentencesEn.add("  " + (enable ? "appears" : "disappears") + ": " + c[1]);
            }
            for (String table : m.tables()) {
                long rows = count(table);
                p.records.put(table, rows);
                p.sentencesZh.add("　数据表 " + table + " 中的 " + rows + " 条记录保留，不会删除。");
                p.sentencesEn.add("  The " + rows + " records in table " + table + " are kept, not deleted.");
            }
        }
    }

    /** What a module offers people, from its components' descriptions: {zh, en} per item. */
    private List<String[]> contributions(Module m) {
        List<String[]> out = new ArrayList<>();
        List<Bundle> bundles = bundlesOf(m);
        if (bundles.isEmpty()) {
            return out;
        }
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundles.toArray(new Bundle[0]))) {
            Map<String, Object> props = d.properties;
            Object kind = props.get(RenkouModules.CONTRIBUTION);
            if (kind != null) {
                out.add(new String[] {kindZh(kind.toString()) + " " + props.getOrDefault(RenkouModules.CONTRIBUTION_NAME_ZH, d.name),
                        kind + " " + props.getOrDefault(RenkouModules.CONTRIBUTION_NAME_EN, d.name)});
            } else if ("true".equals(String.valueOf(props.get("osgi.jakartars.resource")))) {
                out.add(new String[] {"接口 " + d.name, "API resource " + d.name});
            }
        }
        return out;
    }

    private static String kindZh(String kind) {
        switch (kind) {
            case "menu": return "菜单";
            case "page": return "页面";
            case "form": return "表单";
            case "report": return "报表";
            case "job": return "定时任务";
            default: return kind;
        }
    }

    private long count(String table) {
        if (!TABLE.matcher(table).matches()) {
            return 0;
        }
        try {
            return db.read(em -> ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult()).longValue());
        } catch (RuntimeException e) {
            return 0; // the module has not created its table yet
        }
    }

    private static void refuse(ModulePlanDTO p, String zh, String en) {
        p.allowed = false;
        p.reasonZh = zh;
        p.reasonEn = en;
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
        caller.require("启用或停用模块", "switch modules", Role.ADMIN);
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

    // ---- state in words ----

    private ModuleDTO toDTO(Module m, Map<String, Module> all) {
        ModuleDTO d = new ModuleDTO();
        d.id = m.id();
        d.nameZh = m.nameZh();
        d.nameEn = m.nameEn();
        d.version = m.version();
        d.kind = m.kind();
        d.switchable = m.switchable();
        d.enabled = chosenOn(m);
        d.requires.addAll(m.requires());
        d.requiredBy.addAll(all.values().stream().filter(o -> o.requires().contains(m.id())).map(Module::id).toList());
        d.tables.addAll(m.tables());
        d.origin = m.origin();
        ModuleStateEntity s = chosen.get(m.id());
        if (s != null) {
            d.changedBy = s.changedBy;
            d.changedAt = s.changedAt.toInstant(ZoneOffset.UTC);
        }
        for (Bundle b : bundlesOf(m)) {
            ModuleBundleDTO bd = new ModuleBundleDTO();
            bd.id = b.getBundleId();
            bd.symbolicName = b.getSymbolicName();
            bd.version = b.getVersion().toString();
            bd.state = stateName(b.getState());
            d.bundles.add(bd);
        }
        String[] why = failure(m, all);
        if (why != null) {
            d.state = ModuleState.FAILED;
            d.reasonZh = why[0];
            d.reasonEn = why[1];
        } else {
            d.state = conditions.containsKey(m.id()) ? ModuleState.ENABLED : ModuleState.DISABLED;
        }
        return d;
    }

    /** {zh, en} why a module that should run does not, or {@code null}. */
    private String[] failure(Module m, Map<String, Module> all) {
        if (m.deployed() != null && refused.containsKey(m.deployed().getLocation())) {
            DeployCheck.Refusal r = refused.get(m.deployed().getLocation());
            return new String[] {r.zh(), r.en()};
        }
        if (!chosenOn(m)) {
            return null;
        }
        for (String r : m.requires()) {
            Module req = all.get(r);
            if (req == null) {
                return new String[] {name(m) + "未启动：需要模块 " + r + "，但未安装。",
                        m.nameEn() + " is not running: it needs module " + r + ", which is not installed."};
            }
            if (!conditions.containsKey(r)) {
                return new String[] {name(m) + "未启动：需要" + name(req) + "，但它已停用或未能启动。",
                        m.nameEn() + " is not running: it needs " + req.nameEn() + ", which is off or failed."};
            }
        }
        for (Bundle b : bundlesOf(m)) {
            boolean fragment = b.getHeaders("").get("Fragment-Host") != null;
            boolean lazy = b.getState() == Bundle.STARTING && b.getHeaders("").get("Bundle-ActivationPolicy") != null;
            if (!fragment && !lazy && b.getState() == Bundle.INSTALLED) {
                String missing = DeployCheck.missingRequirements(ctx, b);
                return new String[] {name(m) + "未启动：组件包 " + b.getSymbolicName() + " 无法解析，缺少 " + missing + "。",
                        m.nameEn() + " is not running: bundle " + b.getSymbolicName() + " does not resolve; missing " + missing + "."};
            }
            if (!fragment && !lazy && b.getState() != Bundle.ACTIVE) {
                return new String[] {name(m) + "未启动：组件包 " + b.getSymbolicName() + " 处于 " + stateName(b.getState()) + " 状态。",
                        m.nameEn() + " is not running: bundle " + b.getSymbolicName() + " is " + stateName(b.getState()) + "."};
            }
        }
        String[] unsatisfied = unsatisfiedComponent(m);
        if (unsatisfied != null) {
            return unsatisfied;
        }
        if (m.bundleFiles().size() > 0 && bundlesOf(m).size() < m.bundleFiles().size()) {
            return new String[] {name(m) + "未启动：部分组件包未安装。", m.nameEn() + " is not running: some of its bundles are not installed."};
        }
        return null;
    }

    /** The first component of an enabled module that waits for a service nobody offers, in words. */
    private String[] unsatisfiedComponent(Module m) {
        if (!conditions.containsKey(m.id())) {
            return null;
        }
        List<Bundle> bundles = bundlesOf(m);
        if (bundles.isEmpty()) {
            return null;
        }
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundles.toArray(new Bundle[0]))) {
            if (!scr.isComponentEnabled(d)) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE && c.unsatisfiedReferences.length > 0) {
                    UnsatisfiedReferenceDTO r = c.unsatisfiedReferences[0];
                    String service = java.util.Arrays.stream(d.references).filter(x -> x.name.equals(r.name))
                            .map(x -> x.interfaceName).findFirst().orElse(r.name);
                    return new String[] {name(m) + "未完全启动：组件 " + d.name + " 缺少服务 " + service
                            + (r.target == null ? "" : " " + r.target) + "。",
                            m.nameEn() + " is not fully running: component " + d.name + " is missing service " + service
                                    + (r.target == null ? "" : " " + r.target) + "."};
                }
            }
        }
        return null;
    }

    private List<Bundle> bundlesOf(Module m) {
        List<Bundle> out = new ArrayList<>();
        for (Bundle b : ctx.getBundles()) {
            if (m.owns(b)) {
                out.add(b);
            }
        }
        return out;
    }

    private static String name(Module m) {
        return "“" + m.nameZh() + "”";
    }

    static String stateName(int state) {
        switch (state) {
            case Bundle.ACTIVE: return "ACTIVE";
            case Bundle.STARTING: return "STARTING";
            case Bundle.STOPPING: return "STOPPING";
            case Bundle.RESOLVED: return "RESOLVED";
            case Bundle.INSTALLED: return "INSTALLED";
            default: return "UNINSTALLED";
        }
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
            d = computeDetail();
            detail = d;
        }
        return d;
    }

    private String computeDetail() {
        Map<String, Module> all = modules();
        List<String> lines = new ArrayList<>();
        all.values().stream().filter(m -> m.deployed() == null).map(m -> failure(m, all))
                .filter(java.util.Objects::nonNull).forEach(w -> lines.add(w[0] + " / " + w[1]));
        // deploy/ refusals, including bundles that are no module at all
        refused.values().forEach(r -> lines.add(r.zh() + " / " + r.en()));
        String off = all.values().stream().filter(m -> !conditions.containsKey(m.id()) && !chosenOn(m))
                .map(Module::id).collect(Collectors.joining(", "));
        if (!off.isEmpty()) {
            lines.add("已停用 / switched off: " + off + ".");
        }
        return String.join(" ", lines);
    }

    Map<String, Boolean> conditionStates() {
        Map<String, Boolean> out = new HashMap<>();
        modules().keySet().forEach(id -> out.put(id, conditions.containsKey(id)));
        return out;
    }
}
