package org.renkou.core.api.imports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A bulk import of residents (批量导入) and how far it got. Counts are those of committed batches, so after a
 * crash they match what is in the database.
 */
public class ImportJobDTO {
    public String id;
    public ImportState state;
    /** Who started it. */
    public String actor;
    /** The character set the file was read in (detected or given). */
    public String charset;
    /** Data rows in the file (lines after the header, blank lines not counted). */
    public long totalRows;
    /** Rows read and settled so far (imported, skipped or rejected). */
    public long processedRows;
    public long importedRows;
    /** Rows whose ID number was registered already: left as they are, not duplicated. */
    public long skippedExisting;
    public long errorRows;
    /** Processed rows per second since the start (until the end for a finished job). */
    public double rowsPerSecond;
    /** 0–100. */
    public double percent;
    public Instant startedAt;
    public Instant finishedAt;
    /** Why a FAILED job stopped, in Chinese and English. */
    public String message;
    /** The first {@link ImportService#MAX_ERRORS_SHOWN} rejected rows, by line. */
    public List<ImportErrorDTO> errors = new ArrayList<>();
    /** How many 15-digit ID numbers were converted to 18 digits. Since 1.1. */
    public long convertedIds;
    /** The first conversions (as many as errors are shown), in {@link ImportService#find} only. Since 1.1. */
    public List<ImportConversionDTO> conversions = new ArrayList<>();
}
