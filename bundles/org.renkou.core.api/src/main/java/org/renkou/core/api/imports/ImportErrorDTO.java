package org.renkou.core.api.imports;

/** One rejected row of an import (导入错误): where it is in the file and what is wrong with it. */
public class ImportErrorDTO {
    /** Line in the file, counting the header as line 1. */
    public long line;
    /** The column at fault (its header name), or {@code null} for the row as a whole. */
    public String field;
    /** The reason, in Chinese (the English one is in {@link #messageEn}). */
    public String message;
    public String messageEn;

    public ImportErrorDTO() {
    }

    public ImportErrorDTO(long line, String field, String message, String messageEn) {
        this.line = line;
        this.field = field;
        this.message = message;
        this.messageEn = messageEn;
    }
}
