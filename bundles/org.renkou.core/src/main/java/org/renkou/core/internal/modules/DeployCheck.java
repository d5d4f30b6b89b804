package org.renkou.core.internal.modules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Requirement;
import org.renkou.module.api.RenkouModules;

/**
 * Checks a bundle dropped into {@code deploy/} before it may start: it is a Renkou module, says which Renkou API it
 * needs, exports no package another bundle already exports, and resolves. Each refusal is a sentence an
 * administrator can act on, in Chinese and English.
 */
final class DeployCheck {

    /** Why a bundle was refused. */
    record Refusal(String zh, String en) {
    }

    private DeployCheck() {
    }

    /** @return {@code null} when the bundle may start */
    static Refusal check(BundleContext ctx, Bundle b, Set<String> takenModuleIds) {
        String name = b.getSymbolicName() + " " + b.getVersion();
        String id = ModuleCatalog.header(b, RenkouModules.MODULE_HEADER);
        if (id == null) {
            return new Refusal("拒绝安装 " + name + "：缺少 Renkou-Module 清单头，deploy/ 只接受 Renkou 模块。",
                    "Refused " + name + ": no Renkou-Module manifest header; deploy/ accepts Renkou modules only.");
        }
        if (!ModuleCatalog.MODULE_ID.matcher(id).matches()) {
            return new Refusal("拒绝安装 " + name + "：模块标识“" + id + "”只能包含小写字母、数字和 -。",
                    "Refused " + name + ": module id '" + id + "' may contain only lower-case letters, digits and '-'.");
        }
        if (takenModuleIds.contains(id)) {
            return new Refusal("拒绝安装 " + name + "：已有名为 " + id + " 的模块。",
                    "Refused " + name + ": a module named " + id + " exists already.");
        }
        BundleRevision rev = b.adapt(BundleRevision.class);
        if (rev == null || rev.getDeclaredRequirements(RenkouModules.API_NAMESPACE).isEmpty()) {
            return new Refusal("拒绝安装 " + name + "：未声明所需的 Renkou API 版本（Require-Capability: renkou.api）。",
                    "Refused " + name + ": it does not declare the Renkou API version it needs (Require-Capability: renkou.api).");
        }
        Set<String> clashes = clashingExports(ctx, b, rev);
        if (!clashes.isEmpty()) {
            return new Refusal("拒绝安装 " + name + "：导出的包与已有的包冲突：" + String.join("、", clashes) + "。",
                    "Refused " + name + ": it exports packages that already exist: " + String.join(", ", clashes) + ".");
        }
        FrameworkWiring wiring = ctx.getBundle(0).adapt(FrameworkWiring.class);
        if (!wiring.resolveBundles(List.of(b))) {
            String missing = missingRequirements(ctx, b);
            return new Refusal("拒绝安装 " + name + "：无法解析，缺少 " + missing + "。",
                    "Refused " + name + ": it does not resolve; missing " + missing + ".");
        }
        return null;
    }

    /** The mandatory requirements of {@code b} that no installed bundle offers, in words; "; " between them. */
    static String missingRequirements(BundleContext ctx, Bundle b) {
        BundleRevision rev = b.adapt(BundleRevision.class);
        FrameworkWiring wiring = ctx.getBundle(0).adapt(FrameworkWiring.class);
        List<String> missing = new ArrayList<>();
        for (Requirement r : rev.getDeclaredRequirements(null)) {
            // optional ones and those effective only at run time (osgi.service) do not stop resolution
            String effective = r.getDirectives().getOrDefault("effective", "resolve");
            if (!"optional".equals(r.getDirectives().get("resolution")) && "resolve".equals(effective)
                    && wiring.findProviders(r).isEmpty()) {
                missing.add(describe(r));
            }
        }
        return missing.isEmpty() ? "?" : String.join("; ", missing);
    }

    private static Set<String> clashingExports(BundleContext ctx, Bundle b, BundleRevision rev) {
        Set<String> mine = new HashSet<>();
        for (BundleCapability c : rev.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
            mine.add((String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE));
        }
        Set<String> clashes = new HashSet<>();
        for (Bundle other : ctx.getBundles()) {
            BundleRevision r = other.adapt(BundleRevision.class);
            if (other.getBundleId() == b.getBundleId() || r == null) {
                continue;
            }
            for (BundleCapability c : r.getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                String pkg = (String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                if (mine.contains(pkg) && (pkg.startsWith("org.renkou.") || other.getBundleId() == 0
                        || other.getLocation().contains("/system/"))) {
                    clashes.add(pkg);
                }
            }
        }
        return clashes;
    }

    /** A requirement in words: "Java package x.y (version>=1.0)" or "renkou.api (&(renkou.api=core)(version>=9))". */
    static String describe(Requirement r) {
        String filter = r.getDirectives().getOrDefault("filter", "");
        if (PackageNamespace.PACKAGE_NAMESPACE.equals(r.getNamespace())) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("osgi\\.wiring\\.package=([^)]+)").matcher(filter);
            return "Java package " + (m.find() ? m.group(1) : "?") + " " + filter;
        }
        return r.getNamespace() + " " + filter;
    }
}
