package ${package}.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.renkou.core.api.Caller;
import org.renkou.core.api.RenkouException;
import org.renkou.core.api.Role;

import ${package}.internal.entities.ItemEntity;

/** The module's rules without a framework or a database: what is stored, and what is refused in words. */
class ItemServiceTest {
    private final Caller officer = new Caller("officer", EnumSet.of(Role.FAMILY_SERVICES), Set.of("440606"));

    @Test
    void storesTrimmedTextWithWhoAddedIt() {
        ItemEntity item = ItemService.check(officer, input("  第一条  ", "440606901001"));
        assertEquals("第一条", item.text);
        assertEquals("officer", item.createdBy);
    }

    @Test
    void refusesBlankTextNamingTheField() {
        RenkouException e = assertThrows(RenkouException.class, () -> ItemService.check(officer, input(" ", "440606")));
        assertEquals("text", e.field());
    }

    @Test
    void refusesAJurisdictionOutsideTheCallersReach() {
        RenkouException e = assertThrows(RenkouException.class, () -> ItemService.check(officer, input("x", "530102")));
        assertEquals(RenkouException.Kind.FORBIDDEN, e.kind());
    }

    @Test
    void refusesARoleThatMayNotAdd() {
        Caller auditor = new Caller("auditor", EnumSet.of(Role.AUDITOR), Set.of("440606"));
        assertThrows(RenkouException.class, () -> ItemService.check(auditor, input("x", "440606")));
    }

    private static ItemDTO input(String text, String jurisdictionCode) {
        ItemDTO d = new ItemDTO();
        d.text = text;
        d.jurisdictionCode = jurisdictionCode;
        return d;
    }
}
