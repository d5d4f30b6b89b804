package org.renkou.province.guangdong.internal;

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
 * The regional policy of Guangdong (广东省, 44), read from {@code regional-policies/guangdong} (packed into this bundle). Part of
 * module {@code province-guangdong}: switched off, the component deactivates and its schemes and certificate types
 * vanish; a data file with a fault stops it from activating, and the log names the file and line.
 */
@Province("44")
@Component(service = RegionalPolicy.class,
        property = RenkouModules.SATISFYING_CONDITION + "=(osgi.condition.id=renkou.module.province-guangdong)")
public class GuangdongPolicy extends RuleBasedPolicy {
    // the kit's description of the province (the annotation above is the core API's service property)
    static final RuleBasedPolicy.Province PROVINCE = new RuleBasedPolicy.Province("44", "广东省", "Guangdong", "gd", "GD");

    @Activate
    public GuangdongPolicy(BundleContext context, @Reference PolicyRegistry registry) {
        super(PROVINCE, PolicyRules.fromBundle(context.getBundle(), PROVINCE.code(), "guangdong"), registry,
                List.of(Forms.birthRegistration("gd", "生育登记凭证"), Forms.oneChildGlory("gd")));
        register(context);
    }

    @Deactivate
    void deactivate() {
        unregister();
    }
}
