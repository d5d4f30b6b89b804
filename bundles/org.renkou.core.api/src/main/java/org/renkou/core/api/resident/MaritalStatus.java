package org.renkou.core.api.resident;

/** Marital status (婚姻状况). */
public enum MaritalStatus {
    /** 未婚. */
    UNMARRIED,
    /** 已婚 (初婚或再婚). */
    MARRIED,
    /** 离婚. */
    DIVORCED,
    /** 丧偶. */
    WIDOWED
}
