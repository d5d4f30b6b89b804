package org.renkou.core.internal.audit;

import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Caller;
import org.renkou.core.api.audit.AuditAction;
import org.renkou.core.api.audit.AuditService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Audits every configuration change made through Config Admin (from the web console, the shell, a file in
 * {@code deploy/} or a Renkou admin page): which PID, updated or deleted, when. Config Admin does not say who, so
 * the actor is {@code config-admin}; admin pages that change configuration record their own entry with the user.
 */
@Component
public class ConfigurationAudit implements ConfigurationListener {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationAudit.class);
    private static final Caller CONFIG_ADMIN = new Caller("config-admin", java.util.Set.of(), java.util.Set.of(""));

    private final AuditService audit;

    @Activate
    public ConfigurationAudit(@Reference AuditService audit) {
        this.audit = audit;
    }

    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String what = event.getType() == ConfigurationEvent.CM_DELETED ? "deleted"
                : event.getType() == ConfigurationEvent.CM_UPDATED ? "updated" : "location changed";
        String pid = event.getPid();
        try {
            audit.record(CONFIG_ADMIN, AuditAction.CONFIG, "configuration", pid, null,
                    "{\"event\":\"" + what + "\"" + (event.getFactoryPid() == null ? ""
                            : ",\"factoryPid\":\"" + event.getFactoryPid() + "\"") + "}", null);
        } catch (RuntimeException e) {
            LOG.warn("Configuration change of {} could not be audited: {}", pid, e.toString());
        }
    }
}
