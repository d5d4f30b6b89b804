package org.renkou.core.internal.modules;

import java.io.File;
import java.util.LinkedHashSet;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.renkou.core.internal.modules.ModuleCatalog.Module;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gate of {@code deploy/}: FileInstall installs what is dropped there (never starts it); the gate checks each
 * bundle ({@link DeployCheck}) and starts it as a custom module, or leaves it stopped with the reason the module list
 * and the health page show.
 */
final class DeployGate {
    private static final Logger LOG = LoggerFactory.getLogger(DeployGate.class);

    private final ModuleRegistry registry;
    private final String deployDir;

    DeployGate(ModuleRegistry registry) {
        this.registry = registry;
        String dir = registry.context().getProperty("felix.fileinstall.dir");
        this.deployDir = dir == null ? null : new File(dir).toURI().toString();
    }

    /** Whether {@code b} was installed from {@code deploy/}. */
    boolean isDeployed(Bundle b) {
        return deployDir != null && b.getLocation().startsWith(deployDir);
    }

    /** Checks a deployed bundle and starts it, or records why not. The manager holds its lock meanwhile. */
    void admit(Bundle b) {
        registry.forget(b);
        Set<String> taken = new LinkedHashSet<>(registry.modules().keySet());
        DeployCheck.Refusal refusal = DeployCheck.check(registry.context(), b, taken);
        if (refusal != null) {
            registry.refuse(b, refusal);
            LOG.error(refusal.zh() + " / " + refusal.en());
            Module m = ModuleCatalog.custom(b);
            if (m != null && !taken.contains(m.id())) {
                registry.admitted(b, m);
            }
            return;
        }
        Module m = ModuleCatalog.custom(b);
        registry.admitted(b, m);
        try {
            b.start();
            LOG.info("模块 {} 已部署 / module {} deployed from {}", m.id(), m.id(), b.getLocation());
        } catch (BundleException | IllegalStateException e) {
            registry.refuse(b, new DeployCheck.Refusal("模块 " + m.id() + " 无法启动：" + e.getMessage(),
                    "Module " + m.id() + " could not start: " + e.getMessage()));
            LOG.error("Module {} could not start: {}", m.id(), e.toString());
        }
    }

    /** A deployed bundle was uninstalled: it is no module any more, and no refusal either. */
    void removed(Bundle b) {
        registry.forget(b);
    }
}
