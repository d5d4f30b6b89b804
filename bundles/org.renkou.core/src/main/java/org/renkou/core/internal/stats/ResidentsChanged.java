package org.renkou.core.internal.stats;

/**
 * Told when many residents changed at once (an import or the generator finished), so that the statistics do not
 * wait for their next scheduled refresh. Internal to the core bundle.
 */
public interface ResidentsChanged {
    /** Asks for a refresh soon; never blocks and never fails. */
    void residentsChanged(String trigger);
}
