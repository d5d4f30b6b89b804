package org.renkou.web.internal.menu;

/**
 * The core's pages as menu entries (菜单), one {@link org.renkou.module.api.ui.UiContribution} component each, so that
 * {@code GET /api/ui/menu} is the one door for every page: the server checks each entry's roles, and the shell loads
 * each entry's script and renders only what it answers. A module contributes its entries the same way.
 */
final class CorePages {
    /** Where the web bundle serves its page scripts ({@code /static} at {@code /ui/}). */
    static final String SCRIPTS = "/ui/";

    private CorePages() {
    }
}
