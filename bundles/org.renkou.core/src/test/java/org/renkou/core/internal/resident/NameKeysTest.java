package org.renkou.core.internal.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The name sort key: pinyin order as plain string order, rare characters after, short. */
class NameKeysTest {
    @Test
    void keysSortNamesInPinyinOrder() {
        List<String> names = new ArrayList<>(List.of("张三", "𠮷祥", "王五", "龑明", "李四", "欧阳娜娜", "区伟", "阿七", "李四A"));
        names.sort(Comparator.comparing(NameKeys::of));
        assertEquals(List.of("阿七", "李四", "李四A", "欧阳娜娜", "区伟", "王五", "张三", "龑明", "𠮷祥"), names);
    }

    @Test
    void fourHexDigitsPerCharacter() {
        assertEquals(8, NameKeys.of("李四").length());
        assertEquals(NameKeys.of("Zoe"), NameKeys.of("zoe"), "primary strength: the list orders these by ID");
        assertEquals(NameKeys.MAX_LENGTH, NameKeys.of("欧阳".repeat(100)).length());
        assertNull(NameKeys.of(null));
    }
}
