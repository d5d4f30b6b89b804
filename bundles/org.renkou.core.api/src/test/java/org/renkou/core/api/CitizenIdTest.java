package org.renkou.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class CitizenIdTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    /** Builds a valid number from 17 digits. */
    static String valid(String first17) {
        return first17 + CitizenId.checkChar(first17);
    }

    @Test
    void acceptsTheStandardsExample() {
        // GB 11643-1999 appendix example: 11010519491231002X (a woman born 1949-12-31)
        CitizenId id = CitizenId.parse("11010519491231002x", "idNumber", TODAY);
        assertEquals("11010519491231002X", id.number());
        assertEquals(LocalDate.of(1949, 12, 31), id.birthDate());
        assertEquals(Sex.FEMALE, id.sex());
        assertEquals(Sex.MALE, CitizenId.parse(valid("44060619900101001"), "f", TODAY).sex());
    }

    @Test
    void rejectsWithTheReason() {
        assertMessage("11010519491231002", "18");
        assertMessage("11010519491231002A", "X");
        assertMessage("1101051949123100X2", "17");
        assertMessage(valid("11010519490230002"), "不存在");
        assertMessage(valid("11010520300101002"), "不可能");
        assertMessage("110105194912310021", "校验位");
        assertMessage("  ", "请填写");
    }

    @Test
    void masksTheMiddle() {
        assertEquals("110105********002X", CitizenId.mask("11010519491231002X"));
    }

    private static void assertMessage(String number, String part) {
        RenkouException e = assertThrows(RenkouException.class, () -> CitizenId.parse(number, "idNumber", TODAY));
        assertEquals("idNumber", e.field());
        assertTrue(e.messageZh().contains(part), e.messageZh());
    }
}
