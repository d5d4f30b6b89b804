package org.renkou.module.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.annotation.bundle.Attribute;
import org.osgi.annotation.bundle.Capability;
import org.osgi.annotation.bundle.Header;
import org.osgi.annotation.bundle.Requirement;

/**
 * The module descriptor (模块描述): put once on a class of the module's bundle, it writes the bundle's
 * {@code Renkou-Module} header (the id), describes the module as the capability {@code renkou.module} (id, names,
 * required modules) and declares that the bundle needs Renkou's module API ({@code renkou.api=module}, version 1).
 * Everything else follows from the id: the components' condition ({@link RenkouModules#CONDITION_PROPERTY}), the
 * migrations folder {@code db/<id>} and the module's own tables.
 *
 * <pre>
 * &#64;RenkouModule(id = Warehouse.ID, name_zh = "避孕药具管理", name_en = "Contraceptive warehouse", requires = {"core", "web"})
 * final class Warehouse {
 *     static final String ID = "warehouse";
 * }
 * </pre>
 *
 * (The names and requirements are a capability rather than the {@code Renkou-Module-Name-Zh}… headers because bnd
 * expands an annotation's elements in one meta-annotated header only; the module manager reads either.)
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.PACKAGE})
@Header(name = RenkouModules.MODULE_HEADER, value = "${#id}")
@Capability(namespace = RenkouModules.MODULE_NAMESPACE)
@Requirement(namespace = RenkouModules.API_NAMESPACE, name = "module", version = "1.0.0")
public @interface RenkouModule {

    /** The module's id: lower-case letters, digits and {@code -}, e.g. {@code warehouse}. */
    @Attribute(RenkouModules.MODULE_NAMESPACE)
    String id();

    /** The module's name in Simplified Chinese, as the module list shows it. */
    @Attribute("name.zh")
    String name_zh();

    /** The module's name in English. */
    @Attribute("name.en")
    String name_en();

    /** Ids of the modules this one needs switched on ({@code core} at least). */
    @Attribute("requires")
    String[] requires() default {"core"};
}
