package org.renkou.rest.core.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.renkou.core.api.Input;
import org.renkou.core.api.RenkouException;

/** Date query parameters ({@code yyyy-MM-dd}) of the core's resources, with the same 400 for a malformed one. */
public final class Dates {

    private Dates() {
    }

    /** The date in {@code s}, or null when absent; 400 naming {@code field} when malformed. */
    public static LocalDate date(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Input.date(LocalDate.parse(s.strip()), field, "日期", "date");
        } catch (DateTimeParseException e) {
            throw RenkouException.invalid(field, "日期格式应为 yyyy-MM-dd，例如 2026-01-31。",
                    "Dates are yyyy-MM-dd, e.g. 2026-01-31.");
        }
    }
}
