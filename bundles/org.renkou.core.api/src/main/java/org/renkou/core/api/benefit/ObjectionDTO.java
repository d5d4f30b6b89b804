package org.renkou.core.api.benefit;

import java.time.LocalDateTime;

/**
 * An objection (异议) to an application raised during a step's public notice, and how it was resolved. To record
 * one give {@link #objector} and {@link #content}; to resolve it give {@link #status} (UPHELD or DISMISSED),
 * {@link #resolution} and {@link #version}.
 */
public class ObjectionDTO {
    public Long id;
    public Long applicationId;
    public Integer stepIndex;
    /** Who objected (a name, or 匿名). */
    public String objector;
    public String content;
    public String recordedBy;
    public LocalDateTime recordedAt;
    public ObjectionStatus status;
    public String resolution;
    public String resolvedBy;
    public LocalDateTime resolvedAt;
    public Long version;
}
