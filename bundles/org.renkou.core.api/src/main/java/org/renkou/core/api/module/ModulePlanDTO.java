package org.renkou.core.api.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What switching a module on or off would do, in plain words, before it is done: which modules switch with it,
 * which menus, pages, forms, reports and jobs appear or disappear, how many records it owns (kept, never deleted).
 */
public class ModulePlanDTO {
    public String moduleId;
    /** {@code enable} or {@code disable}. */
    public String action;
    /** False when the switch is refused; {@link #reasonZh} says why. */
    public boolean allowed;
    public String reasonZh;
    public String reasonEn;
    /** Every module that switches, in order (dependents first when disabling, requirements first when enabling). */
    public List<String> modules = new ArrayList<>();
    /** One sentence per effect. */
    public List<String> sentencesZh = new ArrayList<>();
    public List<String> sentencesEn = new ArrayList<>();
    /** Table → rows, for every table the switched modules own. */
    public Map<String, Long> records = new LinkedHashMap<>();
}
