package org.renkou.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MiniJsonTest {

    @Test
    void readsObjectsArraysStringsNumbersAndLiterals() {
        Object v = MiniJson.parse(" {\"a\": [1, 2.5, -3e2], \"b\": {\"c\": \"x\\\"y\\u4e2d\\n\"}, \"t\": true, "
                + "\"f\": false, \"n\": null, \"e\": {}, \"l\": []} ");
        Map<?, ?> m = (Map<?, ?>) v;
        assertEquals(List.of(1.0, 2.5, -300.0), m.get("a"));
        assertEquals("x\"y中\n", ((Map<?, ?>) m.get("b")).get("c"));
        assertEquals(Boolean.TRUE, m.get("t"));
        assertEquals(Boolean.FALSE, m.get("f"));
        assertEquals(Arrays.asList((Object) null), Arrays.asList(m.get("n")));
        assertEquals(Map.of(), m.get("e"));
        assertEquals(List.of(), m.get("l"));
    }

    @Test
    void rejectsBrokenText() {
        for (String bad : List.of("{", "{\"a\" 1}", "[1,]", "\"open", "{} x", "tru", "{a:1}", "")) {
            assertThrows(IllegalArgumentException.class, () -> MiniJson.parse(bad), bad);
        }
    }
}
