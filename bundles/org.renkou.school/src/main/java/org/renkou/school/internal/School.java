package org.renkou.school.internal;

import org.renkou.module.api.RenkouModule;
import org.renkou.module.api.RenkouModules;

/**
 * The module descriptor of the population school (人口学校): its id, written only here. It becomes the bundle's
 * {@code Renkou-Module} header, the condition every component waits for, the migrations folder {@code db/school}
 * and, through those migrations, the tables the module owns.
 */
@RenkouModule(id = School.ID, name_zh = "人口学校", name_en = "Population school", requires = {"core", "web"})
public final class School {
    public static final String ID = "school";
    /** The DS 1.5 condition every component of the module carries: active only while the module is on. */
    public static final String CONDITION = RenkouModules.CONDITION_PROPERTY + ID + ")";

    private School() {
    }
}
