package org.renkou.core.internal.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;

/** What the switch plan says a module's components offer, from their contribution properties. */
class SwitchPlannerTest {

    /** A menu entry that fills core pages' slots names its dashboard card and resident panel, which go with it. */
    @Test
    void aMenuEntryNamesTheCardsAndPanelsItFills() {
        ComponentDescriptionDTO menu = component("org.renkou.school.internal.SchoolMenu", Map.of(
                "renkou.contribution.kind", "menu", "renkou.contribution.name.zh", "人口学校",
                "renkou.contribution.name.en", "Population school",
                "renkou.contribution.slots", new String[] {"dashboard", "resident"}));
        assertEquals(List.of("菜单 人口学校", "工作台卡片 人口学校", "居民页面板 人口学校"), zh(menu));
        assertEquals(List.of("menu Population school", "dashboard card Population school",
                "resident page panel Population school"), en(menu));
        // one slot given as a single value, an unknown slot by its name
        assertEquals(List.of("menu Stock", "resident page panel Stock", "page slot household Stock"),
                en(component("x.Menu", Map.of("renkou.contribution.kind", "menu", "renkou.contribution.name.en", "Stock",
                        "renkou.contribution.slots", List.of("resident", "household")))));
        assertEquals(List.of("menu Stock", "dashboard card Stock"), en(component("x.Menu", Map.of(
                "renkou.contribution.kind", "menu", "renkou.contribution.name.en", "Stock",
                "renkou.contribution.slots", "dashboard"))));
    }

    @Test
    void otherContributionsAsBefore() {
        assertEquals(List.of("menu Warehouse"), en(component("w.Menu", Map.of("renkou.contribution.kind", "menu",
                "renkou.contribution.name.en", "Warehouse"))));
        assertEquals(List.of("报表 人口学校培训覆盖情况"), zh(component("c", Map.of("renkou.contribution.kind", "report",
                "renkou.contribution.name.zh", "人口学校培训覆盖情况"))));
        assertEquals(List.of("API resource w.Resource"), en(component("w.Resource",
                Map.of("osgi.jakartars.resource", "true"))));
        assertEquals(List.of(), en(component("w.Service", Map.of())));
    }

    private static ComponentDescriptionDTO component(String name, Map<String, Object> props) {
        ComponentDescriptionDTO d = new ComponentDescriptionDTO();
        d.name = name;
        d.properties = props;
        return d;
    }

    private static List<String> zh(ComponentDescriptionDTO d) {
        return SwitchPlanner.contributions(d).stream().map(c -> c[0]).toList();
    }

    private static List<String> en(ComponentDescriptionDTO d) {
        return SwitchPlanner.contributions(d).stream().map(c -> c[1]).toList();
    }
}
