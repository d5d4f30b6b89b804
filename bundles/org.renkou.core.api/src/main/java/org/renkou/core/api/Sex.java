package org.renkou.core.api;

/** Sex (性别) as recorded on the ID card. */
public enum Sex {
    /** 男. */
    MALE,
    /** 女. */
    FEMALE
}
