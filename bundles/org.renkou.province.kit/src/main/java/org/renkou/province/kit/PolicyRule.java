package org.renkou.province.kit;

import java.math.BigDecimal;

import org.renkou.core.api.province.PolicySource;

/**
 * One value of a policy data file: a rule key (e.g. {@code leave.paternity}), the value (days or yuan), its legal
 * source and period, and where it was read (file and line), so errors and the UI can point at it.
 *
 * @param layer 0 for national data, then 1, 2, … for the province's files in name order; a higher layer takes
 *              precedence from its own effective date on
 */
public record PolicyRule(String key, BigDecimal value, String unit, PolicySource source, String noteZh,
        String noteEn, String file, int line, int layer) {

    /** "file:line" for messages. */
    public String origin() {
        return file + ":" + line;
    }
}
