package org.renkou.core.internal.imports;

import java.util.regex.Pattern;

import org.renkou.core.api.CitizenId;

/**
 * ID numbers of the old 15-digit form (GB 11643-1989: six digits of place, YYMMDD, three of order, no check
 * character), accepted on import only (the offices' old lists still hold them; a form asks for the 18-digit number).
 * The 18-digit number is the same with the century {@code 19} before the year and the check character of GB 11643-1999
 * after: every 15-digit number was issued to someone born in the 1900s.
 */
final class OldIdNumbers {
    private static final Pattern FIFTEEN = Pattern.compile("\\d{15}");

    private OldIdNumbers() {
    }

    /** Whether {@code raw} (trimmed) has the 15-digit form. */
    static boolean isFifteen(String raw) {
        return raw != null && FIFTEEN.matcher(raw.strip()).matches();
    }

    /** The 18-digit number of a 15-digit one; the birth date and check are left to {@link CitizenId#parse}. */
    static String toEighteen(String fifteen) {
        String f = fifteen.strip();
        if (!FIFTEEN.matcher(f).matches()) {
            throw new IllegalArgumentException("not a 15-digit ID number");
        }
        String first17 = f.substring(0, 6) + "19" + f.substring(6);
        return first17 + CitizenId.checkChar(first17);
    }
}
