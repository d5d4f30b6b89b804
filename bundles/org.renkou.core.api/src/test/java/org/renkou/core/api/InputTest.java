package org.renkou.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class InputTest {

    @Test
    void textIsTrimmedAndBlankCountsAsMissing() {
        assertEquals("张三", Input.required("  张三 ", "name", "姓名", "name", 50));
        assertNull(Input.optional(" \t", "phone", "电话", "phone", 20));
        assertNull(Input.trimToNull(null));
        RenkouException e = assertThrows(RenkouException.class, () -> Input.required("  ", "name", "姓名", "name", 50));
        assertEquals(RenkouException.Kind.INVALID, e.kind());
        assertEquals("name", e.field());
        assertEquals("请填写姓名。", e.messageZh());
    }

    @Test
    void tooLongIsRefusedWithTheLimit() {
        assertEquals("12345", Input.optional("12345", "code", "代码", "code", 5));
        RenkouException e = assertThrows(RenkouException.class, () -> Input.optional("123456", "code", "代码", "code", 5));
        assertEquals("code", e.field());
        assertEquals("代码不能超过 5 个字符。", e.messageZh());
    }

    @Test
    void numbersMustBeAboveZeroAndValuesPresent() {
        assertEquals(3, Input.positive(3, "quantity", "数量", "quantity"));
        assertEquals("quantity", assertThrows(RenkouException.class,
                () -> Input.positive(0, "quantity", "数量", "quantity")).field());
        assertEquals("quantity", assertThrows(RenkouException.class,
                () -> Input.positive(null, "quantity", "数量", "quantity")).field());
        assertEquals("lotId", assertThrows(RenkouException.class,
                () -> Input.present(null, "lotId", "批次", "lot")).field());
        assertNull(assertThrows(RenkouException.class, () -> Input.body(null)).field());
    }

    @Test
    void requestTextRefusesControlCharactersAndLoneSurrogatesOnly() {
        // CJK Extension B, an emoji, a combining accent, Chinese punctuation: all pass
        for (String ok : new String[] {"𪚥", "张三😀", "e\u0301", "“引号”，句号。", "a\u00a0b", "\u200b"}) {
            assertEquals(ok, Input.safe(ok, "name", false));
        }
        assertNull(Input.safe(null, "name", false));
        assertEquals("第一行\r\n第二行\t", Input.safe("第一行\r\n第二行\t", "note", true));
        for (String bad : new String[] {"\u0000", "a\u001b[31m", "\u007f", "x\ud800", "\udc00y", "a\nb", "\t"}) {
            RenkouException e = assertThrows(RenkouException.class, () -> Input.safe(bad, "parent", false), bad);
            assertEquals(RenkouException.Kind.INVALID, e.kind());
            assertEquals("parent", e.field());
        }
        assertEquals("“parent”含有不可见或控制字符（U+0000），请删除后重新输入。", assertThrows(RenkouException.class,
                () -> Input.safe("44\u0000", "parent", true)).messageZh());
        assertEquals(2, Input.unsafeCharacterAt("𪚥\u0000", true));
        assertEquals(-1, Input.unsafeCharacterAt("𪚥", false));
    }
}
