package org.renkou.core.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A part of the platform that reports its own health (the database, later each module). {@code GET /api/health}
 * lists every registered indicator. Register one as an OSGi service.
 */
@ConsumerType
public interface HealthIndicator {

    /** State of a health indicator. */
    enum State {
        /** Working. */
        UP,
        /** Still starting; requests that need it wait or get 503. */
        STARTING,
        /** Failed; {@link HealthIndicator#detail()} says why. */
        DOWN
    }

    /** Short stable name, e.g. {@code database}. */
    String name();

    State state();

    /** One sentence for an administrator; may be empty when all is well. */
    String detail();
}
