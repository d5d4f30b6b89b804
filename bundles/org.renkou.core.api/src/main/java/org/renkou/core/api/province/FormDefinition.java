package org.renkou.core.api.province;

import java.util.List;

/**
 * A certificate or form type (证件/表格) a province issues: its fields with their validation, and the printable
 * template (HTML with {@code {{field}}} placeholders, laid out like the paper form).
 *
 * @param key      stable key, lower-case letters, digits and {@code -}, unique across provinces
 * @param certificate whether it is a controlled certificate with a serial number (else a plain form)
 * @param fields   in print order
 * @param template HTML body with {@code {{name}}} placeholders for the fields and {@code {{number}}}
 */
public record FormDefinition(String key, String nameZh, String nameEn, boolean certificate, List<FormField> fields,
        String template) {

    public FormDefinition {
        fields = List.copyOf(fields);
    }

    /**
     * One field of a form.
     *
     * @param name      JSON property name
     * @param required  must be given
     * @param pattern   regular expression the value must match, or {@code null}
     * @param maxLength longest value
     */
    public record FormField(String name, String labelZh, String labelEn, boolean required, String pattern,
            int maxLength) {
    }
}
