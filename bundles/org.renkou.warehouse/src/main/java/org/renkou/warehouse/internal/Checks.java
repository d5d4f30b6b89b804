package org.renkou.warehouse.internal;

import org.renkou.core.api.RenkouException;

/** Input checks shared by the warehouse services: each names the field at fault, in Chinese and English. */
final class Checks {

    private Checks() {
    }

    static <T> T body(T in) {
        if (in == null) {
            throw RenkouException.invalid(null, "请求内容为空。", "The request body is empty.");
        }
        return in;
    }

    static String text(String value, String field, String zh, int max) {
        if (value == null || value.isBlank()) {
            throw RenkouException.invalid(field, "请填写" + zh + "。", "Please fill in " + field + ".");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw RenkouException.invalid(field, zh + "不能超过 " + max + " 个字符。",
                    field + " must not be longer than " + max + " characters.");
        }
        return v;
    }

    static String optionalText(String value, String field, String zh, int max) {
        return value == null || value.isBlank() ? null : text(value, field, zh, max);
    }

    static <T> T required(T value, String field, String zh) {
        if (value == null) {
            throw RenkouException.invalid(field, "请填写" + zh + "。", "Please fill in " + field + ".");
        }
        return value;
    }

    static int positive(Integer value, String field) {
        if (value == null || value <= 0) {
            throw RenkouException.invalid(field, "数量必须为正整数。", field + " must be a positive whole number.");
        }
        return value;
    }
}
