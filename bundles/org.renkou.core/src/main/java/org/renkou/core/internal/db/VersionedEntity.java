package org.renkou.core.internal.db;

import javax.persistence.MappedSuperclass;
import javax.persistence.Version;

/**
 * The optimistic-lock version every editable row of the core carries (column {@code VERSION}): EclipseLink raises
 * it on each update and refuses a stale one, which {@code Database.tx} turns into a 409.
 */
@MappedSuperclass
public abstract class VersionedEntity {
    @Version
    public Long version;
}
