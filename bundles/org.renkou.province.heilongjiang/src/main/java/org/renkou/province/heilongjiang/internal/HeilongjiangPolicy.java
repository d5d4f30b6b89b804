package org.renkou.province.heilongjiang.internal;

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
 * The regional policy of Heilongjiang (黑龙江省, 23), read from {@code regional-policies/heilongjiang} (packed into this bundle). Part of
 * module {@code province-heilongjiang}: switched off, the component deactivates and its schemes and certificate types
 * vanish; a data file with a fault stops it from activating, and the log names the file and line.
 */
@Province("23")
@Component(service = RegionalPolicy.class,
        property = RenkouModules.SATISFYING_CONDITION + "=(osgi.condition.id=renkou.module.province-heilongjiang)")
public class HeilongjiangPolicy extends RuleBasedPolicy {
    // the kit's description of the province (the annotation above is the core API's service property)
    static final RuleBasedPolicy.Province PROVINCE = new RuleBasedPolicy.Province("23", "黑龙江省", "Heilongjiang", "hlj", "HLJ");

    @Activate
    public HeilongjiangPolicy(BundleContext context, @Reference PolicyRegistry registry) {
        super(PROVINCE, PolicyRules.fromBundle(context.getBundle(), PROVINCE.code(), "heilongjiang"), registry,
                List.of(Forms.birthRegistration("hlj", "生育登记凭证"), Forms.oneChildGlory("hlj")));
        register(context);
    }

    @Deactivate
    void deactivate() {
        unregister();
    }
}
