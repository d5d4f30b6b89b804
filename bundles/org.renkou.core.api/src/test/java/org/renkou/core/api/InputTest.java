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
}
