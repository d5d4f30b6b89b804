package org.renkou.association.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.renkou.core.api.Role;
import org.renkou.module.api.RenkouModule;
import org.renkou.module.api.RenkouModules;

/**
 * The module descriptor of the family planning association (计生协会): its id, written only here. It becomes the
 * bundle's {@code Renkou-Module} header, the condition every component waits for and the migrations folder
 * {@code db/association}. Also the two role sets every service checks.
 */
@RenkouModule(id = Association.ID, name_zh = "计生协会", name_en = "Family planning association",
        requires = {"core", "web"})
public final class Association {
    public static final String ID = "association";
    /** The DS 1.5 condition every component of the module carries: active only while the module is on. */
    public static final String CONDITION = RenkouModules.CONDITION_PROPERTY + ID + ")";

    /** Who runs an association's work: its secretary (协会秘书), the office director, the administrator. */
    public static final Set<Role> WRITERS = Collections.unmodifiableSet(
            EnumSet.of(Role.ASSOCIATION_SECRETARY, Role.DIRECTOR, Role.ADMIN));
    /** Who reads it (lists mask members' phone numbers); special-family cases have their own, narrower rule. */
    public static final Set<Role> READERS = Collections.unmodifiableSet(EnumSet.of(Role.ASSOCIATION_SECRETARY,
            Role.DIRECTOR, Role.ADMIN, Role.STATISTICIAN, Role.FAMILY_SERVICES));

    private Association() {
    }
}
