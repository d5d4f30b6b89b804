package org.renkou.core.internal.modules;

import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;
import org.renkou.core.api.module.ModuleDTO;
import org.renkou.core.api.module.ModulePlanDTO;
import org.renkou.core.api.module.ModuleService;

/**
 * Gogo shell commands for administrators at the console: {@code renkou:modules}, {@code renkou:plan <id> on|off},
 * {@code renkou:enable <id> [cascade]}, {@code renkou:disable <id> [cascade]}. Audited as user {@code shell}.
 */
@Component(service = ModuleCommands.class, property = {
    "osgi.command.scope=renkou",
    "osgi.command.function=modules",
    "osgi.command.function=plan",
    "osgi.command.function=enable",
    "osgi.command.function=disable"
})
public class ModuleCommands {
    static final Caller SHELL = new Caller("shell", Set.of(Role.ADMIN), Set.of(""));

    private final ModuleService modules;

    @Activate
    public ModuleCommands(@Reference ModuleService modules) {
        this.modules = modules;
    }

    public String modules() {
        StringBuilder sb = new StringBuilder(String.format("%-14s %-9s %-10s %s%n", "id", "kind", "state", "name"));
        for (ModuleDTO m : modules.list()) {
            sb.append(String.format("%-14s %-9s %-10s %s / %s%s%n", m.id, m.kind, m.state, m.nameZh, m.nameEn,
                    m.reasonZh == null ? "" : "\n    " + m.reasonZh));
        }
        return sb.toString();
    }

    public String plan(String id, String onOff) {
        return words(modules.plan(id, "on".equalsIgnoreCase(onOff), true));
    }

    public String enable(String id) {
        return run(id, true, false);
    }

    public String enable(String id, String cascade) {
        return run(id, true, "cascade".equalsIgnoreCase(cascade));
    }

    public String disable(String id) {
        return run(id, false, false);
    }

    public String disable(String id, String cascade) {
        return run(id, false, "cascade".equalsIgnoreCase(cascade));
    }

    private String run(String id, boolean on, boolean cascade) {
        try {
            ModulePlanDTO plan = modules.plan(id, on, cascade);
            ModuleDTO m = on ? modules.enable(SHELL, id, cascade) : modules.disable(SHELL, id, cascade);
            return words(plan) + "\n=> " + m.id + " " + m.state;
        } catch (RenkouException e) {
            return e.messageZh() + "\n" + e.messageEn();
        }
    }

    private static String words(ModulePlanDTO p) {
        if (!p.allowed) {
            return p.reasonZh + "\n" + p.reasonEn;
        }
        return String.join("\n", p.sentencesZh) + "\n" + String.join("\n", p.sentencesEn);
    }
}
