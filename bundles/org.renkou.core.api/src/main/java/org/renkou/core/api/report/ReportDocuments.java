package org.renkou.core.api.report;

import java.util.List;

/** Turns report tables into documents to download: an Excel workbook or an A4 PDF with an embedded CJK font. */
public interface ReportDocuments {
    String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    String PDF_TYPE = "application/pdf";

    /** An .xlsx workbook with one sheet per table (title row, header row, rows, notes). */
    byte[] xlsx(List<ReportTable> sheets);

    /**
     * A PDF, A4 landscape, the tables one after another, broken over pages with the header repeated.
     *
     * @throws org.renkou.core.api.RenkouException (UNAVAILABLE) when no CJK font is installed
     */
    byte[] pdf(List<ReportTable> tables);
}
