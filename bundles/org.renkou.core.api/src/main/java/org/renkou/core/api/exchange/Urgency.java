package org.renkou.core.api.exchange;

/** How soon an exchange message must be answered; the due date follows from it (configurable per province). */
public enum Urgency {
    /** 紧急: 15 days by default. */
    URGENT,
    /** 一般: 30 days by default. */
    NORMAL
}
