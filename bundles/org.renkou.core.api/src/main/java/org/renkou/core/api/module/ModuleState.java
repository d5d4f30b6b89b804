package org.renkou.core.api.module;

/** State of a module as an administrator sees it. */
public enum ModuleState {
    /** On, and every bundle of it active. */
    ENABLED,
    /** Switched off; its data stays in the database. */
    DISABLED,
    /** Meant to be on, but a bundle does not resolve or start, or a deployed bundle was refused; see the reason. */
    FAILED
}
