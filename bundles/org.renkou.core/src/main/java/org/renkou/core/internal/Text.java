package org.renkou.core.internal;

import org.renkou.core.api.RenkouException;

/** Input checks shared by the services: trimmed, required, bounded. */
public final class Text {
    private Text() {
    }

    public static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** Trimmed value; INVALID naming {@code field} when missing or longer than {@code max}. */
    public static String required(String s, String field, String labelZh, String labelEn, int max) {
        String t = trimToNull(s);
        if (t == null) {
            throw RenkouException.invalid(field, "请填写" + labelZh + "。", "The " + labelEn + " is required.");
        }
        return bounded(t, field, labelZh, labelEn, max);
    }

    /** Trimmed value or null; INVALID when longer than {@code max}. */
    public static String optional(String s, String field, String labelZh, String labelEn, int max) {
        String t = trimToNull(s);
        return t == null ? null : bounded(t, field, labelZh, labelEn, max);
    }

    private static String bounded(String t, String field, String labelZh, String labelEn, int max) {
        if (t.length() > max) {
            throw RenkouException.invalid(field, labelZh + "不能超过 " + max + " 个字符。",
                    "The " + labelEn + " must not be longer than " + max + " characters.");
        }
        return t;
    }

    /** {@code body} when not null, else INVALID: a request without content. */
    public static <T> T body(T body) {
        if (body == null) {
            throw RenkouException.invalid(null, "请求内容为空。", "The request body is empty.");
        }
        return body;
    }

    /** {@code value} when not null, else INVALID naming {@code field}. */
    public static <T> T present(T value, String field, String labelZh, String labelEn) {
        if (value == null) {
            throw RenkouException.invalid(field, "请填写" + labelZh + "。", "The " + labelEn + " is required.");
        }
        return value;
    }
}
