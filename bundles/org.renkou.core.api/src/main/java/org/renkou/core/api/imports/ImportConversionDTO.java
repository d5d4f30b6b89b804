package org.renkou.core.api.imports;

/**
 * A 15-digit ID number (GB 11643-1989) that an import converted to 18 digits (century 19, check character computed),
 * for the job report: the line and both forms, masked as in lists (the file holds them in full).
 */
public class ImportConversionDTO {
    /** Line in the file, counting the header as line 1. */
    public long line;
    /** The 15-digit number of the file, masked. */
    public String from;
    /** The 18-digit number recorded, masked. */
    public String to;

    public ImportConversionDTO() {
    }

    public ImportConversionDTO(long line, String from, String to) {
        this.line = line;
        this.from = from;
        this.to = to;
    }
}
