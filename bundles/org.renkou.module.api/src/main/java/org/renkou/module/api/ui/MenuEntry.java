package org.renkou.module.api.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type of a {@link UiContribution}: one entry of the staff UI's menu and the page it opens. The
 * service properties it produces are {@code renkou.contribution.*} ({@code kind=menu}, {@code id},
 * {@code name.zh}, {@code name.en}, {@code group}, {@code order}, {@code roles}, {@code route}, {@code script}); the
 * module switch plan names the entry by them too.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface MenuEntry {
    String PREFIX_ = "renkou.contribution.";

    /** What kind of contribution this is; always {@code menu} for an entry of the menu. */
    String kind() default "menu";

    /** Unique among all entries, e.g. {@code residents} or {@code warehouse}. */
    String id();

    /** The entry's name in Simplified Chinese, as the menu shows it. */
    String name_zh();

    /** The entry's name in English. */
    String name_en();

    /** The menu group the entry belongs to ({@code office}, {@code stats}, {@code admin}, {@code modules}). */
    String group() default "modules";

    /** Position within its group, lowest first. */
    int order() default 100;

    /**
     * Role names ({@link org.renkou.core.api.Role}) of which the caller needs at least one to see the entry; empty:
     * every logged-in staff member.
     */
    String[] roles() default {};

    /** The hash route the entry opens ({@code #/warehouse}), without {@code #/}. */
    String route();

    /**
     * A script the UI loads before it opens the route (it registers the page's routes with {@code window.Renkou});
     * empty when a script already loaded serves the route.
     */
    String script() default "";
}
