package org.renkou.core.api.jurisdiction;

import org.renkou.core.api.JurisdictionLevel;

/**
 * A jurisdiction (行政区划): a node of the tree province → city → county/district → street/township →
 * community/village → resident group. Keyed by its code (see {@link JurisdictionLevel} for the code rules).
 * Transfer object with public fields; used both to create a jurisdiction and to read one.
 */
public class JurisdictionDTO {
    /** GB/T 2260 or statistical division code; the key. */
    public String code;
    /** Official name in Chinese, e.g. 顺德区. */
    public String name;
    public JurisdictionLevel level;
    /** Code of the parent; {@code null} only for a province. */
    public String parentCode;
    /** Number of direct children; filled on read, ignored on create. */
    public Integer childCount;
    /** Optimistic-lock version; filled on read, ignored on create. */
    public Long version;
}
