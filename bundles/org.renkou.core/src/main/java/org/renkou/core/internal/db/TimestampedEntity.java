package org.renkou.core.internal.db;

import java.time.LocalDateTime;

import javax.persistence.Column;
import javax.persistence.MappedSuperclass;

/**
 * A {@link VersionedEntity} that also records when it was created and last changed (columns {@code CREATED_AT},
 * {@code UPDATED_AT}, both UTC), set by the service that writes it.
 */
@MappedSuperclass
public abstract class TimestampedEntity extends VersionedEntity {
    @Column(name = "CREATED_AT")
    public LocalDateTime createdAt; // UTC
    @Column(name = "UPDATED_AT")
    public LocalDateTime updatedAt; // UTC
}
