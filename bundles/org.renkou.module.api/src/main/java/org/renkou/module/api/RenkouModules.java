package org.renkou.module.api;

/**
 * The names a module's bundle is built on: its manifest headers, the condition its components wait for, its
 * migrations folder and the service properties of its contributions.
 *
 * <p><b>Id, written once.</b> A module states its id in one Java constant and hands it to {@link RenkouModule}
 * (the {@code Renkou-Module} header) and to its components' condition:
 * <pre>
 * &#64;RenkouModule(id = Warehouse.ID, name_zh = "避孕药具管理", name_en = "Contraceptive warehouse", requires = {"core", "web"})
 * final class Warehouse {
 *     static final String ID = "warehouse";
 *     static final String CONDITION = RenkouModules.CONDITION_PROPERTY + ID + ")";
 * }
 *
 * &#64;Component(service = StockService.class, property = Warehouse.CONDITION)
 * </pre>
 * The migrations follow from the id ({@code db/warehouse}, see {@link org.renkou.module.api.db.ModuleDatabases}),
 * and so do the module's tables: those its migrations create.
 *
 * <p><b>Components.</b> Every DS component of a switchable module waits for its module's condition (DS 1.5
 * satisfying condition), so that switching the module off deactivates its components — REST resources, pages,
 * menu entries, jobs — without stopping or refreshing any bundle. The module manager registers the
 * {@code Condition} service {@code osgi.condition.id=renkou.module.<id>} while the module is on.
 *
 * <p><b>Contributions.</b> What a module offers people is typed: {@link org.renkou.module.api.ui.MenuEntry},
 * {@link org.renkou.module.api.contribution.ReportContribution}, {@link org.renkou.module.api.contribution.JobContribution}.
 * They set {@link #CONTRIBUTION_KIND} and the names, so the switch plan can say in words what will disappear.
 *
 * <p><b>Custom modules in {@code deploy/}.</b> A bundle dropped there is installed, checked, and started only if it
 * passes: it carries the {@link #MODULE_HEADER} header, declares the Renkou API it needs ({@link RenkouModule}
 * declares the module API; {@code Require-Capability: renkou.api;filter:="(&(renkou.api=core)(version>=1.1)(!(version>=2)))"}
 * does so for the core API), exports no {@code org.renkou} package, and resolves.
 */
public final class RenkouModules {
    /** Prefix of the condition id a module's components wait for: {@code renkou.module.<id>}. */
    public static final String CONDITION_PREFIX = "renkou.module.";
    /** The DS 1.5 component property that makes a component wait for a condition. */
    public static final String SATISFYING_CONDITION = "osgi.ds.satisfying.condition.target";
    /**
     * The start of a component property that makes a component wait for its module: append the module's id and
     * {@code ")"} (a constant expression, so it can stand in {@code @Component(property = …)}).
     */
    public static final String CONDITION_PROPERTY = SATISFYING_CONDITION + "=(osgi.condition.id=" + CONDITION_PREFIX;
    /** Manifest header of a module bundle: its module id (lower-case letters, digits, {@code -}). */
    public static final String MODULE_HEADER = "Renkou-Module";
    /** Optional manifest headers of a module: its names and the modules it requires (comma-separated). */
    public static final String MODULE_NAME_ZH_HEADER = "Renkou-Module-Name-Zh";
    public static final String MODULE_NAME_EN_HEADER = "Renkou-Module-Name-En";
    public static final String MODULE_REQUIRES_HEADER = "Renkou-Module-Requires";
    /**
     * Capability namespace of a module's description, written by {@link RenkouModule}: {@code renkou.module=<id>},
     * {@code name.zh}, {@code name.en}, {@code requires} (a list of module ids).
     */
    public static final String MODULE_NAMESPACE = "renkou.module";
    /** Where a module's migrations lie in its bundle: {@code db/<id>}. */
    public static final String MIGRATIONS_ROOT = "db/";
    /** Capability namespace of Renkou's APIs ({@code renkou.api=core} or {@code module}, {@code version}). */
    public static final String API_NAMESPACE = "renkou.api";
    /** Service property: what kind of contribution to people a service is ({@code menu}, {@code report}, {@code job}…). */
    public static final String CONTRIBUTION_KIND = "renkou.contribution.kind";
    /** Service properties: the contribution's names, as the switch plan and the menu show them. */
    public static final String CONTRIBUTION_NAME_ZH = "renkou.contribution.name.zh";
    public static final String CONTRIBUTION_NAME_EN = "renkou.contribution.name.en";

    private RenkouModules() {
    }

    /** The filter a component of module {@code id} waits for. */
    public static String conditionFilter(String id) {
        return "(osgi.condition.id=" + CONDITION_PREFIX + id + ")";
    }

    /** The folder of module {@code id}'s migrations inside its bundle: {@code db/<id>}. */
    public static String migrationsFolder(String id) {
        return MIGRATIONS_ROOT + id;
    }
}
