package org.renkou.core.internal.modules;

import static org.renkou.core.internal.modules.ModuleRegistry.name;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.module.ModulePlanDTO;
import org.renkou.core.internal.db.Database;
import org.renkou.core.internal.modules.ModuleCatalog.Module;
import org.renkou.module.api.RenkouModules;
import org.renkou.module.api.ui.MenuEntry;

/**
 * Plans a switch before it is done, in words: which modules switch with the one asked for (dependents first when
 * disabling, requirements first when enabling), what their typed contributions are ({@code MenuEntry} with the
 * dashboard cards and resident panels it fills, {@code ReportContribution}, {@code JobContribution}, REST
 * resources) that appear or disappear, and how many
 * records their tables hold (kept, never deleted). Refuses with a reason when the switch would break a dependency.
 */
final class SwitchPlanner {
    /** The slots a menu entry fills ({@code MenuEntry.slots()}, module API ui 1.1). */
    static final String SLOTS = MenuEntry.PREFIX_ + "slots";
    private static final Pattern TABLE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

    private final ModuleRegistry registry;
    private final ServiceComponentRuntime scr;
    private final Database db;

    SwitchPlanner(ModuleRegistry registry, ServiceComponentRuntime scr, Database db) {
        this.registry = registry;
        this.scr = scr;
        this.db = db;
    }

    ModulePlanDTO plan(String id, boolean enable, boolean cascade) {
        Map<String, Module> all = registry.modules();
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
        DeployCheck.Refusal r = registry.refusal(m);
        if (r != null) {
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
            if (!registry.chosenOn(req)) {
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
        List<String> dependents = dependentsOf(m.id(), all).stream().filter(d -> registry.chosenOn(all.get(d))).toList();
        if (!dependents.isEmpty() && !cascade) {
            String zh = dependents.stream().map(d -> name(all.get(d))).collect(Collectors.joining("、"));
            String en = dependents.stream().map(d -> all.get(d).nameEn()).collect(Collectors.joining(", "));
            refuse(p, zh + "需要" + name(m) + "；停用" + name(m) + "会使它们一并停止。请先停用它们，或选择一并停用。",
                    en + " require " + m.nameEn() + "; disabling " + m.nameEn()
                            + " would stop them too. Disable them first, or disable all together.");
            return;
        }
        List<String> deepestFirst = new ArrayList<>(dependents);
        Collections.reverse(deepestFirst);
        p.modules.addAll(deepestFirst);
        p.modules.add(m.id());
    }

    /** Every module that needs {@code id}, directly or through others, deepest last. */
    static List<String> dependentsOf(String id, Map<String, Module> all) {
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
            for (String table : registry.tablesOf(m)) {
                long rows = count(table);
                p.records.put(table, rows);
                p.sentencesZh.add("　数据表 " + table + " 中的 " + rows + " 条记录保留，不会删除。");
                p.sentencesEn.add("  The " + rows + " records in table " + table + " are kept, not deleted.");
            }
        }
    }

    /**
     * What a module offers people, from its components' typed contribution properties
     * ({@code renkou.contribution.kind} and names): {zh, en} per item.
     */
    private List<String[]> contributions(Module m) {
        List<String[]> out = new ArrayList<>();
        List<Bundle> bundles = registry.bundlesOf(m);
        if (bundles.isEmpty()) {
            return out;
        }
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundles.toArray(new Bundle[0]))) {
            out.addAll(contributions(d));
        }
        return out;
    }

    /**
     * One component's items, {zh, en} each: its typed contribution, then the core pages' slots a menu entry fills
     * (a dashboard card, a resident page's panel: {@code renkou.contribution.slots}, module API ui 1.1), which go
     * with the entry; or a REST resource.
     */
    static List<String[]> contributions(ComponentDescriptionDTO d) {
        Map<String, Object> props = d.properties;
        Object kind = props.get(RenkouModules.CONTRIBUTION_KIND);
        if (kind == null) {
            return "true".equals(String.valueOf(props.get("osgi.jakartars.resource")))
                    ? List.<String[]>of(new String[] {"接口 " + d.name, "API resource " + d.name}) : List.of();
        }
        Object zh = props.getOrDefault(RenkouModules.CONTRIBUTION_NAME_ZH, d.name);
        Object en = props.getOrDefault(RenkouModules.CONTRIBUTION_NAME_EN, d.name);
        List<String[]> out = new ArrayList<>();
        out.add(new String[] {kindZh(kind.toString()) + " " + zh, kind + " " + en});
        for (String slot : strings(props.get(SLOTS))) {
            out.add(switch (slot) {
                case MenuEntry.SLOT_DASHBOARD -> new String[] {"工作台卡片 " + zh, "dashboard card " + en};
                case MenuEntry.SLOT_RESIDENT -> new String[] {"居民页面板 " + zh, "resident page panel " + en};
                default -> new String[] {"页面插槽 " + slot + " " + zh, "page slot " + slot + " " + en};
            });
        }
        return out;
    }

    /** A multi-valued component property as DS gives it: an array, a collection, or one value. */
    private static List<String> strings(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Object[] a) {
            return java.util.Arrays.stream(a).map(String::valueOf).toList();
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(value));
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
}
