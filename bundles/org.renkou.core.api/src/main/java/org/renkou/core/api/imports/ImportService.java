package org.renkou.core.api.imports;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.renkou.core.api.Caller;

/**
 * Bulk import of residents from a CSV file (居民批量导入). The header row names the columns, any order: those of
 * {@value #MANDATORY_COLUMNS} must be there, the other resident columns of {@value #REQUIRED_COLUMNS} may (as in the
 * form), and {@value #HOUSEHOLD_COLUMNS} both or neither. An ID number of the old 15-digit form (GB 11643-1989) is
 * accepted here only and converted to 18 digits (century 19, check character computed); the job reports each
 * conversion ({@link ImportJobDTO#conversions}). Each data row is checked with the
 * same rules as {@link org.renkou.core.api.resident.ResidentService#create}. Good rows go in batches of {@value #BATCH_SIZE}, each batch one
 * transaction with one IMPORT audit entry; bad rows are reported by line. A row whose ID number is registered
 * already is skipped and counted, never duplicated or overwritten, so importing the same file again is harmless.
 */
@ProviderType
public interface ImportService {
    /** Every resident column a file may have (the template's); the name is of version 1.0, see {@link #MANDATORY_COLUMNS}. */
    String REQUIRED_COLUMNS = "idNumber,name,residenceCode,registrationCode,status,maritalStatus,phone,address";
    /** The columns a file must have: those {@code POST /api/residents} requires. Since 1.1. */
    String MANDATORY_COLUMNS = "idNumber,name,residenceCode";
    /** Optional columns of the facts the benefit schemes need ({@code 农业/非农业} or RURAL/URBAN). Since 1.1. */
    String FACT_COLUMNS = "hukouNature";
    String HOUSEHOLD_COLUMNS = "householdNumber,relation";
    int BATCH_SIZE = 1000;
    int MAX_ERRORS_SHOWN = 1000;

    /**
     * Checks the file's encoding and header, then imports it on a background thread; the file is the service's
     * from then on (deleted when done). An Excel {@code .xlsx} file (recognised by its content) is read from its
     * first worksheet, with Excel's row numbers in the errors.
     *
     * @param charset {@code null} to detect: UTF-8 (with or without BOM) if the whole file decodes as UTF-8, else GBK
     * @return the new job, RUNNING
     * @throws org.renkou.core.api.RenkouException INVALID for an unknown charset, an empty file or a wrong header (nothing written);
     *         FORBIDDEN (role)
     */
    ImportJobDTO start(Caller caller, Path file, String charset);

    /** One job, with its first errors; only the caller's own unless the caller covers the whole country. */
    Optional<ImportJobDTO> find(Caller caller, String id);

    /** Recent jobs, newest first, without their errors. */
    List<ImportJobDTO> list(Caller caller);
}
