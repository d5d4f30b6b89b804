package org.renkou.module.api.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type of a {@link UiContribution}: one entry of the staff UI's menu and the page it opens. The
 * service properties it produces are {@code renkou.contribution.*} ({@code kind=menu}, {@code id},
 * {@code name.zh}, {@code name.en}, {@code group}, {@code order}, {@code roles}, {@code route}, {@code script},
 * {@code slots}); the module switch plan names the entry by them too.
 *
 * <p>Besides its own pages, the entry's script may fill <b>slots</b> (插槽) of the core's pages — a card on the
 * dashboard ({@link #SLOT_DASHBOARD}), a panel on a resident's page ({@link #SLOT_RESIDENT}) — by registering a
 * renderer per slot with {@code window.Renkou}. The entry names the slots it fills: the UI fills a slot only from
 * entries the menu lists for the caller, so a slot's content has the entry's roles and vanishes with the module.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface MenuEntry {
    String PREFIX_ = "renkou.contribution.";

    /** The slot of a card on the dashboard (工作台卡片); the renderer gets no argument. */
    String SLOT_DASHBOARD = "dashboard";

    /** The slot of a panel on a resident's page (居民页面板); the renderer gets the resident's id. */
    String SLOT_RESIDENT = "resident";

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

    /**
     * The core pages' slots the entry's script fills ({@link #SLOT_DASHBOARD}, {@link #SLOT_RESIDENT}); the script
     * registers a renderer for each with {@code Renkou.register(module, {slots: {dashboard: …, resident: …}})}.
     *
     * @since 1.1
     */
    String[] slots() default {};
}
