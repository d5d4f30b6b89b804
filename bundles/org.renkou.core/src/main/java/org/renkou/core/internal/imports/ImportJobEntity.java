package org.renkou.core.internal.imports;

import java.time.LocalDateTime;

import javax.persistence.Cacheable;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.NamedQuery;
import javax.persistence.Table;

import org.renkou.core.api.imports.ImportState;

/**
 * Row of an import job (导入任务). The importer updates the counters with plain JDBC in each batch's transaction,
 * so the entity is not cached: every read sees the last committed batch.
 */
@Entity
@Cacheable(false)
@Table(name = "IMPORT_JOB")
@NamedQuery(name = ImportJobEntity.RECENT, query = "SELECT j FROM ImportJobEntity j ORDER BY j.startedAt DESC")
@NamedQuery(name = ImportJobEntity.RECENT_BY_ACTOR,
        query = "SELECT j FROM ImportJobEntity j WHERE j.actor = :actor ORDER BY j.startedAt DESC")
public class ImportJobEntity {
    public static final String RECENT = "ImportJob.recent";
    public static final String RECENT_BY_ACTOR = "ImportJob.recentByActor";

    @Id
    public String id;
    public String actor;
    @Enumerated(EnumType.STRING)
    public ImportState state;
    @Column(name = "CHARSET_NAME")
    public String charset;
    @Column(name = "TOTAL_ROWS")
    public long totalRows;
    @Column(name = "PROCESSED_ROWS")
    public long processedRows;
    @Column(name = "IMPORTED_ROWS")
    public long importedRows;
    @Column(name = "SKIPPED_EXISTING")
    public long skippedExisting;
    @Column(name = "ERROR_ROWS")
    public long errorRows;
    @Column(name = "CONVERTED_IDS")
    public long convertedIds;
    @Column(name = "STARTED_AT")
    public LocalDateTime startedAt; // UTC
    @Column(name = "FINISHED_AT")
    public LocalDateTime finishedAt; // UTC
    public String message;
}
