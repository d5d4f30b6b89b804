package org.renkou.core.internal.db;

/**
 * PostgreSQL's {@code COPY … FROM STDIN} text format (复制文本格式), the one escaping rule every bulk write of the
 * core uses: values separated by tabs, null as {@code \N}, backslash, tab and line breaks escaped.
 */
public final class CopyText {
    private CopyText() {
    }

    /** Appends {@code v} and a tab to {@code text}; null is {@code \N}. */
    public static void field(StringBuilder text, String v) {
        if (v == null) {
            text.append("\\N");
        } else {
            for (int i = 0; i < v.length(); i++) {
                char ch = v.charAt(i);
                switch (ch) {
                    case '\\' -> text.append("\\\\");
                    case '\t' -> text.append("\\t");
                    case '\n' -> text.append("\\n");
                    case '\r' -> text.append("\\r");
                    default -> text.append(ch);
                }
            }
        }
        text.append('\t');
    }
}
