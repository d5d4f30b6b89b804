package ${package}.internal;

import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.renkou.core.api.Province;
import org.renkou.core.api.province.PolicyRegistry;
import org.renkou.core.api.province.RegionalPolicy;
import org.renkou.province.kit.Forms;
import org.renkou.province.kit.PolicyRules;
import org.renkou.province.kit.RuleBasedPolicy;

/**
 * The regional policy of ${provinceNameEn} (${provinceNameZh}, ${provinceCode}), read from {@code policies/${provinceFolder}}
 * and the national rules packed into this bundle. The core serves every jurisdiction whose code starts with
 * {@code ${provinceCode}} from it. A data file with a fault stops it from activating, and the log names the file and line.
 */
@Component(service = RegionalPolicy.class, property = {Province.PROPERTY + "=${provinceCode}",
        ThisProvince.CONDITION})
public class ProvincePolicy extends RuleBasedPolicy {

    @Activate
    public ProvincePolicy(BundleContext context, @Reference PolicyRegistry registry) {
        super(ThisProvince.PROVINCE, PolicyRules.fromBundle(context.getBundle(), ThisProvince.PROVINCE.code(),
                ThisProvince.FOLDER), registry, List.of(Forms.birthRegistration("${provincePrefix}", "生育登记凭证")));
        register(context); // the schemes and certificate types as services
    }

    @Deactivate
    void deactivate() {
        unregister();
    }
}
