package ${package}.internal;

import org.renkou.module.api.RenkouModule;
import org.renkou.module.api.RenkouModules;

/**
 * The module descriptor of "${moduleId}" (${moduleNameZh}): its id, written only here. {@link RenkouModule} makes it
 * the bundle's {@code Renkou-Module} header; the condition every component waits for, the migrations folder
 * {@code db/${moduleId}}, the REST path {@code /api/${moduleId}} and the page's {@code /ui/modules/${moduleId}/}
 * follow from it.
 */
@RenkouModule(id = ThisModule.ID, name_zh = "${moduleNameZh}", name_en = "${moduleNameEn}", requires = {"core", "web"})
final class ThisModule {
    static final String ID = "${moduleId}";
    /** The DS 1.5 condition every component of the module carries: active only while the module is on. */
    static final String CONDITION = RenkouModules.CONDITION_PROPERTY + ID + ")";
    /** The module's own persistence unit (META-INF/persistence.xml). */
    static final String UNIT = "renkou." + ID;
    /** Where the module's page script is served (see {@link PageResources}). */
    static final String UI_PATH = "/ui/modules/" + ID;

    private ThisModule() {
    }
}
