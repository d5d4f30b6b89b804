package org.renkou.core.api.resident;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The pinyin order modules sort their lists of people by. */
class NameOrderTest {

    @Test
    void pinyinNotCodePoints() {
        List<String> names = List.of("张三", "李四", "王五", "阿七");
        assertEquals(List.of("阿七", "李四", "王五", "张三"), NameOrder.sorted(names, n -> n));
        assertTrue(NameOrder.key("李四").compareTo(NameOrder.key("张三")) < 0, "the keys compare as strings");
        assertEquals(List.of("阿七", "李四", "王五", "张三"), names.stream().sorted(NameOrder.comparing(n -> n)).toList());
    }

    @Test
    void stableWithMissingNamesLast() {
        record Person(long id, String name) {
        }
        List<Person> people = Arrays.asList(new Person(1, "王五"), new Person(2, null), new Person(3, "王五"),
                new Person(4, "李四"));
        assertEquals(List.of(4L, 1L, 3L, 2L), NameOrder.sorted(people, Person::name).stream().map(Person::id).toList());
        assertNull(NameOrder.key(null));
    }
}
