package org.renkou.core.api.household;

/** Relation to the head of household (与户主关系). */
public enum Relation {
    /** 户主. */
    HEAD,
    /** 配偶. */
    SPOUSE,
    /** 子女. */
    CHILD,
    /** 父母. */
    PARENT,
    /** 孙子女. */
    GRANDCHILD,
    /** 祖父母. */
    GRANDPARENT,
    /** 兄弟姐妹. */
    SIBLING,
    /** 其他. */
    OTHER
}
