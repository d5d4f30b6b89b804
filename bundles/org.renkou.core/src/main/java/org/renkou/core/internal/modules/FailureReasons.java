package org.renkou.core.internal.modules;

import static org.renkou.core.internal.modules.ModuleRegistry.name;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.osgi.framework.Bundle;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.renkou.core.internal.modules.ModuleCatalog.Module;

/**
 * Why a module that should run does not, in a sentence an administrator can act on (Chinese and English): a refused
 * deploy, a requirement missing or off, a bundle that does not resolve or start, a component waiting for a service
 * nobody offers. Also the health detail made of them.
 */
final class FailureReasons {
    private final ModuleRegistry registry;
    private final ServiceComponentRuntime scr;

    FailureReasons(ModuleRegistry registry, ServiceComponentRuntime scr) {
        this.registry = registry;
        this.scr = scr;
    }

    /** {zh, en} why a module that should run does not, or {@code null}. */
    String[] failure(Module m, Map<String, Module> all) {
        DeployCheck.Refusal refusal = registry.refusal(m);
        if (refusal != null) {
            return new String[] {refusal.zh(), refusal.en()};
        }
        if (!registry.chosenOn(m)) {
            return null;
        }
        for (String r : m.requires()) {
            Module req = all.get(r);
            if (req == null) {
                return new String[] {name(m) + "未启动：需要模块 " + r + "，但未安装。",
                        m.nameEn() + " is not running: it needs module " + r + ", which is not installed."};
            }
            if (!registry.isOn(r)) {
                return new String[] {name(m) + "未启动：需要" + name(req) + "，但它已停用或未能启动。",
                        m.nameEn() + " is not running: it needs " + req.nameEn() + ", which is off or failed."};
            }
        }
        List<Bundle> bundles = registry.bundlesOf(m);
        for (Bundle b : bundles) {
            boolean fragment = b.getHeaders("").get("Fragment-Host") != null;
            boolean lazy = b.getState() == Bundle.STARTING && b.getHeaders("").get("Bundle-ActivationPolicy") != null;
            if (!fragment && !lazy && b.getState() == Bundle.INSTALLED) {
                String missing = DeployCheck.missingRequirements(registry.context(), b);
                return new String[] {name(m) + "未启动：组件包 " + b.getSymbolicName() + " 无法解析，缺少 " + missing + "。",
                        m.nameEn() + " is not running: bundle " + b.getSymbolicName() + " does not resolve; missing " + missing + "."};
            }
            if (!fragment && !lazy && b.getState() != Bundle.ACTIVE) {
                return new String[] {name(m) + "未启动：组件包 " + b.getSymbolicName() + " 处于 " + stateName(b.getState()) + " 状态。",
                        m.nameEn() + " is not running: bundle " + b.getSymbolicName() + " is " + stateName(b.getState()) + "."};
            }
        }
        String[] unsatisfied = unsatisfiedComponent(m, bundles);
        if (unsatisfied != null) {
            return unsatisfied;
        }
        if (m.bundleFiles().size() > 0 && bundles.size() < m.bundleFiles().size()) {
            return new String[] {name(m) + "未启动：部分组件包未安装。", m.nameEn() + " is not running: some of its bundles are not installed."};
        }
        return null;
    }

    /** The first component of an enabled module that waits for a service nobody offers, in words. */
    private String[] unsatisfiedComponent(Module m, List<Bundle> bundles) {
        if (!registry.isOn(m.id()) || bundles.isEmpty()) {
            return null;
        }
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs(bundles.toArray(new Bundle[0]))) {
            if (!scr.isComponentEnabled(d)) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                if (c.state == ComponentConfigurationDTO.UNSATISFIED_REFERENCE && c.unsatisfiedReferences.length > 0) {
                    UnsatisfiedReferenceDTO r = c.unsatisfiedReferences[0];
                    String service = Arrays.stream(d.references).filter(x -> x.name.equals(r.name))
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

    /** The failed modules in words (empty when all is well), then the deploy/ refusals and what is switched off. */
    String detail() {
        Map<String, Module> all = registry.modules();
        List<String> lines = new ArrayList<>();
        all.values().stream().filter(m -> m.deployed() == null).map(m -> failure(m, all))
                .filter(Objects::nonNull).forEach(w -> lines.add(w[0] + " / " + w[1]));
        // deploy/ refusals, including bundles that are no module at all
        registry.refusals().forEach(r -> lines.add(r.zh() + " / " + r.en()));
        String off = all.values().stream().filter(m -> !registry.isOn(m.id()) && !registry.chosenOn(m))
                .map(Module::id).collect(Collectors.joining(", "));
        if (!off.isEmpty()) {
            lines.add("已停用 / switched off: " + off + ".");
        }
        return String.join(" ", lines);
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
}
