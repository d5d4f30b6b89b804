package org.renkou.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks on HTTP answers shared by the integration tests. */
final class Asserts {
    private Asserts() {
    }

    /** 200 or 201, with every one of {@code contains} in the body. */
    static void assertOk(Http.Response r, String... contains) {
        assertTrue(r.status() + " " + r.body(), r.status() == 200 || r.status() == 201);
        for (String c : contains) {
            assertTrue(r.body(), r.body().contains(c));
        }
    }

    /** A problem+json answer with {@code status}, no stack trace, naming {@code field} (unless null). */
    static void assertProblem(Http.Response r, int status, String field) {
        assertEquals(r.body(), status, r.status());
        assertTrue(r.contentType(), r.contentType().startsWith("application/problem+json"));
        assertTrue(r.body(), !r.body().contains("Exception"));
        if (field != null) {
            assertTrue(r.body(), r.body().contains("\"field\":\"" + field + "\""));
        }
    }

    /** The first number {@code field} in a JSON text. */
    static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?\\d+)").matcher(json);
        assertTrue(field + " in " + json, m.find());
        return Long.parseLong(m.group(1));
    }

    /** The first string {@code field} in a JSON text. */
    static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(field + " in " + json, m.find());
        return m.group(1);
    }
}
