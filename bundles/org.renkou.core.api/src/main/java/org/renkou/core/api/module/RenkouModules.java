package org.renkou.core.api.module;

/**
 * How a bundle takes part in module switching.
 *
 * <p><b>Components.</b> Every DS component of a switchable module depends on its module's condition, so that
 * switching the module off deactivates the components (their REST resources, pages, menu entries, jobs vanish)
 * without stopping or refreshing any bundle:
 * <pre>
 * &#64;Component(property = RenkouModules.SATISFYING_CONDITION + "=(osgi.condition.id=renkou.module.school)")
 * </pre>
 * (DS 1.5 satisfying condition; the module manager registers the {@code Condition} service
 * {@code osgi.condition.id=renkou.module.<id>} while the module is on.)
 *
 * <p><b>Contributions.</b> Services a module offers to people carry {@link #CONTRIBUTION} ({@code menu},
 * {@code page}, {@code form}, {@code report}, {@code job}) and {@link #CONTRIBUTION_NAME_ZH}/{@code _EN}, so the
 * switch plan can say in words what will disappear.
 *
 * <p><b>Custom modules in {@code deploy/}.</b> A bundle dropped there is installed, checked, and started only if it
 * passes: it must carry the {@link #MODULE_HEADER} header, declare the Renkou API it needs with
 * {@code Require-Capability: renkou.api;filter:="(&(renkou.api=core)(version>=1.1)(!(version>=2)))"}, export no
 * {@code org.renkou} package, and resolve.
 */
public final class RenkouModules {
    /** Prefix of the condition id a module's components wait for: {@code renkou.module.<id>}. */
    public static final String CONDITION_PREFIX = "renkou.module.";
    /** The DS 1.5 component property that makes a component wait for a condition. */
    public static final String SATISFYING_CONDITION = "osgi.ds.satisfying.condition.target";
    /** Manifest header of a custom module bundle: its module id (letters, digits, {@code -}). */
    public static final String MODULE_HEADER = "Renkou-Module";
    /** Optional manifest headers of a custom module: names and required modules (comma-separated). */
    public static final String MODULE_NAME_ZH_HEADER = "Renkou-Module-Name-Zh";
    public static final String MODULE_NAME_EN_HEADER = "Renkou-Module-Name-En";
    public static final String MODULE_REQUIRES_HEADER = "Renkou-Module-Requires";
    public static final String MODULE_TABLES_HEADER = "Renkou-Module-Tables";
    /** Capability namespace of Renkou's APIs ({@code renkou.api=core}, {@code version}). */
    public static final String API_NAMESPACE = "renkou.api";
    /** Service property: what kind of contribution to people a service is (menu, page, form, report, job). */
    public static final String CONTRIBUTION = "renkou.contribution";
    public static final String CONTRIBUTION_NAME_ZH = "renkou.contribution.name.zh";
    public static final String CONTRIBUTION_NAME_EN = "renkou.contribution.name.en";

    private RenkouModules() {
    }

    /** The filter a component of module {@code id} waits for. */
    public static String conditionFilter(String id) {
        return "(osgi.condition.id=" + CONDITION_PREFIX + id + ")";
    }
}
