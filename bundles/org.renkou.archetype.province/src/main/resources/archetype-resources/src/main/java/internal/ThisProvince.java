package ${package}.internal;

import org.renkou.module.api.RenkouModule;
import org.renkou.module.api.RenkouModules;
import org.renkou.province.kit.RuleBasedPolicy.Province;

/**
 * The module descriptor of ${provinceNameEn} (${provinceNameZh}, ${provinceCode}): the bundle is module
 * {@code province-${provinceFolder}}, switched on and off like every module; its data lies in
 * {@code policies/${provinceFolder}} beside the national rules.
 */
@RenkouModule(id = ThisProvince.ID, name_zh = "${provinceNameZh}政策", name_en = "${provinceNameEn} policy",
        requires = {"core", "web"})
final class ThisProvince {
    static final String ID = "province-${provinceFolder}";
    /** The DS 1.5 condition every component of the module carries: active only while the module is on. */
    static final String CONDITION = RenkouModules.CONDITION_PROPERTY + ID + ")";
    static final String FOLDER = "${provinceFolder}";
    static final Province PROVINCE = new Province("${provinceCode}", "${provinceNameZh}", "${provinceNameEn}",
            "${provincePrefix}", "${provincePrefix.toUpperCase()}");

    private ThisProvince() {
    }
}
