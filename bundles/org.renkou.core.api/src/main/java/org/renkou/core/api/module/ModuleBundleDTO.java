package org.renkou.core.api.module;

/** A bundle of a module and its OSGi state. */
public class ModuleBundleDTO {
    public long id;
    public String symbolicName;
    public String version;
    /** INSTALLED, RESOLVED, STARTING, ACTIVE, STOPPING, UNINSTALLED. */
    public String state;
}
