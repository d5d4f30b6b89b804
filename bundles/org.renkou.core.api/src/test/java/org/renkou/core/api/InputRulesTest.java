package org.renkou.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared input rules of issue 19, value by value: hostile text, implausible dates. */
class InputRulesTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @ParameterizedTest
    @ValueSource(strings = {"张\u0000三", "张\u001b[31m三", "张\n三", "张\r三", "\ud800张", "张\udc00", "abc\u202eexe",
            "张\u2066三", "\u200b\u200b", "\u200b", "张\u200b三", "\ufeff张", "张\u0085三", "\u007f"})
    void controlAndFormatCharactersAreRefusedInNames(String name) {
        RenkouException e = assertThrows(RenkouException.class, () -> Input.required(name, "name", "姓名", "name", 50));
        assertEquals(RenkouException.Kind.INVALID, e.kind());
        assertEquals("name", e.field());
        assertTrue(e.messageEn().contains("character") || e.messageEn().contains("required"), e.messageEn());
    }

    @ParameterizedTest
    @ValueSource(strings = {"张三", "𪚥", "欧阳𪚥娜", "Ngũgĩ", "阿卜杜拉·买买提", "O'Brien-Smith"})
    void realNamesPass(String name) {
        assertEquals(name, Input.required(name, "name", "姓名", "name", 50));
    }

    @ParameterizedTest
    @ValueSource(strings = {"e\u0301", "\u1100\u1161"})
    void textIsNfcNormalised(String decomposed) {
        String n = Input.required(decomposed, "name", "姓名", "name", 50);
        assertEquals(java.text.Normalizer.normalize(decomposed, java.text.Normalizer.Form.NFC), n);
        assertEquals(1, n.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"第一行\n第二行", "一\t二"})
    void longerTextsKeepLineBreaks(String note) {
        assertEquals(note, Input.optional(note, "note", "备注", "note", 500));
        assertThrows(RenkouException.class, () -> Input.optional(note, "name", "姓名", "name", 50));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999-01-01", "+10000-01-01", "0000-01-01", "-0001-12-31", "1899-12-31", "2200-01-01"})
    void implausibleDatesAreRefused(String date) {
        LocalDate d = LocalDate.parse(date);
        assertEquals("d", assertThrows(RenkouException.class, () -> Input.date(d, "d", "日期", "date")).field());
        assertEquals("b", assertThrows(RenkouException.class,
                () -> Input.birthDate(d, TODAY, "b", "出生日期", "birth date")).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-06-02", "2030-01-01"})
    void birthsAndPastEventsAreNotInTheFuture(String date) {
        LocalDate d = LocalDate.parse(date);
        assertEquals(d, Input.date(d, "d", "日期", "date"));
        assertThrows(RenkouException.class, () -> Input.birthDate(d, TODAY, "b", "出生日期", "birth date"));
        assertThrows(RenkouException.class, () -> Input.pastDate(d, TODAY, "p", "日期", "date"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1900-01-01", "1950-07-01", "2026-06-01"})
    void plausibleBirthDatesPass(String date) {
        LocalDate d = LocalDate.parse(date);
        assertEquals(d, Input.birthDate(d, TODAY, "b", "出生日期", "birth date"));
        assertNull(Input.birthDate(null, TODAY, "b", "出生日期", "birth date"));
    }
}
