package org.renkou.province.yunnan.internal;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.renkou.module.api.RenkouModules;
import org.renkou.core.api.Province;
import org.renkou.core.api.province.PolicyRegistry;
import org.renkou.core.api.province.RegionalPolicy;
import org.renkou.province.kit.Forms;
import org.renkou.province.kit.PolicyRules;
import org.renkou.province.kit.RuleBasedPolicy;

/**
 * The regional policy of Yunnan (云南省, 53), read from {@code regional-policies/yunnan} (packed into this bundle). Part of
 * module {@code province-yunnan}: switched off, the component deactivates and its schemes and certificate types
 * vanish; a data file with a fault stops it from activating, and the log names the file and line.
 */
@Province("53")
@Component(service = RegionalPolicy.class,
        property = RenkouModules.SATISFYING_CONDITION + "=(osgi.condition.id=renkou.module.province-yunnan)")
public class YunnanPolicy extends RuleBasedPolicy {
    // the kit's description of the province (the annotation above is the core API's service property)
    static final RuleBasedPolicy.Province PROVINCE = new RuleBasedPolicy.Province("53", "云南省", "Yunnan", "yn", "YN");

    @Activate
    public YunnanPolicy(BundleContext context, @Reference PolicyRegistry registry) {
        super(PROVINCE, PolicyRules.fromBundle(context.getBundle(), PROVINCE.code(), "yunnan"), registry,
                List.of(Forms.birthRegistration("yn", "生育登记凭证")));
        register(context);
    }

    @Deactivate
    void deactivate() {
        unregister();
    }
}
