package org.renkou.core.api.module;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A module (功能模块): a feature of the distribution or a custom bundle from {@code deploy/}. */
public class ModuleDTO {
    public String id;
    public String nameZh;
    public String nameEn;
    public String version;
    /** runtime, core, web (always on), province, module, custom. */
    public String kind;
    /** Whether an administrator may switch it. */
    public boolean switchable;
    /** What the administrator chose (stored in the database). */
    public boolean enabled;
    public ModuleState state;
    /** Why it failed, in words; empty otherwise. */
    public String reasonZh;
    public String reasonEn;
    public List<ModuleBundleDTO> bundles = new ArrayList<>();
    /** Module ids this one needs. */
    public List<String> requires = new ArrayList<>();
    /** Module ids that need this one. */
    public List<String> requiredBy = new ArrayList<>();
    /** Database tables whose rows this module owns. */
    public List<String> tables = new ArrayList<>();
    /** {@code feature} or {@code deploy}. */
    public String origin;
    public String changedBy;
    public Instant changedAt;
}
