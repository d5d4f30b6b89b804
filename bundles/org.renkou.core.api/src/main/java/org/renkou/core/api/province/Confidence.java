package org.renkou.core.api.province;

/** How sure the source of a policy value is. Anything below {@link #HIGH} is shown as unconfirmed (待确认). */
public enum Confidence {
    /** Official text or several consistent sources. */
    HIGH,
    /** A secondary source. */
    MEDIUM,
    /** A single weak source. */
    LOW
}
