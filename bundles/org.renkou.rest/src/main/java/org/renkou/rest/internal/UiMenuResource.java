package org.renkou.rest.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Role;
import org.renkou.module.api.RenkouModules;
import org.renkou.module.api.ui.MenuEntry;
import org.renkou.module.api.ui.UiContribution;

/**
 * {@code GET /api/ui/menu}: the staff UI's menu (菜单) — every {@link UiContribution} service described by
 * {@link MenuEntry}, the core's pages (registered by the web bundle) and modules' pages alike. Only the entries whose
 * roles the caller has are answered (the server decides; the UI renders what it gets), sorted by group, then order.
 * A switched-off module's components are gone, and so are its entries and the slots of the core's pages they fill
 * (a dashboard card, a resident-page panel).
 */
@Component(service = UiMenuResource.class, property = JerseyWhiteboard.RESOURCE + "=true")
@Path("ui")
@Produces(MediaType.APPLICATION_JSON)
public class UiMenuResource {
    /** The groups in the order the menu shows them; other groups follow, by name. */
    static final List<String> GROUPS = List.of("office", "stats", "admin", "modules");
    private static final Pattern MODULE_CONDITION =
            Pattern.compile("\\(osgi\\.condition\\.id=" + Pattern.quote(RenkouModules.CONDITION_PREFIX) + "([^)]+)\\)");
    private static final Comparator<MenuEntryDTO> MENU_ORDER = Comparator
            .comparingInt((MenuEntryDTO e) -> groupRank(e.group)).thenComparing(e -> e.group)
            .thenComparingInt(e -> e.order).thenComparing(e -> e.id);

    private final Map<ServiceReference<?>, Entry> entries = new ConcurrentHashMap<>();

    @Reference(service = UiContribution.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, target = "(" + MenuEntry.PREFIX_ + "kind=menu)")
    void addEntry(ServiceReference<UiContribution> ref) {
        entries.put(ref, Entry.of(ref));
    }

    void updatedEntry(ServiceReference<UiContribution> ref) {
        addEntry(ref);
    }

    void removeEntry(ServiceReference<UiContribution> ref) {
        entries.remove(ref);
    }

    @GET
    @Path("menu")
    public List<MenuEntryDTO> menu(@Context SecurityContext sc) {
        return menuFor(CallerFilter.caller(sc), entries.values()); // 401 without a caller
    }

    /** The entries {@code caller} may open, in menu order. */
    static List<MenuEntryDTO> menuFor(Caller caller, Collection<Entry> all) {
        Set<String> roles = caller.roles().stream().map(Role::name).collect(Collectors.toSet());
        return all.stream().filter(e -> e.roles.isEmpty() || e.roles.stream().anyMatch(roles::contains))
                .map(e -> e.dto).sorted(MENU_ORDER).collect(Collectors.toList());
    }

    private static int groupRank(String group) {
        int i = GROUPS.indexOf(group);
        return i < 0 ? GROUPS.size() : i;
    }

    /** One menu entry as the UI gets it. */
    public static class MenuEntryDTO {
        public String id;
        public String nameZh;
        public String nameEn;
        public String group;
        public int order;
        public String route;
        /** The script that registers the route's page with {@code window.Renkou}; null when none is needed. */
        public String script;
        /** The module whose entry this is; null for the core's pages (always on). */
        public String module;
        /**
         * The core pages' slots the entry's script fills ({@code dashboard}, {@code resident}; {@link MenuEntry#slots()}),
         * empty when none: the UI fills a slot only from listed entries.
         */
        public List<String> slots;
    }

    /** A registered entry: what the UI gets, and the roles (any of them) that may see it. */
    static final class Entry {
        final MenuEntryDTO dto;
        final List<String> roles;

        Entry(MenuEntryDTO dto, List<String> roles) {
            this.dto = dto;
            this.roles = roles;
        }

        static Entry of(ServiceReference<?> ref) {
            Bundle bundle = ref.getBundle();
            return of(key -> ref.getProperty(key), bundle == null ? null
                    : bundle.getHeaders("").get(RenkouModules.MODULE_HEADER));
        }

        /**
         * From the {@link MenuEntry} service properties. The module is the registering bundle's
         * {@code Renkou-Module} header, else the module whose condition the component waits for.
         */
        static Entry of(Function<String, Object> property, String moduleHeader) {
            MenuEntryDTO d = new MenuEntryDTO();
            d.id = text(property.apply(MenuEntry.PREFIX_ + "id"));
            d.nameZh = text(property.apply(MenuEntry.PREFIX_ + "name.zh"));
            d.nameEn = text(property.apply(MenuEntry.PREFIX_ + "name.en"));
            d.group = text(property.apply(MenuEntry.PREFIX_ + "group"));
            if (d.group == null) {
                d.group = "modules";
            }
            d.order = number(property.apply(MenuEntry.PREFIX_ + "order"));
            d.route = text(property.apply(MenuEntry.PREFIX_ + "route"));
            d.script = text(property.apply(MenuEntry.PREFIX_ + "script"));
            d.module = moduleHeader;
            d.slots = strings(property.apply(MenuEntry.PREFIX_ + "slots"));
            Object condition = property.apply(RenkouModules.SATISFYING_CONDITION);
            if (d.module == null && condition != null) {
                Matcher m = MODULE_CONDITION.matcher(condition.toString());
                d.module = m.find() ? m.group(1) : null;
            }
            return new Entry(d, strings(property.apply(MenuEntry.PREFIX_ + "roles")));
        }

        private static List<String> strings(Object value) {
            if (value == null) {
                return List.of();
            }
            if (value instanceof String[] a) {
                return List.of(a);
            }
            if (value instanceof Collection<?> c) {
                return c.stream().map(String::valueOf).collect(Collectors.toList());
            }
            return Arrays.asList(value.toString());
        }

        /** A typed entry's order is an Integer; a hand-written property may be a string, or nonsense (last then). */
        private static int number(Object value) {
            if (value instanceof Number n) {
                return n.intValue();
            }
            try {
                return value == null ? 100 : Integer.parseInt(value.toString().trim());
            } catch (NumberFormatException e) {
                return Integer.MAX_VALUE;
            }
        }

        private static String text(Object value) {
            return value == null || value.toString().isEmpty() ? null : value.toString();
        }
    }
}
