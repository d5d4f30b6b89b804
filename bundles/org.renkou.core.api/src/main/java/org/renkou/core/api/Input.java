package org.renkou.core.api;

/**
 * Checks of what staff typed into a form (输入检查), for the core, provinces and modules alike: a failure is an
 * INVALID {@link RenkouException} naming the field, with a sentence in Chinese and in English, so every form in
 * Renkou answers bad input the same way. Text is trimmed; blank counts as missing.
 */
public final class Input {
    private Input() {
    }

    /** {@code s} trimmed, or null when it is null or blank. */
    public static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** {@code s} trimmed; INVALID naming {@code field} when missing or longer than {@code max} characters. */
    public static String required(String s, String field, String labelZh, String labelEn, int max) {
        String t = trimToNull(s);
        if (t == null) {
            throw missing(field, labelZh, labelEn);
        }
        return bounded(t, field, labelZh, labelEn, max);
    }

    /** {@code s} trimmed, or null when blank; INVALID when longer than {@code max} characters. */
    public static String optional(String s, String field, String labelZh, String labelEn, int max) {
        String t = trimToNull(s);
        return t == null ? null : bounded(t, field, labelZh, labelEn, max);
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
