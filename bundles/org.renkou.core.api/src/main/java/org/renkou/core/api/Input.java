package org.renkou.core.api;

import java.text.Normalizer;
import java.time.LocalDate;

/**
 * Checks of what staff typed into a form (输入检查), for the core, provinces and modules alike: a failure is an
 * INVALID {@link RenkouException} naming the field, with a sentence in Chinese and in English, so every form in
 * Renkou answers bad input the same way. Text is trimmed and NFC-normalised; blank counts as missing; control and
 * format characters (NUL, ESC, a bidi override, a lone surrogate, only zero-width spaces) are refused. Dates have
 * one plausible range for the whole API ({@link #EARLIEST_DATE}..{@link #LATEST_DATE}), narrowed per kind of date
 * ({@link #birthDate}, {@link #pastDate}).
 */
public final class Input {
    private Input() {
    }

    /** The earliest date Renkou accepts anywhere (births, registrations, receipts…). */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    /** The latest date Renkou accepts anywhere (deadlines, validity ends). */
    public static final LocalDate LATEST_DATE = LocalDate.of(2199, 12, 31);

    /** Longest text that counts as "short" (a name, a number): no line breaks or tabs there. */
    private static final int SHORT_TEXT = 100;

    /** {@code s} trimmed, or null when it is null or blank. */
    public static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * {@code s} NFC-normalised and trimmed, or null when blank; INVALID naming {@code field} for a control or format
     * character (line breaks and tabs are allowed in texts longer than {@value #SHORT_TEXT} characters only) or a
     * lone surrogate, and for text made only of invisible characters.
     */
    public static String text(String raw, String field, String labelZh, String labelEn, int max) {
        String s = trimToNull(raw);
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                throw badCharacter(field, labelZh, labelEn, c);
            }
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            int type = Character.getType(c);
            if (lineBreak ? max <= SHORT_TEXT : type == Character.CONTROL || type == Character.FORMAT) {
                throw badCharacter(field, labelZh, labelEn, c);
            }
        }
        String t = trimToNull(Normalizer.normalize(s, Normalizer.Form.NFC));
        if (t != null && t.codePoints().allMatch(cp -> Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || Character.getType(cp) == Character.FORMAT || cp == 0x200B || cp == 0xFEFF)) {
            return null;
        }
        return t;
    }

    private static RenkouException badCharacter(String field, String labelZh, String labelEn, char c) {
        String code = String.format("U+%04X", (int) c);
        return RenkouException.invalid(field, labelZh + "含有不可见或控制字符（" + code + "），请删除后重新输入。",
                "The " + labelEn + " contains an invisible or control character (" + code + "); remove it.");
    }

    /**
     * The index of the first character in {@code s} that no request may carry, or -1: a C0 control character (NUL,
     * ESC…) or DEL, and a lone surrogate. Tab, CR and LF are allowed only when {@code lineBreaks} (free text). This is
     * the rule the REST host applies to every query and path parameter and every JSON string before a service sees
     * it — PostgreSQL refuses NUL in text (SQLSTATE 22021), and none of these is ever typed by a person.
     */
    public static int unsafeCharacterAt(CharSequence s, boolean lineBreaks) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                if (!(lineBreaks && (c == '\t' || c == '\n' || c == '\r'))) {
                    return i;
                }
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++; // a pair: CJK Extension B, emoji
                } else {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * {@code value} unchanged (null too) when {@link #unsafeCharacterAt} finds nothing, else INVALID naming
     * {@code field} and the character ("U+0000"). For request parameters; form fields go through {@link #text}.
     */
    public static String safe(String value, String field, boolean lineBreaks) {
        int at = value == null ? -1 : unsafeCharacterAt(value, lineBreaks);
        if (at >= 0) {
            String code = String.format("U+%04X", (int) value.charAt(at));
            throw RenkouException.invalid(field, "“" + field + "”含有不可见或控制字符（" + code + "），请删除后重新输入。",
                    "'" + field + "' contains an invisible or control character (" + code + "); remove it.");
        }
        return value;
    }

    /** {@code d} (may be null) when it lies between {@link #EARLIEST_DATE} and {@link #LATEST_DATE}, else INVALID. */
    public static LocalDate date(LocalDate d, String field, String labelZh, String labelEn) {
        return between(d, EARLIEST_DATE, LATEST_DATE, field, labelZh, labelEn);
    }

    /** A birth date (may be null): not before {@link #EARLIEST_DATE}, not after {@code today}. */
    public static LocalDate birthDate(LocalDate d, LocalDate today, String field, String labelZh, String labelEn) {
        return between(d, EARLIEST_DATE, today, field, labelZh, labelEn);
    }

    /** A date something happened (may be null): a registration, a receipt, a visit; not after {@code today}. */
    public static LocalDate pastDate(LocalDate d, LocalDate today, String field, String labelZh, String labelEn) {
        return between(d, EARLIEST_DATE, today, field, labelZh, labelEn);
    }

    /** {@code d} (may be null) when within {@code min}..{@code max}, else INVALID naming the range. */
    public static LocalDate between(LocalDate d, LocalDate min, LocalDate max, String field, String labelZh,
            String labelEn) {
        if (d != null && (d.isBefore(min) || d.isAfter(max))) {
            throw RenkouException.invalid(field, labelZh + "应在 " + min + " 至 " + max + " 之间。",
                    "The " + labelEn + " must lie between " + min + " and " + max + ".");
        }
        return d;
    }

    /** {@code s} trimmed; INVALID naming {@code field} when missing or longer than {@code max} characters. */
    public static String required(String s, String field, String labelZh, String labelEn, int max) {
        String t = text(s, field, labelZh, labelEn, max);
        if (t == null) {
            throw missing(field, labelZh, labelEn);
        }
        return bounded(t, field, labelZh, labelEn, max);
    }

    /** {@code s} trimmed, or null when blank; INVALID when longer than {@code max} characters. */
    public static String optional(String s, String field, String labelZh, String labelEn, int max) {
        String t = text(s, field, labelZh, labelEn, max);
        return t == null ? null : bounded(t, field, labelZh, labelEn, max);
    }

    /**
     * The reason given for reading sensitive data (查看原因), which the audit keeps: required, and a real reason —
     * at least two Chinese characters or four letters ("a" or "." is refused).
     */
    public static String sensitiveReason(String s, String field, String labelZh, String labelEn) {
        String t = required(s, field, labelZh, labelEn, 500);
        long han = t.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
        long letters = t.codePoints().filter(Character::isLetter).count();
        if (han < 2 && letters < 4) {
            throw RenkouException.invalid(field, labelZh + "请具体说明（至少两个汉字），将记入审计日志。",
                    "Give a real " + labelEn + " (at least four letters); it is kept in the audit log.");
        }
        return t;
    }

    /** {@code value} when not null, else INVALID naming {@code field}. */
    public static <T> T present(T value, String field, String labelZh, String labelEn) {
        if (value == null) {
            throw missing(field, labelZh, labelEn);
        }
        return value;
    }

    /** {@code value} when it is a whole number above zero, else INVALID naming {@code field}. */
    public static int positive(Integer value, String field, String labelZh, String labelEn) {
        if (value == null || value <= 0) {
            throw RenkouException.invalid(field, labelZh + "必须为正整数。",
                    "The " + labelEn + " must be a whole number above zero.");
        }
        return value;
    }

    /** {@code in} when a request body was sent, else INVALID. */
    public static <T> T body(T in) {
        if (in == null) {
            throw RenkouException.invalid(null, "请求内容为空。", "The request body is empty.");
        }
        return in;
    }

    private static RenkouException missing(String field, String labelZh, String labelEn) {
        return RenkouException.invalid(field, "请填写" + labelZh + "。", "The " + labelEn + " is required.");
    }

    private static String bounded(String t, String field, String labelZh, String labelEn, int max) {
        if (t.length() > max) {
            throw RenkouException.invalid(field, labelZh + "不能超过 " + max + " 个字符。",
                    "The " + labelEn + " must not be longer than " + max + " characters.");
        }
        return t;
    }
}
