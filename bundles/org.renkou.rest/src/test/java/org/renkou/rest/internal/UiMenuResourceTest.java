package org.renkou.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.Role;

/** The menu answers only the entries the caller's roles allow, in group and order, each naming its module. */
class UiMenuResourceTest {
    private static UiMenuResource.Entry entry(String id, String group, int order, Object roles, String module,
            String condition) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("renkou.contribution.id", id);
        p.put("renkou.contribution.name.zh", id);
        p.put("renkou.contribution.group", group);
        p.put("renkou.contribution.order", order);
        p.put("renkou.contribution.route", id);
        if (roles != null) {
            p.put("renkou.contribution.roles", roles);
        }
        if (condition != null) {
            p.put("osgi.ds.satisfying.condition.target", condition);
        }
        return UiMenuResource.Entry.of(p::get, module);
    }

    private static final List<UiMenuResource.Entry> ENTRIES = List.of(
            entry("modules", "admin", 30, new String[] {"ADMIN"}, null, null),
            entry("warehouse", "modules", 100, new String[] {"WAREHOUSE_KEEPER", "ADMIN"}, null,
                    "(osgi.condition.id=renkou.module.warehouse)"),
            entry("notes", "modules", 100, null, "notes", null),
            entry("audit", "admin", 10, new String[] {"AUDITOR", "DIRECTOR", "ADMIN"}, null, null),
            entry("residents", "office", 30, null, null, null),
            entry("statistics", "stats", 10, null, null, null),
            entry("dashboard", "office", 10, null, null, null),
            entry("school", "school", 10, "TEACHER", null, null));

    private static List<String> ids(Caller caller) {
        return UiMenuResource.menuFor(caller, ENTRIES).stream().map(e -> e.id).collect(Collectors.toList());
    }

    @Test
    void anOfficerSeesNoAdministrationAndTheAdministratorAllOfIt() {
        assertEquals(List.of("dashboard", "residents", "statistics", "notes"),
                ids(new Caller("officer", EnumSet.of(Role.FAMILY_SERVICES), Set.of("440606901001"))));
        assertEquals(List.of("dashboard", "residents", "statistics", "audit", "modules", "notes", "warehouse"),
                ids(new Caller("admin", EnumSet.of(Role.ADMIN), Set.of(""))));
        assertEquals(List.of("dashboard", "residents", "statistics", "notes", "school"),
                ids(new Caller("teacher", EnumSet.of(Role.TEACHER), Set.of("440606"))));
    }

    @Test
    void theModuleIsTheHeaderOrTheConditionTheEntryWaitsFor() {
        Map<String, String> modules = UiMenuResource.menuFor(Caller.SYSTEM, ENTRIES).stream()
                .filter(e -> e.module != null).collect(Collectors.toMap(e -> e.id, e -> e.module));
        assertEquals(Map.of("warehouse", "warehouse", "notes", "notes"), modules);
        assertNull(UiMenuResource.menuFor(Caller.SYSTEM, ENTRIES).get(0).script, "no script: null, not empty");
    }

    @Test
    void anEntryNamesTheSlotsOfCorePagesItsScriptFills() {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("renkou.contribution.id", "school");
        p.put("renkou.contribution.route", "school");
        p.put("renkou.contribution.slots", new String[] {"dashboard", "resident"});
        assertEquals(List.of("dashboard", "resident"), UiMenuResource.Entry.of(p::get, "school").dto.slots);
        p.put("renkou.contribution.slots", "dashboard"); // one value: a plain string property
        assertEquals(List.of("dashboard"), UiMenuResource.Entry.of(p::get, "school").dto.slots);
        assertEquals(List.of(), UiMenuResource.menuFor(Caller.SYSTEM, ENTRIES).get(0).slots, "none: empty");
    }
}
